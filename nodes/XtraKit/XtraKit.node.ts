import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { deferred } from '../shared/deferred';
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

	// Each method's code loads on its first call (shared/deferred.ts); test/unit/deferred-methods.test.ts checks
	// that these names are the methods module's.
	methods = {
		listSearch: deferred(async () => (await import('./methods')).listSearch, ['searchCustomers', 'searchCustomerGroups', 'searchItems', 'searchSales']),
		loadOptions: deferred(async () => (await import('./methods')).loadOptions, [
			'getCategories',
			'getCustomerGroups',
		]),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		// The operation table, the executor and the provider load on the first run, not when n8n loads the
		// package: the editor reads the parameters from generated/properties.json (issue 17: cold load).
		const [{ executeOperations }, { xtraKit }, { xtraKitOperations }] = await Promise.all([import('../shared/executor'), import('./provider'), import('./resources')]);
		return await executeOperations.call(this, xtraKit, xtraKitOperations);
	}
}
