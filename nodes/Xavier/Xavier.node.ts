import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { executeOperations } from '../shared/executor';
import { listSearch, loadOptions } from './methods';
import { xavier } from './provider';
import { xavierOperations, xavierProperties } from './resources';

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
		properties: xavierProperties(),
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return executeOperations.call(this, xavier, xavierOperations);
	}
}
