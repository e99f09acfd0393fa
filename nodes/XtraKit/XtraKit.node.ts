import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { operationFields, operationProperties, resourceProperty } from '../shared/description';
import { executeOperations } from '../shared/executor';
import { listSearch, loadOptions } from './methods';
import { xtraKit } from './provider';
import { xtraKitOperations, xtraKitResources } from './resources';

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
		properties: [
			resourceProperty(xtraKitResources, 'sale'),
			...operationProperties(xtraKitOperations, {
				customer: 'getAll',
				customerGroup: 'getAll',
				sale: 'getAll',
				item: 'getAll',
				itemCategory: 'getAll',
				expense: 'get',
			}),
			...operationFields(xtraKitOperations),
		],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperations.call(this, xtraKit, xtraKitOperations);
	}
}
