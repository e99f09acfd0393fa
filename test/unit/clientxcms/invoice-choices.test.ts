import type { INodeProperties } from 'n8n-workflow';

import { clientXcmsOperations } from '../../../nodes/ClientXcms/resources';

/** Issue 16 item 6: choices in the CLIENTXCMS node that looked alike, or asked for what the server ignores. */
const row = (resource: string, operation: string) => {
	const found = clientXcmsOperations.find((r) => r.resource === resource && r.operation === operation);
	if (!found) throw new Error(`no row ${resource}.${operation}`);
	return found;
};
const field = (fields: INodeProperties[] | undefined, name: string): INodeProperties | undefined => {
	for (const f of fields ?? []) {
		if (f.name === name) return f;
		const inner = field((f.options ?? []).filter((o): o is INodeProperties => 'type' in o), name);
		if (inner) return inner;
	}
	return undefined;
};

describe('CLIENTXCMS invoice choices say how they differ', () => {
	it('Get PDF and the download route are named and described by what the server really does differently', () => {
		// Invoice.php:338-373 (ClientXCMS/ClientXCMS): both answer the same bytes; `download()` renders and
		// stores the PDF (generatePdf(true): Storage::put + pdf_sha256) when none is stored yet, `pdf()` does not.
		const pdf = row('invoice', 'pdf');
		const download = row('invoice', 'download');
		expect(pdf.name).not.toBe(download.name);
		expect(pdf.description).toMatch(/without (storing|archiving)/i);
		expect(download.name).toMatch(/archive/i);
		expect(download.description).toMatch(/stores?|archiv/i);
	});

	it('Export says the invoice it asks for only satisfies the route: it exports by the filters', () => {
		// routes/api-application.php:94 binds {invoice} (Invoice::resolveRouteBinding aborts 404 when none
		// matches), and ExportInvoiceRequest::export() reads only format, dates, status and customer_id.
		const exp = row('invoice', 'export');
		expect(exp.action).toBe('Export the invoices matching filters');
		const invoiceField = field(exp.fields, 'invoiceId');
		expect(invoiceField?.displayName).toBe('Any Invoice (Route Only)');
		expect(invoiceField?.description).toMatch(/not limited to it/);
	});

	it('every Customer ID is a customer picker (list search or ID), not a number defaulting to 0', () => {
		const pickers = [
			field(row('invoice', 'create').fields, 'customer_id'),
			field(row('invoice', 'export').fields, 'customer_id'),
			field(row('coupon', 'create').fields, 'customer_id'),
			field(row('coupon', 'update').fields, 'customer_id'),
			field(row('ticket', 'create').fields, 'customer_id'),
		];
		for (const p of pickers) {
			expect(p).toMatchObject({ displayName: 'Customer', type: 'resourceLocator' });
			expect(p?.modes?.[0]).toMatchObject({ name: 'list', typeOptions: { searchListMethod: 'searchCustomers' } });
		}
		expect(pickers[0]?.required).toBe(true);
		expect(pickers.slice(1).every((p) => !p?.required)).toBe(true);
	});
});
