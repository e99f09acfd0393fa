// Sale Get Many filters by the values the list-sales page documents ("pos, invoice, storefront",
// docs.xtrakit.com list-sales), not the add-sale vocabulary (main, pos, order).
import type { INodeProperties } from 'n8n-workflow';

import { XtraKit } from '../../../nodes/XtraKit/XtraKit.node';

describe('XtraKit sale fields', () => {
	const properties = new XtraKit().description.properties;
	const onSale = (operation: string) =>
		properties.filter((p) => p.displayOptions?.show?.resource?.includes('sale') && p.displayOptions?.show?.operation?.includes(operation));
	const optionValues = (p: INodeProperties | undefined) => ((p?.options ?? []) as Array<{ value: string }>).map((o) => o.value).sort();

	it("Get Many offers the list page's invoice types", () => {
		const filters = onSale('getAll').find((p) => p.name === 'filters');
		const invoiceType = (filters?.options as INodeProperties[]).find((o) => o.name === 'invoice_type');
		expect(optionValues(invoiceType)).toEqual(['invoice', 'pos', 'storefront']);
	});

	it("Create keeps the add-sale page's invoice types", () => {
		const invoiceType = onSale('create').find((p) => p.name === 'invoice_type');
		expect(optionValues(invoiceType)).toEqual(['main', 'order', 'pos']);
	});
});
