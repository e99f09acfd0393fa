import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { executeOperations } from '../shared/executor';
import { listSearch, loadOptions } from './methods';
import { xtraKit } from './provider';
// Built by scripts/generate-descriptions.js from resources/ (xtraKitProperties), so that loading the
// package does not build every operation's fields (issue 17: cold load).
import properties from './generated/properties.json';

export class XtraKit implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'XtraKit',
		name: 'xtraKit',
		icon: { light: 'file:xtrakit.svg', dark: 'file:xtrakit.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage customers, sales, inventory and expenses in XtraKit (POS, storefront, invoicing)',
		defaults: { name: 'XtraKit' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'xtraKitApi', required: true }],
		properties: properties as INodeProperties[],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		// The operation table is built on the first run, not when n8n loads the package: the editor reads the
		// parameters from generated/properties.json (issue 17: cold load).
		const { xtraKitOperations } = await import('./resources');
		return await executeOperations.call(this, xtraKit, xtraKitOperations);
	}
}
