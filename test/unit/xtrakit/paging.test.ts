
import { moreExpected, nextPageUrl, pagingError, pagingHints } from '../../../nodes/XtraKit/transport/paging';
import { testNode } from '../../helpers/node';

const node = testNode('XtraKit', 'n8n-nodes-saas-connectors.xtraKit');
const envelope = (data: unknown, extra: Record<string, unknown> = {}, message = 'Customers found') => ({ status: 200, message, data, ...extra });

describe('XtraKit pagination detection', () => {
	it('sees no paging in a documented answer', () => {
		const body = envelope({ customers: [{ id: 1 }, { id: 2 }] }, {}, 'Customers found: 2');
		const hints = pagingHints(body, 'customers');
		expect(hints).toEqual({ total: 2 });
		expect(moreExpected(hints, 2)).toBe(false);
		expect(moreExpected(pagingHints(envelope({ 'item-categories': [] }, {}, 'Item categories found'), 'item-categories'), 0)).toBe(false);
	});

	it('reads a Laravel paginator in place of the list', () => {
		const body = envelope({ customers: { current_page: 1, data: [], last_page: 3, total: 24, next_page_url: 'https://api.xtrakit.com/api/v1/customers?page=2' } });
		expect(pagingHints(body, 'customers')).toEqual({ next: 'https://api.xtrakit.com/api/v1/customers?page=2', currentPage: 1, lastPage: 3, total: 24 });
	});

	it('reads API-resource links/meta, a pagination block, and top-level meta', () => {
		expect(pagingHints(envelope({ customers: [] }, { links: { next: '/api/v1/customers?page=2' }, meta: { current_page: 1, last_page: 2 } }), 'customers')).toMatchObject({
			next: '/api/v1/customers?page=2',
			currentPage: 1,
			lastPage: 2,
		});
		expect(pagingHints(envelope({ customers: [], pagination: { page: 2, total_pages: 5, total: 90 } }), 'customers')).toEqual({ currentPage: 2, lastPage: 5, total: 90 });
		expect(pagingHints(envelope({ customers: [] }, { meta: { current_page: '1', last_page: '4' } }), 'customers')).toEqual({ currentPage: 1, lastPage: 4 });
	});

	it('expects more when the last page is ahead or the total is above what was read', () => {
		expect(moreExpected({ currentPage: 1, lastPage: 3 }, 10)).toBe(true);
		expect(moreExpected({ currentPage: 3, lastPage: 3 }, 30)).toBe(false);
		expect(moreExpected({ lastPage: 2 }, 10)).toBe(true);
		expect(moreExpected({ total: 40 }, 20)).toBe(true);
		expect(moreExpected({ total: 40 }, 40)).toBe(false);
		expect(moreExpected({}, 0)).toBe(false);
	});

	it('resolves next links on the same origin only, keeping the filters Laravel drops', () => {
		const base = 'https://api.xtrakit.com/api/v1';
		const current = `${base}/customers?customer_group_id=2`;
		expect(nextPageUrl(`${base}/customers?page=2`, current, base, { customer_group_id: 2 })).toBe(`${base}/customers?page=2&customer_group_id=2`);
		expect(nextPageUrl('?page=3', current, base, {})).toBe(`${base}/customers?page=3`);
		expect(nextPageUrl('/api/v1/customers?page=2&customer_group_id=5', current, base, { customer_group_id: 2 })).toBe(`${base}/customers?page=2&customer_group_id=5`);
		expect(nextPageUrl('https://evil.example/api/v1/customers?page=2', current, base, {})).toBeUndefined();
		expect(nextPageUrl('http://api.xtrakit.com/api/v1/customers?page=2', current, base, {})).toBeUndefined(); // not https
		expect(nextPageUrl('http://[bad', current, base, {})).toBeUndefined();
	});

	it('explains the refusal with what was seen', () => {
		expect(pagingError(node, 'customers', 15, { currentPage: 1, lastPage: 2 }).message).toBe(
			'XtraKit answered page 1 of 2, and gave no usable link to the next page',
		);
		const byTotal = pagingError(node, 'sales', 20, { total: 45 });
		expect(byTotal.message).toBe('XtraKit answered 20 of 45 sales, and gave no usable link to the next page');
		expect(byTotal.description).toContain('would silently lose sales');
	});
});
