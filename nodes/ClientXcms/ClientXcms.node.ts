import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { executeOperations } from '../shared/executor';
import { listSearch, loadOptions } from './methods';
import { clientXcms } from './provider';
// Built by scripts/generate-descriptions.js from resources/ (clientXcmsProperties), so that loading the
// package does not build and merge every operation's fields (issue 17: cold load).
import properties from './generated/properties.json';

export class ClientXcms implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CLIENTXCMS',
		name: 'clientXcms',
		icon: { light: 'file:clientxcms.svg', dark: 'file:clientxcms.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage customers, products, services, invoices and tickets of a CLIENTXCMS billing installation',
		defaults: { name: 'CLIENTXCMS' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'clientXcmsApi', required: true }],
		properties: properties as INodeProperties[],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		// The operation table is built on the first run, not when n8n loads the package: the editor reads the
		// parameters from generated/properties.json (issue 17: cold load).
		const { clientXcmsOperations } = await import('./resources');
		return await executeOperations.call(this, clientXcms, clientXcmsOperations);
	}
}
