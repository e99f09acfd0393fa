import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { executeOperations } from '../shared/executor';
import { listSearch, loadOptions } from './methods';
import { cliniko } from './provider';
// Built by scripts/generate-descriptions.js from resources/ (clinikoProperties): merging ~180 operations'
// fields at load would cost n8n hundreds of milliseconds each start (issue 17).
import properties from './generated/properties.json';

export class Cliniko implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cliniko',
		name: 'cliniko',
		icon: { light: 'file:cliniko.svg', dark: 'file:cliniko.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage patients, appointments, invoices and every other record of the Cliniko practice management API',
		defaults: { name: 'Cliniko' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'clinikoApi', required: true }],
		properties: properties as INodeProperties[],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		// The operation table is built on the first run, not when n8n loads the package: the editor reads the
		// parameters from generated/properties.json (issue 17: cold load).
		const { clinikoOperations } = await import('./resources');
		return await executeOperations.call(this, cliniko, clinikoOperations);
	}
}
