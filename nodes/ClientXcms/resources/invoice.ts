import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { FileResponse } from '../../shared/types';
import type { ClientXcmsRow } from '../provider';
import { customerIdOf, customerProperty } from './bodies';
import type { BodyField } from './bodies';
import { TIMESTAMPS, calendarDates } from './common';
import { crud } from './crud';
import { optionList, route } from './row';
import type { ResourceInfo, RouteSpec } from './row';

export const invoice: ResourceInfo = {
	value: 'invoice',
	name: 'Invoice',
	label: 'Invoice',
	path: '/invoices',
	show: 'paginatedShow',
	searchMethod: 'searchInvoices',
};

const FIELDS: BodyField[] = [
	{ key: 'customer_id', label: 'Customer', kind: 'customer', create: true, only: 'create' },
	{ key: 'currency', label: 'Currency', kind: 'string', create: true, default: 'EUR' },
	{ key: 'status', label: 'Status', kind: 'options', options: ['pending', 'paid', 'cancelled', 'refunded', 'failed', 'draft'], only: 'update' },
	{ key: 'notes', label: 'Notes', kind: 'string', only: 'update' },
	{ key: 'paymethod', label: 'Payment Method', kind: 'string', only: 'update' },
	{ key: 'fees', label: 'Fees', kind: 'number', only: 'update' },
	{ key: 'tax', label: 'Tax', kind: 'number', only: 'update' },
	{ key: 'due_date', label: 'Due Date', kind: 'dateTime', only: 'update' },
	{ key: 'paid_at', label: 'Paid At', kind: 'dateTime', only: 'update' },
	{ key: 'balance', label: 'Balance', kind: 'number', only: 'update' },
	{ key: 'external_id', label: 'External ID', kind: 'string', only: 'update' },
	{ key: 'billing_address', label: 'Billing Address (JSON)', kind: 'json', only: 'update' },
];

// InvoiceController.php:36-43, 50-57 also whitelist `amount`, but the invoices table has no such column:
// filtering or sorting on it is an SQL error (HTTP 500). Left out.
const LIST_FIELDS = ['id', 'customer_id', 'status', ...TIMESTAMPS];

const binaryPropertyField = (): INodeProperties => ({
	displayName: 'Put Output File in Field',
	name: 'binaryPropertyName',
	type: 'string',
	default: 'data',
	required: true,
	hint: 'The name of the output binary field to put the file in',
});

/** The invoice's PDF (the file routes answer it as a download). */
const pdfFile: FileResponse = {
	kind: 'file',
	fallbackName: ({ pathValues }) => `invoice-${pathValues.id}.pdf`,
	noFileMessage: ({ pathValues }) => `CLIENTXCMS sent no file for invoice ${pathValues.id}`,
	json: ({ pathValues }) => ({ invoiceId: pathValues.id }),
};

/** The export's formats, by the value the server takes. */
const FORMATS = { csv: 'CSV', xlsx: 'Excel (XLSX)', pdf: 'PDF (ZIP of PDFs)' };

/** The export: CSV, XLSX, or a ZIP of PDFs. */
const exportFile: FileResponse = {
	kind: 'file',
	fallbackName: ({ request }) => `invoices.${String((request.body as IDataObject | undefined)?.format ?? 'csv').replace('pdf', 'zip')}`,
	// The export redirects back (302 → an HTML page) when no invoice matches the filters.
	noFileMessage: () => 'CLIENTXCMS sent no file: no invoice matches the export filters',
};

/** A route on one invoice (ID or UUID), from v2.14. */
const onInvoice = (spec: Omit<RouteSpec, 'since' | 'uuid'>): ClientXcmsRow => route(invoice, { since: '2.14', uuid: true, ...spec });

export const invoiceRows: ClientXcmsRow[] = [
	...crud(invoice, {
		ability: 'invoices',
		since: '2.14',
		list: { envelope: 'collection', filters: LIST_FIELDS, includes: ['customer', 'items'] },
		show: 'paginatedShow',
		fields: FIELDS,
		// The update requires status and, unless a billing address is sent, notes, payment method, fees, tax,
		// currency and due date every time (its FormRequest in app/Http/Requests/Billing).
		merge: { keys: ['status', 'notes', 'paymethod', 'fees', 'tax', 'currency', 'due_date'] },
		uuid: ['update', 'delete'],
	}),
	onInvoice({ operation: 'notify', name: 'Notify Customer', action: 'Notify a customer of an invoice', method: 'GET', path: '/invoices/{id}/notify', ability: 'invoices:update', envelope: 'object' }),
	onInvoice({ operation: 'validate', name: 'Validate', method: 'POST', path: '/invoices/{id}/validate', ability: 'invoices:update', envelope: 'object', body: {} }),
	onInvoice({ operation: 'edit', name: 'Return to Draft', action: 'Return an invoice to draft', method: 'POST', path: '/invoices/{id}/edit', ability: 'invoices:update', envelope: 'object', body: {} }),
	// Both routes answer the same bytes; they differ in what the server keeps (Invoice.php:338-373 in
	// ClientXCMS/ClientXCMS): `pdf()` renders without storing (generatePdf(false)); `download()` stores the
	// PDF and records its SHA-256 on the invoice (generatePdf(true), Invoice.php:407-411) the first time,
	// and from then on both answer that stored copy, whatever later edits the invoice gets.
	onInvoice({
		operation: 'pdf',
		name: 'Get PDF',
		action: 'Get an invoice as PDF',
		note: 'Nothing is stored on the server: the stored copy if one exists, otherwise the invoice rendered now without storing it.',
		method: 'GET',
		path: '/invoices/{id}/pdf',
		ability: 'invoices:show',
		envelope: 'file',
		response: pdfFile,
		fields: [binaryPropertyField()],
	}),
	route(invoice, {
		operation: 'download',
		name: 'Archive and Get PDF',
		action: "Archive and get an invoice's PDF",
		note: 'The first time, the server stores the PDF and records its SHA-256 on the invoice; later edits no longer change the PDF either operation returns.',
		method: 'GET',
		path: '/invoices/{id}/download',
		ability: 'invoices:show',
		envelope: 'file',
		uuid: true,
		response: pdfFile,
		fields: [binaryPropertyField()],
	}),
	// The route binds an invoice (routes/api-application.php:94; Invoice::resolveRouteBinding answers 404
	// when none matches, Invoice.php:526-534) but the export never reads it: ExportInvoiceRequest::export()
	// (app/Http/Requests/Billing/ExportInvoiceRequest.php:89-116) selects by format, dates, status and
	// customer only. So any existing invoice will do, and the UI says so.
	onInvoice({
		operation: 'export',
		name: 'Export',
		action: 'Export the invoices matching filters',
		idField: {
			displayName: 'Any Invoice (Route Only)',
			description:
				'Any existing invoice: the export route needs one in its address, but the export is not limited to it. It takes every invoice matching the Export Filters (all invoices when none is set).',
		},
		method: 'POST',
		path: '/invoices/{id}/export',
		ability: 'invoices:index',
		envelope: 'file',
		response: exportFile,
		fields: [
			{ displayName: 'Format', name: 'format', type: 'options', options: Object.entries(FORMATS).map(([value, name]) => ({ name, value })), default: 'csv' },
			{
				displayName: 'Export Filters',
				name: 'exportFilters',
				type: 'collection',
				placeholder: 'Add Filter',
				default: {},
				options: [
					customerProperty('customer_id', false),
					{ displayName: 'Date From', name: 'date_from', type: 'dateTime', default: '' },
					{ displayName: 'Date To', name: 'date_to', type: 'dateTime', default: '' },
					{
						displayName: 'Status',
						name: 'status',
						type: 'multiOptions',
						options: optionList(['all', 'pending', 'paid', 'cancelled', 'refunded', 'failed', 'draft']),
						default: [],
					},
				],
			},
			binaryPropertyField(),
		],
		body: { fields: [{ param: 'format', required: true }], collections: ['exportFilters'] },
		buildBody: (body, opCtx) => {
			customerIdOf(body, 'customer_id', opCtx);
			for (const [key, date] of Object.entries(calendarDates(body, { date_from: 'Date From', date_to: 'Date To' }, opCtx))) {
				if (date === undefined) delete body[key];
				else body[key] = date;
			}
			return body;
		},
	}),
];
