import type { INodeProperties } from 'n8n-workflow';

import { recordRows } from './records';
import type { RecordType } from './records';

// XtraKit documents no list of expenses, so there is no Get Many and nothing to pick from: the ID is typed.
const expenseId = (verb: string): INodeProperties => ({
	displayName: 'Expense ID',
	name: 'expenseId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 7',
	description: `The expense to ${verb}`,
});

const expense: RecordType = {
	resource: 'expense',
	one: 'an expense',
	many: 'expenses',
	path: '/expenses',
	key: 'expense',
	listKey: 'expenses',
	id: { param: 'expenseId', label: 'Expense ID', field: expenseId },
	notFound: (id) => `Expense not found: no expense with ID "${id}"`,
	// Add / Edit Expense (docs.xtrakit.com).
	types: {
		expense_type: 'string',
		expense_description: 'string',
		expense_amount: 'money',
		payment_method: 'string',
		expense_image: 'string',
		created_by: 'string',
	},
	required: [
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
	],
	optional: [
		{ displayName: 'Expense Description', name: 'expense_description', type: 'string', default: '', placeholder: 'e.g. Flight ticket to Kumasi' },
		{ displayName: 'Expense Image URL', name: 'expense_image', type: 'string', default: '', description: 'URL of a receipt image' },
	],
};

export const expenseOperations = recordRows(expense, {
	get: 'Get one expense by its ID',
	create: { description: 'Record an expense' },
	update: { description: 'Change fields of an expense (the node sends the whole expense, as XtraKit requires)' },
});
