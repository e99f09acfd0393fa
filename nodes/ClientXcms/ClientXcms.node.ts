import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { operationFields, operationProperties, resourceProperty } from '../shared/description';
import { executeOperations } from '../shared/executor';
import { listSearch, loadOptions } from './methods';
import { clientXcms } from './provider';
import { clientXcmsDefaults, clientXcmsOperations, clientXcmsResources } from './resources';

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
		properties: [
			resourceProperty(clientXcmsResources, 'customer'),
			...operationProperties(clientXcmsOperations, clientXcmsDefaults),
			...operationFields(clientXcmsOperations),
		],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return executeOperations.call(this, clientXcms, clientXcmsOperations);
	}
}
