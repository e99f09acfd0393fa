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

export const customerGroupTypes: FieldTypes = {
	group_name: 'string',
	group_description: 'string',
};

const notFound = (id: string) => `Customer group not found: no group with ID "${id}"`;

const groupLocator = (description: string): INodeProperties =>
	locator({
		name: 'groupId',
		displayName: 'Customer Group',
		searchListMethod: 'searchCustomerGroups',
		placeholder: 'e.g. 1',
		description,
	});

const nameField: INodeProperties = {
	displayName: 'Group Name',
	name: 'group_name',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. Premium Customers',
};

const descriptionField: INodeProperties = {
	displayName: 'Group Description',
	name: 'group_description',
	type: 'string',
	default: '',
	placeholder: 'e.g. Customers who have spent over GH₵1000',
};

export const customerGroupOperations: OperationDef[] = [
	{
		resource: 'customerGroup',
		operation: 'getAll',
		name: 'Get Many',
		action: 'Get many customer groups',
		description: 'List customer groups, optionally by business code or date',
		method: 'GET',
		path: '/customer-groups',
		pagination: listPagination('groups', 'customer groups'),
		buildQuery: filtersQuery({ business_code: 'int', ...DATE_FILTERS }),
		fields: [
			{
				displayName: 'Filters',
				name: 'filters',
				type: 'collection',
				placeholder: 'Add Filter',
				default: {},
				options: [
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
		],
	},
	{
		resource: 'customerGroup',
		operation: 'get',
		name: 'Get',
		action: 'Get a customer group',
		description: 'Get one customer group',
		method: 'GET',
		path: '/customer-groups/{groupId}',
		pathParams: [{ param: 'groupId', label: 'Customer Group' }],
		notFound: ({ groupId }) => notFound(groupId),
		unwrap: unwrapRecord('group', { param: 'groupId', message: notFound }),
		fields: [groupLocator('The customer group to get')],
	},
	{
		resource: 'customerGroup',
		operation: 'create',
		name: 'Create',
		action: 'Create a customer group',
		description: 'Add a customer group',
		method: 'POST',
		path: '/customer-groups/add',
		body: { fields: [{ param: 'group_name', required: true, label: 'Group Name' }], collections: ['additionalFields'] },
		buildBody: createBody(customerGroupTypes, requiredTextOf([nameField])),
		unwrap: unwrapRecord('group'),
		fields: [
			nameField,
			{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options: [descriptionField] },
		],
	},
	{
		resource: 'customerGroup',
		operation: 'update',
		name: 'Update',
		action: 'Update a customer group',
		description: 'Change the name or description of a customer group',
		method: 'PUT',
		path: '/customer-groups/{groupId}',
		pathParams: [{ param: 'groupId', label: 'Customer Group' }],
		notFound: ({ groupId }) => notFound(groupId),
		body: { collections: ['updateFields'] },
		buildBody: mergeForUpdate({
			path: '/customer-groups/{groupId}',
			param: 'groupId',
			label: 'Customer Group',
			key: 'group',
			types: customerGroupTypes,
			notFound,
			required: requiredTextOf([nameField]),
		}),
		unwrap: unwrapRecord('group', { param: 'groupId', message: notFound }),
		fields: [
			groupLocator('The customer group to update'),
			{
				displayName: 'Update Fields',
				name: 'updateFields',
				type: 'collection',
				placeholder: 'Add Field',
				default: {},
				options: [descriptionField, { ...nameField, required: false }],
			},
		],
	},
];
