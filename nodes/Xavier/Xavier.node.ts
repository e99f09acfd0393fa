import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { executeOperations } from '../shared/executor';
import { listSearch, loadOptions } from './methods';
import { xavier } from './provider';
// Built by scripts/generate-descriptions.js from resources/ (xavierProperties), so that loading the
// package does not build every operation's fields (issue 17: cold load).
import properties from './generated/properties.json';

export class Xavier implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Xavier Analytics',
		name: 'xavier',
		icon: { light: 'file:xavier.svg', dark: 'file:xavier.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Read client health scores and activity from Xavier Analytics (Dext Precision)',
		defaults: { name: 'Xavier Analytics' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'xavierApi', required: true }],
		properties: properties as INodeProperties[],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		// The operation table is built on the first run, not when n8n loads the package: the editor reads the
		// parameters from generated/properties.json (issue 17: cold load).
		const { xavierOperations } = await import('./resources');
		return await executeOperations.call(this, xavier, xavierOperations);
	}
}
