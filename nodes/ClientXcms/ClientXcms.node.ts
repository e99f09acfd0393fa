import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { deferred } from '../shared/deferred';
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

	// Each method's code loads on its first call (shared/deferred.ts); test/unit/deferred-methods.test.ts checks
	// that these names are the methods module's.
	methods = {
		listSearch: deferred(async () => (await import('./methods')).listSearch, ['searchCustomers', 'searchGroups', 'searchInvoices', 'searchProducts', 'searchServices']),
		loadOptions: deferred(async () => (await import('./methods')).loadOptions, [
			'getDepartments',
			'getGroups',
			'getProducts',
			'getServers',
		]),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		// The operation table, the executor and the provider load on the first run, not when n8n loads the
		// package: the editor reads the parameters from generated/properties.json (issue 17: cold load).
		const [{ executeOperations }, { clientXcms }, { clientXcmsOperations }] = await Promise.all([import('../shared/executor'), import('./provider'), import('./resources')]);
		return await executeOperations.call(this, clientXcms, clientXcmsOperations);
	}
}
