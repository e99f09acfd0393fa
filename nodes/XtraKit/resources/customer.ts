import type { INodeProperties } from 'n8n-workflow';

import type { OperationDef } from '../../shared/types';
import {
	DATE_FILTERS,
	createBody,
	requiredTextOf,
	dateFilters,
	filtersQuery,
	listPagination,
	locator,
	mergeForUpdate,
	unwrapRecord,
} from './common';
import type { FieldTypes } from './common';

/** Documented body fields of Add / Edit Customer (research §2.5). */
export const customerTypes: FieldTypes = {
	customer_group_id: 'int',
	customer_name: 'string',
	customer_email: 'string',
	customer_phone: 'string',
	customer_whatsapp: 'string',
	customer_country: 'string',
	customer_city: 'string',
	customer_state: 'string',
	customer_zip: 'string',
	address1: 'string',
	address2: 'string',
	customer_profile: 'string',
	created_by: 'string',
};

const notFound = (id: string) => `Customer not found: no customer with ID "${id}"`;

export const customerLocator = (name = 'customerId', description = 'The customer to use'): INodeProperties =>
	locator({
		name,
		displayName: 'Customer',
		searchListMethod: 'searchCustomers',
		placeholder: 'e.g. 42',
		description,
	});

const groupOption: INodeProperties = {
	displayName: 'Customer Group Name or ID',
	name: 'customer_group_id',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getCustomerGroups' },
	default: '',
	description:
		'The group the customer belongs to. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

/** The documented required fields, as node parameters (Create). */
const requiredFields: INodeProperties[] = [
	{ displayName: 'Name', name: 'customer_name', type: 'string', default: '', required: true, placeholder: 'e.g. Ama Mensah', description: 'Full name of the customer' },
	{ displayName: 'Phone', name: 'customer_phone', type: 'string', default: '', required: true, placeholder: 'e.g. +233244567890', description: 'Primary phone number' },
	{ displayName: 'Country', name: 'customer_country', type: 'string', default: '', required: true, placeholder: 'e.g. Ghana' },
	{ displayName: 'City', name: 'customer_city', type: 'string', default: '', required: true, placeholder: 'e.g. Accra' },
	{ displayName: 'State / Region', name: 'customer_state', type: 'string', default: '', required: true, placeholder: 'e.g. Greater Accra' },
	{ displayName: 'Address Line 1', name: 'address1', type: 'string', default: '', required: true, placeholder: 'e.g. 123 Main Street' },
];

const optionalFields: INodeProperties[] = [
	{ displayName: 'Address Line 2', name: 'address2', type: 'string', default: '', placeholder: 'e.g. Apt 4B, Downtown Complex' },
	{ displayName: 'Created By', name: 'created_by', type: 'string', default: '', placeholder: 'e.g. Edward', description: 'Name of the person recording the customer' },
	groupOption,
	{ displayName: 'Email', name: 'customer_email', type: 'string', placeholder: 'name@email.com', default: '' },
	{ displayName: 'Profile Image URL', name: 'customer_profile', type: 'string', default: '', placeholder: 'e.g. https://example.com/profiles/customer123.jpg' },
	{ displayName: 'WhatsApp', name: 'customer_whatsapp', type: 'string', default: '', placeholder: 'e.g. +233244567890' },
	{ displayName: 'Zip Code', name: 'customer_zip', type: 'string', default: '', placeholder: 'e.g. 00233' },
];

const updateFields: INodeProperties = {
	displayName: 'Update Fields',
	name: 'updateFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: [...requiredFields.map((f) => ({ ...f, required: false })), ...optionalFields].sort((a, b) =>
		a.displayName.localeCompare(b.displayName),
	),
};

export const customerOperations: OperationDef[] = [
	{
		resource: 'customer',
		operation: 'getAll',
		name: 'Get Many',
		action: 'Get many customers',
		description: 'List customers, optionally by group or date',
		method: 'GET',
		path: '/customers',
		pagination: listPagination('customers', 'customers'),
		buildQuery: filtersQuery({ customer_group_id: 'int', ...DATE_FILTERS }),
		fields: [
			{
				displayName: 'Filters',
				name: 'filters',
				type: 'collection',
				placeholder: 'Add Filter',
				default: {},
				options: [groupOption, ...dateFilters('customers')].sort((a, b) => a.displayName.localeCompare(b.displayName)),
			},
		],
	},
	{
		resource: 'customer',
		operation: 'get',
		name: 'Get',
		action: 'Get a customer',
		description: 'Get one customer with its customer group',
		method: 'GET',
		path: '/customers/{customerId}',
		pathParams: [{ param: 'customerId', label: 'Customer' }],
		notFound: ({ customerId }) => notFound(customerId),
		unwrap: unwrapRecord('customer', { param: 'customerId', message: notFound }),
		fields: [customerLocator('customerId', 'The customer to get')],
	},
	{
		resource: 'customer',
		operation: 'create',
		name: 'Create',
		action: 'Create a customer',
		description: 'Add a customer',
		method: 'POST',
		path: '/customers/add',
		body: {
			fields: requiredFields.map((f) => ({ param: f.name, required: true, label: f.displayName })),
			collections: ['additionalFields'],
		},
		buildBody: createBody(customerTypes, requiredTextOf(requiredFields)),
		unwrap: unwrapRecord('customer'),
		fields: [
			...requiredFields,
			{
				displayName: 'Additional Fields',
				name: 'additionalFields',
				type: 'collection',
				placeholder: 'Add Field',
				default: {},
				options: optionalFields,
			},
		],
	},
	{
		resource: 'customer',
		operation: 'update',
		name: 'Update',
		action: 'Update a customer',
		description: 'Change fields of a customer (the node sends the whole record, as XtraKit requires)',
		method: 'PUT',
		path: '/customers/{customerId}',
		pathParams: [{ param: 'customerId', label: 'Customer' }],
		notFound: ({ customerId }) => notFound(customerId),
		body: { collections: ['updateFields'] },
		buildBody: mergeForUpdate({
			path: '/customers/{customerId}',
			param: 'customerId',
			label: 'Customer',
			key: 'customer',
			types: customerTypes,
			notFound,
			required: requiredTextOf(requiredFields),
		}),
		unwrap: unwrapRecord('customer', { param: 'customerId', message: notFound }),
		fields: [customerLocator('customerId', 'The customer to update'), updateFields],
	},
];
