import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { operationFields, operationProperties, resourceProperty } from '../shared/description';
import { executeClientXcms } from './execute';
import {
	getDepartments,
	getGroups,
	getProducts,
	getServers,
	searchCustomers,
	searchGroups,
	searchInvoices,
	searchProducts,
	searchServices,
} from './methods';
import { clientXcmsOperations, clientXcmsResources } from './resources';

const DEFAULTS: Record<string, string> = {
	instance: 'license',
	customer: 'getAll',
	product: 'getAll',
	group: 'getAll',
	pricing: 'getAll',
	service: 'getAll',
	invoice: 'getAll',
	department: 'getAll',
	ticket: 'getAll',
	coupon: 'getAll',
	server: 'getAll',
	log: 'getAll',
	subdomain: 'getAll',
	cancellationReason: 'getAll',
};

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
			...operationProperties(clientXcmsOperations, DEFAULTS),
			...operationFields(clientXcmsOperations),
		],
	};

	methods = {
		listSearch: { searchCustomers, searchGroups, searchInvoices, searchProducts, searchServices },
		loadOptions: { getDepartments, getGroups, getProducts, getServers },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeClientXcms.call(this);
	}
}
