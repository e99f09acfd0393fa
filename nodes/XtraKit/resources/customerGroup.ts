import type { INodeProperties } from 'n8n-workflow';

import { locatorProperty } from '../../shared/locator';
import { DATE_FILTERS, dateFilters, recordRows } from './records';
import type { RecordType } from './records';

const customerGroup: RecordType = {
	resource: 'customerGroup',
	one: 'a customer group',
	many: 'customer groups',
	path: '/customer-groups',
	key: 'group',
	listKey: 'groups',
	id: {
		param: 'groupId',
		label: 'Customer Group',
		field: (verb): INodeProperties =>
			locatorProperty({
				name: 'groupId',
				displayName: 'Customer Group',
				searchListMethod: 'searchCustomerGroups',
				idPlaceholder: 'e.g. 1',
				description: `The customer group to ${verb}`,
			}),
	},
	notFound: (id) => `Customer group not found: no group with ID "${id}"`,
	types: { group_name: 'string', group_description: 'string' },
	required: [{ displayName: 'Group Name', name: 'group_name', type: 'string', default: '', required: true, placeholder: 'e.g. Premium Customers' }],
	optional: [{ displayName: 'Group Description', name: 'group_description', type: 'string', default: '', placeholder: 'e.g. Customers who have spent over GH₵1000' }],
};

export const customerGroupOperations = recordRows(customerGroup, {
	getAll: {
		description: 'List customer groups, optionally by business code or date',
		filterTypes: { business_code: 'int', ...DATE_FILTERS },
		filters: [
			{
				displayName: 'Business Code',
				name: 'business_code',
				type: 'string',
				default: '',
				placeholder: 'e.g. 15848484',
				description: 'Only groups of the business with this code',
			},
			...dateFilters('customer groups'),
		],
	},
	get: 'Get one customer group',
	create: { description: 'Add a customer group' },
	update: { description: 'Change the name or description of a customer group' },
});
