import type { INodeProperties } from 'n8n-workflow';

import { byDisplayName } from '../../shared/alphabetical';
import { locatorProperty } from '../../shared/locator';
import { DATE_FILTERS, dateFilters, dropdown, recordRows } from './records';
import type { RecordType } from './records';

export const customerLocator = (name: string, description: string): INodeProperties =>
	locatorProperty({ name, displayName: 'Customer', searchListMethod: 'searchCustomers', idPlaceholder: 'e.g. 42', description });

const groupOption = dropdown({
	displayName: 'Customer Group Name or ID',
	name: 'customer_group_id',
	loadOptionsMethod: 'getCustomerGroups',
	what: 'The group the customer belongs to.',
});

const customer: RecordType = {
	resource: 'customer',
	one: 'a customer',
	many: 'customers',
	path: '/customers',
	key: 'customer',
	listKey: 'customers',
	id: { param: 'customerId', label: 'Customer', field: (verb) => customerLocator('customerId', `The customer to ${verb}`) },
	notFound: (id) => `Customer not found: no customer with ID "${id}"`,
	// Add / Edit Customer (docs.xtrakit.com).
	types: {
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
	},
	required: [
		{ displayName: 'Name', name: 'customer_name', type: 'string', default: '', required: true, placeholder: 'e.g. Ama Mensah', description: 'Full name of the customer' },
		{ displayName: 'Phone', name: 'customer_phone', type: 'string', default: '', required: true, placeholder: 'e.g. +233244567890', description: 'Primary phone number' },
		{ displayName: 'Country', name: 'customer_country', type: 'string', default: '', required: true, placeholder: 'e.g. Ghana' },
		{ displayName: 'City', name: 'customer_city', type: 'string', default: '', required: true, placeholder: 'e.g. Accra' },
		{ displayName: 'State / Region', name: 'customer_state', type: 'string', default: '', required: true, placeholder: 'e.g. Greater Accra' },
		{ displayName: 'Address Line 1', name: 'address1', type: 'string', default: '', required: true, placeholder: 'e.g. 123 Main Street' },
	],
	optional: [
		{ displayName: 'Address Line 2', name: 'address2', type: 'string', default: '', placeholder: 'e.g. Apt 4B, Downtown Complex' },
		{ displayName: 'Created By', name: 'created_by', type: 'string', default: '', placeholder: 'e.g. Edward', description: 'Name of the person recording the customer' },
		groupOption,
		{ displayName: 'Email', name: 'customer_email', type: 'string', placeholder: 'name@email.com', default: '' },
		{ displayName: 'Profile Image URL', name: 'customer_profile', type: 'string', default: '', placeholder: 'e.g. https://example.com/profiles/customer123.jpg' },
		{ displayName: 'WhatsApp', name: 'customer_whatsapp', type: 'string', default: '', placeholder: 'e.g. +233244567890' },
		{ displayName: 'Zip Code', name: 'customer_zip', type: 'string', default: '', placeholder: 'e.g. 00233' },
	],
};

export const customerOperations = recordRows(customer, {
	getAll: {
		description: 'List customers, optionally by group or date',
		filterTypes: { customer_group_id: 'int', ...DATE_FILTERS },
		filters: [groupOption, ...dateFilters('customers')].sort(byDisplayName),
	},
	get: 'Get one customer with its customer group',
	create: { description: 'Add a customer' },
	update: { description: 'Change fields of a customer (the node sends the whole record, as XtraKit requires)' },
});
