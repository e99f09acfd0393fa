// The bounds every walk over server pages keeps (issue 12, point 11), one contradiction at a time.
import type { IDataObject } from 'n8n-workflow';

import { MAX_PAGES, PageGuard } from '../../../nodes/shared/pageGuard';
import { testNode } from '../../helpers/node';

const node = testNode('Test', 'test');
const ids = (...list: number[]): IDataObject[] => list.map((id) => ({ id }));
const guard = (options: ConstructorParameters<typeof PageGuard>[2] = {}) => new PageGuard(node, 'Acme', options);

describe('PageGuard', () => {
	it('lets a consistent walk through, including records created during it', () => {
		const g = guard({ pageSize: 2 });
		g.page(ids(1, 2), { total: 5, lastPage: 3, pageNumber: 1, askedFor: 1, more: true });
		g.page(ids(3, 4), { total: 6, lastPage: 3, pageNumber: 2, askedFor: 2, more: true });
		g.page(ids(5, 6), { total: 6, lastPage: 3, pageNumber: 3, askedFor: 3, more: false });
	});

	it('refuses another page number than the one asked for', () => {
		const g = guard();
		g.page(ids(1), { pageNumber: 1, askedFor: 1, more: true });
		expect(() => g.page(ids(2), { pageNumber: 1, askedFor: 2, more: true })).toThrow('Acme paged inconsistently: asked for page 2, it answered page 1');
	});

	it('refuses a page of records already read, an empty page that says more follow, more records than the total', () => {
		const a = guard();
		a.page(ids(1, 2), { more: true });
		expect(() => a.page(ids(2, 1), { more: true })).toThrow('page 2 holds only records already read');
		expect(() => guard().page([], { more: true })).toThrow('page 1 is empty but says more pages follow');
		const c = guard();
		expect(() => c.page(ids(1, 2, 3), { total: 2, more: false })).toThrow('3 different records arrived, more than the 2 it said the list holds');
	});

	it('allows one page past what the last page or the total allow, then stops', () => {
		const g = guard({ pageSize: 10 });
		g.page(ids(1), { lastPage: 1, more: true });
		expect(() => g.page(ids(2), { lastPage: 1, more: true })).toThrow('it still says more pages follow after page 2, though it stated 1 page(s)');
		const t = guard({ pageSize: 10 });
		t.page(ids(1), { total: 10, more: true });
		expect(() => t.page(ids(2), { total: 10, more: true })).toThrow('though it stated 10 records');
	});

	it('stops a walk that states nothing at the absolute cap', () => {
		const g = guard({ maxPages: 5 });
		for (let n = 1; n < 5; n++) g.page(ids(n), { more: true });
		expect(() => g.page(ids(5), { more: true })).toThrow('after page 5, the most one list may take');
		expect(MAX_PAGES).toBeGreaterThanOrEqual(1000);
	});

	it('refuses a link already followed', () => {
		const g = guard();
		g.follow('https://a/x?page=2');
		expect(() => g.follow('https://a/x?page=2')).toThrow('links back to a page already read');
	});

	it('names the provider and the item in a NodeApiError', () => {
		const error = guard({ itemIndex: 3 }).fail('something');
		expect(error.constructor.name).toBe('NodeApiError');
		expect(error.context.itemIndex).toBe(3);
		expect(error.description).toContain('Acme');
	});
});
