import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { operationProperties, resourceProperty } from '../shared/description';
import { executeOperations } from '../shared/executor';
import { saveris } from './provider';
import { defaultOperations, exportFields, saverisOperations, saverisResources } from './resources';

export class Saveris implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'testo Saveris',
		name: 'saveris',
		icon: { light: 'file:saveris.svg', dark: 'file:saveris.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Export measurements, alarms, tasks and device data from the testo Saveris Data API',
		defaults: { name: 'testo Saveris' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'saverisApi', required: true }],
		properties: [
			resourceProperty(saverisResources, 'measurement'),
			...operationProperties(saverisOperations, defaultOperations),
			...exportFields,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return executeOperations.call(this, saveris, saverisOperations);
	}
}
