import type { INodeProperties } from 'n8n-workflow';

import type { OperationDef } from '../../shared/types';
import { createBody, mergeForUpdate, requiredTextOf, unwrapRecord } from './common';
import type { FieldTypes } from './common';

/** Documented body fields of Add / Edit Expense (research §2.5). */
export const expenseTypes: FieldTypes = {
	expense_type: 'string',
	expense_description: 'string',
	expense_amount: 'money',
	payment_method: 'string',
	expense_image: 'string',
	created_by: 'string',
};

const notFound = (id: string) => `Expense not found: no expense with ID "${id}"`;

// XtraKit documents no list of expenses, so there is nothing to pick from: the ID is typed.
const expenseId = (description: string): INodeProperties => ({
	displayName: 'Expense ID',
	name: 'expenseId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 7',
	description,
});

const requiredFields: INodeProperties[] = [
	{ displayName: 'Expense Type', name: 'expense_type', type: 'string', default: '', required: true, placeholder: 'e.g. Travel' },
	{
		displayName: 'Expense Amount',
		name: 'expense_amount',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		required: true,
	},
	{
		displayName: 'Payment Method',
		name: 'payment_method',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. MOMO',
		description: 'How it was paid (the docs show "MOMO" for mobile money)',
	},
	{ displayName: 'Created By', name: 'created_by', type: 'string', default: '', required: true, placeholder: 'e.g. Edward', description: 'Who recorded the expense' },
];

const optionalFields: INodeProperties[] = [
	{ displayName: 'Expense Description', name: 'expense_description', type: 'string', default: '', placeholder: 'e.g. Flight ticket to Kumasi' },
	{ displayName: 'Expense Image URL', name: 'expense_image', type: 'string', default: '', description: 'URL of a receipt image' },
];

export const expenseOperations: OperationDef[] = [
	{
		resource: 'expense',
		operation: 'get',
		name: 'Get',
		action: 'Get an expense',
		description: 'Get one expense by its ID',
		method: 'GET',
		path: '/expenses/{expenseId}',
		pathParams: [{ param: 'expenseId', label: 'Expense ID' }],
		notFound: ({ expenseId: id }) => notFound(id),
		unwrap: unwrapRecord('expense', { param: 'expenseId', message: notFound }),
		fields: [expenseId('The expense to get')],
	},
	{
		resource: 'expense',
		operation: 'create',
		name: 'Create',
		action: 'Create an expense',
		description: 'Record an expense',
		method: 'POST',
		path: '/expenses/add',
		body: {
			fields: requiredFields.map((f) => ({ param: f.name, required: true, label: f.displayName })),
			collections: ['additionalFields'],
		},
		buildBody: createBody(expenseTypes, requiredTextOf(requiredFields)),
		unwrap: unwrapRecord('expense'),
		fields: [
			...requiredFields,
			{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options: optionalFields },
		],
	},
	{
		resource: 'expense',
		operation: 'update',
		name: 'Update',
		action: 'Update an expense',
		description: 'Change fields of an expense (the node sends the whole expense, as XtraKit requires)',
		method: 'PUT',
		path: '/expenses/{expenseId}',
		pathParams: [{ param: 'expenseId', label: 'Expense ID' }],
		notFound: ({ expenseId: id }) => notFound(id),
		body: { collections: ['updateFields'] },
		buildBody: mergeForUpdate({
			path: '/expenses/{expenseId}',
			param: 'expenseId',
			label: 'Expense ID',
			key: 'expense',
			types: expenseTypes,
			notFound,
			required: requiredTextOf(requiredFields),
		}),
		unwrap: unwrapRecord('expense', { param: 'expenseId', message: notFound }),
		fields: [
			expenseId('The expense to update'),
			{
				displayName: 'Update Fields',
				name: 'updateFields',
				type: 'collection',
				placeholder: 'Add Field',
				default: {},
				options: [...requiredFields.map((f) => ({ ...f, required: false })), ...optionalFields].sort((a, b) =>
					a.displayName.localeCompare(b.displayName),
				),
			},
		],
	},
];
