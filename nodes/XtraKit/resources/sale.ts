import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { byDisplayName } from '../../shared/alphabetical';
import { parameterError } from '../../shared/errors';
import { locatorProperty } from '../../shared/locator';
import type { OperationContext } from '../../shared/types';
import { describeValue, textOf } from '../../shared/validate';
import { customerLocator } from './customer';
import { collection, createBody, recordRows, requiredTextOf } from './records';
import type { RecordType } from './records';
import { coerceBody } from './values';
import type { FieldTypes } from './values';

/** Documented body fields of Add / Edit Sale, plus those the docs' samples show (payment_date …). */
export const saleTypes: FieldTypes = {
	invoice_code: 'string',
	invoice_number: 'string',
	customer_id: 'int',
	sub_total_amount: 'money',
	total_amount: 'money',
	amount_paid: 'money',
	discount: 'money',
	invoice_type: 'string',
	invoice_colour: 'string',
	invoice_note: 'string',
	invoice_terms: 'string',
	payment_type: 'string',
	payment_internal_note: 'string',
	payment_date: 'date',
	payment_status: 'string',
	issued_by: 'string',
	due_date: 'date',
	reminder_date: 'date',
	reminder_message: 'string',
};

/** Fields of a line item as Fetch Sale returns them (`sales-item`). */
const lineItemTypes: FieldTypes = {
	item_name: 'string',
	description: 'string',
	unit_price: 'money',
	quantity: 'numberString',
	tax: 'money',
};

/** No page of docs.xtrakit.com shows how line items are sent; this is the key the node uses unless changed. */
const DEFAULT_LINE_ITEMS_FIELD = 'items';

// Two vocabularies, each used where its page documents it: add-sale and edit-sale take main (XtraKit
// dashboard), pos (XtraPOS) and order (Storefront); the list-sales filter documents "pos, invoice,
// storefront". No page maps one set onto the other, so neither is translated.
const invoiceTypes = [
	{ name: 'Dashboard', value: 'main', description: 'An invoice made in the XtraKit dashboard (sent as "main")' },
	{ name: 'Storefront', value: 'order', description: 'An order from the XtraKit Storefront (sent as "order")' },
	{ name: 'XtraPOS', value: 'pos', description: 'A receipt from the XtraPOS point of sale (sent as "pos")' },
];
const listInvoiceTypes = [
	{ name: 'Invoice', value: 'invoice', description: 'Sent as "invoice", as the list-sales page documents' },
	{ name: 'POS', value: 'pos', description: 'Sent as "pos"' },
	{ name: 'Storefront', value: 'storefront', description: 'Sent as "storefront"' },
];

const paymentTypes = [
	'Bank Transfer / Deposit',
	'Card Payment',
	'Cash',
	'Cheque',
	'Digital Payment',
	'Mobile Money',
	'None',
	'Other Payment',
].map((value) => ({ name: value, value }));

const paymentStatuses = [
	{ name: 'Draft', value: 'draft' },
	{ name: 'Paid', value: 'paid' },
	{ name: 'Partial', value: 'partial' },
];

const money = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'number',
	typeOptions: { minValue: 0, numberPrecision: 2 },
	default: 0,
	required: true,
	description,
});

const requiredFields: INodeProperties[] = [
	{
		displayName: 'Invoice Code',
		name: 'invoice_code',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 324232',
		description:
			'A unique 6-digit code you generate for the sale, e.g. with the expression {{ Math.floor(100000 + Math.random() * 900000) }}',
	},
	{
		displayName: 'Invoice Number',
		name: 'invoice_number',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. INV-000001',
		description: 'XtraKit applies the prefix configured in the account',
	},
	customerLocator('customerId', 'The customer the sale is for'),
	money('Sub Total Amount', 'sub_total_amount', 'Subtotal of the sale'),
	money('Total Amount', 'total_amount', 'Total after tax, discount and everything else'),
	money('Amount Paid', 'amount_paid', 'Amount received when recording the sale; 0 with Payment Type "None" makes a draft'),
	{
		displayName: 'Invoice Type',
		name: 'invoice_type',
		type: 'options',
		options: invoiceTypes,
		default: 'main',
		required: true,
		description: 'Where the sale was made',
	},
	{
		displayName: 'Payment Type',
		name: 'payment_type',
		type: 'options',
		options: paymentTypes,
		default: 'Cash',
		required: true,
	},
];

const optionalFields: INodeProperties[] = [
	{ displayName: 'Discount', name: 'discount', type: 'number', typeOptions: { minValue: 0, numberPrecision: 2 }, default: 0, description: 'An amount, not a percentage' },
	{ displayName: 'Due Date', name: 'due_date', type: 'dateTime', default: '' },
	{ displayName: 'Invoice Colour', name: 'invoice_colour', type: 'color', default: '#FFFFFF' },
	{ displayName: 'Invoice Note', name: 'invoice_note', type: 'string', default: '', description: 'A message printed on the invoice' },
	{ displayName: 'Invoice Terms', name: 'invoice_terms', type: 'string', default: '', placeholder: 'e.g. Thanks for doing business' },
	{ displayName: 'Issued By', name: 'issued_by', type: 'string', default: '', placeholder: 'e.g. Jones Nathal' },
	{ displayName: 'Payment Date', name: 'payment_date', type: 'dateTime', default: '' },
	{ displayName: 'Payment Internal Note', name: 'payment_internal_note', type: 'string', default: '', description: 'A note about the payment, for the business only' },
	{ displayName: 'Payment Status', name: 'payment_status', type: 'options', options: paymentStatuses, default: 'paid' },
	{ displayName: 'Reminder Date', name: 'reminder_date', type: 'dateTime', default: '' },
	{ displayName: 'Reminder Message', name: 'reminder_message', type: 'string', default: '' },
];

const lineItemsField: INodeProperties = {
	displayName: 'Line Items',
	name: 'lineItems',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Line Item',
	default: {},
	description: 'What was sold; XtraKit returns these as "sales-item" when the sale is fetched',
	options: [
		{
			displayName: 'Line Item',
			name: 'item',
			values: [
				{ displayName: 'Description', name: 'description', type: 'string', default: '', placeholder: 'e.g. Including hosting' },
				{ displayName: 'Item Name', name: 'item_name', type: 'string', default: '', required: true, placeholder: 'e.g. Web Design' },
				{ displayName: 'Quantity', name: 'quantity', type: 'number', typeOptions: { minValue: 0 }, default: 1 },
				{ displayName: 'Tax', name: 'tax', type: 'number', typeOptions: { minValue: 0, numberPrecision: 2 }, default: 0, description: 'Tax amount of the line' },
				{ displayName: 'Unit Price', name: 'unit_price', type: 'number', typeOptions: { minValue: 0, numberPrecision: 2 }, default: 0 },
			],
		},
	],
};

/** Get Many's filters, with the values the list-sales page documents. */
const listFilters: INodeProperties[] = [
	{ displayName: 'Customer ID', name: 'customer_id', type: 'string', default: '', placeholder: 'e.g. 42' },
	{
		displayName: 'End Date',
		name: 'due_date',
		type: 'dateTime',
		default: '',
		description: 'End date for filtering sales, sent as "due_date" (YYYY-MM-DD)',
	},
	{ displayName: 'Invoice Code', name: 'invoice_code', type: 'string', default: '', placeholder: 'e.g. 324232' },
	{ displayName: 'Invoice Type', name: 'invoice_type', type: 'options', options: listInvoiceTypes, default: 'pos' },
	{ displayName: 'Payment Date', name: 'payment_date', type: 'dateTime', default: '' },
	{ displayName: 'Payment Status', name: 'payment_status', type: 'options', options: paymentStatuses, default: 'paid' },
	{
		displayName: 'Start Date',
		name: 'created_at',
		type: 'dateTime',
		default: '',
		description: 'Start date for filtering sales, sent as "created_at" (YYYY-MM-DD HH:MM:SS, as typed, without time zone)',
	},
];

const saleOptions = collection('Options', 'options', 'Add Option', [
	{
		displayName: 'Line Items Field',
		name: 'lineItemsField',
		type: 'string',
		default: DEFAULT_LINE_ITEMS_FIELD,
		description:
			"Body key the line items are sent under. XtraKit's docs do not show it; change it only if XtraKit ignores the line items.",
	},
]);

function validateInvoiceCode(opCtx: OperationContext): void {
	const { ctx, itemIndex } = opCtx;
	const code = textOf(ctx.getNode(), ctx.getNodeParameter('invoice_code', itemIndex, ''), 'Invoice Code', itemIndex);
	if (code !== '' && !/^\d{6}$/.test(code)) {
		throw parameterError(ctx.getNode(), 'Invoice Code must be 6 digits', itemIndex, `Got ${describeValue(code)}. XtraKit documents a unique 6-digit code, e.g. 324232.`);
	}
}

/** Create: the documented fields, plus the line items under the chosen key. */
async function saleCreateBody(body: IDataObject, opCtx: OperationContext): Promise<IDataObject> {
	const { ctx, itemIndex } = opCtx;
	const node = ctx.getNode();
	const out = createBody(saleTypes, requiredTextOf(requiredFields))(body, opCtx);
	const lines = (ctx.getNodeParameter('lineItems', itemIndex, {}) as { item?: IDataObject[] }).item ?? [];
	if (lines.length > 0) {
		const options = ctx.getNodeParameter('options', itemIndex, {}) as { lineItemsField?: string };
		const key = String(options.lineItemsField ?? '').trim() || DEFAULT_LINE_ITEMS_FIELD;
		out[key] = lines.map((line, index) => {
			if (String(line.item_name ?? '').trim() === '') {
				throw parameterError(node, `Line item ${index + 1} has no Item Name`, itemIndex);
			}
			return coerceBody(node, lineItemTypes, line, itemIndex, ctx.getTimezone());
		});
	}
	return out;
}

const sale: RecordType = {
	resource: 'sale',
	one: 'a sale',
	many: 'sales',
	path: '/sales',
	key: 'sales',
	listKey: 'sales',
	id: {
		param: 'invoiceCode',
		label: 'Sale',
		field: (verb) =>
			locatorProperty({
				name: 'invoiceCode',
				displayName: 'Sale',
				searchListMethod: 'searchSales',
				idPlaceholder: 'e.g. 324232',
				description: `The sale to ${verb}, by its invoice code`,
			}),
	},
	notFound: (code) => `Sale not found: no sale with invoice code "${code}"`,
	types: saleTypes,
	required: requiredFields,
	optional: optionalFields,
};

export const saleOperations = recordRows(sale, {
	getAll: {
		description: 'List sales (invoices and receipts), optionally filtered',
		filterTypes: { customer_id: 'int', payment_date: 'date', created_at: 'datetime', due_date: 'date' },
		filters: listFilters,
	},
	get: 'Get one sale with its line items',
	create: {
		description: 'Record a sale (invoice or receipt) with its line items',
		validate: validateInvoiceCode,
		body: {
			fields: [
				...requiredFields
					.filter((f) => f.name !== 'customerId')
					.map((f) => ({ param: f.name, required: true, label: f.displayName })),
				{ param: 'customerId', as: 'customer_id', required: true, label: 'Customer' },
			],
			collections: ['additionalFields'],
		},
		buildBody: saleCreateBody,
		fields: [
			...requiredFields,
			lineItemsField,
			collection('Additional Fields', 'additionalFields', 'Add Field', optionalFields),
			saleOptions,
		],
	},
	update: {
		description: 'Change fields of a sale by its invoice code (the node sends the whole sale, as XtraKit requires)',
		// Edit Sale's path has /edit/ (docs.xtrakit.com edit-sale), and it takes invoice_code in the path and again in the body.
		path: '/sales/edit/{invoiceCode}',
		fixed: (invoiceCode) => ({ invoice_code: invoiceCode }),
		options: [
			...requiredFields.filter((f) => f.name !== 'invoice_code' && f.name !== 'customerId').map((f) => ({ ...f, required: false })),
			{ displayName: 'Customer ID', name: 'customer_id', type: 'string', default: '', placeholder: 'e.g. 42' } as INodeProperties,
			...optionalFields,
		].sort(byDisplayName),
	},
});
