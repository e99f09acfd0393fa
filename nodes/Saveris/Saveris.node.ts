import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';

// Built by scripts/generate-descriptions.js from resources/ (saverisProperties), so that loading the
// package does not build every operation's fields (issue 17: cold load).
import properties from './generated/properties.json';

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
		properties: properties as INodeProperties[],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		// The operation table, the executor and the provider load on the first run, not when n8n loads the
		// package: the editor reads the parameters from generated/properties.json (issue 17: cold load).
		const [{ executeOperations }, { saveris }, { saverisOperations }] = await Promise.all([import('../shared/executor'), import('./provider'), import('./resources')]);
		return await executeOperations.call(this, saveris, saverisOperations);
	}
}
