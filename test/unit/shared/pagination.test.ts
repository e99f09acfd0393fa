// Next-link pagination with numbered pages (Cliniko's `page` + `total_entries`): pages asked for a
// few at a time must give exactly what a one-link-at-a-time walk gives, in order, and no more requests.
import { listPages, planNumberedPages } from '../../../nodes/shared/pagination';
import { setPacingTimeScale } from '../../../nodes/shared/pacer';
import type { Pagination, ProviderConfig } from '../../../nodes/shared/types';

const BASE = 'https://api.example/v1';

interface ServerOptions {
	records: number;
	/** What the first page says the total is (default: the truth). */
	claimedTotal?: number | string;
	/** Milliseconds before page n answers (default: a few, random). */
	delay?: (page: number) => number;
	/** Pages that answer 500. */
	failing?: number[];
	/** The link a page answers as its next one (default: `?per_page=…&page=n+1`). */
	nextLink?: (page: number, perPage: number, query: string) => string | undefined;
}

function server(options: ServerOptions) {
	const sent: Array<{ page: number; at: number }> = [];
	let inFlight = 0;
	let maxInFlight = 0;
	const handle = async (request: { url: string; qs?: Record<string, unknown> }) => {
		const url = new URL(request.url);
		for (const [k, v] of Object.entries(request.qs ?? {})) url.searchParams.set(k, String(v));
		// A cursor link (no page number) names its page by the cursor: the server must not answer page 1 again.
		const page = Number(url.searchParams.get('page') ?? url.searchParams.get('cursor') ?? 1);
		const perPage = Number(url.searchParams.get('per_page') ?? 50);
		sent.push({ page, at: Date.now() });
		inFlight++;
		maxInFlight = Math.max(maxInFlight, inFlight);
		await new Promise((resolve) => setTimeout(resolve, options.delay ? options.delay(page) : Math.floor(Math.random() * 6)));
		inFlight--;
		if (options.failing?.includes(page)) return { statusCode: 500, headers: {}, body: { message: `page ${page} broke` } };
		const from = (page - 1) * perPage;
		const rows = Array.from({ length: Math.max(0, Math.min(perPage, options.records - from)) }, (_, i) => ({ id: String(from + i + 1) }));
		const last = Math.ceil(options.records / perPage);
		const next = options.nextLink
			? options.nextLink(page, perPage, url.search)
			: page < last
				? `${BASE}/things?per_page=${perPage}&page=${page + 1}`
				: undefined;
		const total = page === 1 && options.claimedTotal !== undefined ? options.claimedTotal : options.records;
		return { statusCode: 200, headers: {}, body: { things: rows, total_entries: total, links: next ? { next } : {} } };
	};
	return { sent, handle, maxInFlight: () => maxInFlight };
}

let providerCount = 0;
function setup(options: ServerOptions, rateLimit?: ProviderConfig['rateLimit']) {
	const sim = server(options);
	const ctx = {
		getNode: () => ({ name: 'n', type: 't', typeVersion: 1, position: [0, 0], parameters: {} }),
		getCredentials: async () => ({}),
		helpers: {
			httpRequestWithAuthentication: async (_type: string, request: { url: string; qs?: Record<string, unknown> }) => sim.handle(request),
		},
	};
	// A credential type of its own per test: pacers are kept per credential for the process.
	const provider: ProviderConfig = { displayName: 'P', credentialType: `p${++providerCount}`, baseUrl: () => BASE, maxAttempts: 1, rateLimit };
	return { ctx: ctx as never, provider, sim };
}

const numbered: Pagination = {
	type: 'nextLink',
	itemsPath: 'things',
	nextLinkPath: 'links.next',
	pageSizeParam: 'per_page',
	maxPageSize: 100,
	numberedPages: { pageParam: 'page', totalPath: 'total_entries', concurrency: 4 },
};
const sequential: Pagination = { ...numbered, numberedPages: undefined } as Pagination;

/** Reads pages as the executor does: stops once it holds `limit` records. */
async function read(ctx: never, provider: ProviderConfig, pagination: Pagination, limit?: number) {
	const ids: string[] = [];
	for await (const page of listPages.call(ctx, provider, { method: 'GET', path: '/things' }, pagination, limit)) {
		ids.push(...page.map((r) => String(r.id)));
		if (limit !== undefined && ids.length >= limit) return ids.slice(0, limit);
	}
	return ids;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => String(i + 1));

describe('numbered pages: Return All', () => {
	it('gives every record once, in order, with pages answering out of order', async () => {
		// Later pages answer first: order must still be the server's.
		const { ctx, provider, sim } = setup({ records: 1234, delay: (page) => (page % 4) * 8 });
		expect(await read(ctx, provider, numbered)).toEqual(range(1234));
		expect(sim.sent.map((s) => s.page).sort((a, b) => a - b)).toEqual(range(13).map(Number));
	});

	it('keeps at most `concurrency` requests in flight, and actually overlaps them', async () => {
		const { ctx, provider, sim } = setup({ records: 2000, delay: () => 10 });
		await read(ctx, provider, numbered);
		expect(sim.maxInFlight()).toBe(4);
	});

	it('sends the same requests as a one-by-one walk', async () => {
		const a = setup({ records: 950 });
		const b = setup({ records: 950 });
		expect(await read(a.ctx, a.provider, numbered)).toEqual(await read(b.ctx, b.provider, sequential));
		expect(a.sim.sent.map((s) => s.page).sort((x, y) => x - y)).toEqual(b.sim.sent.map((s) => s.page));
		expect(b.sim.maxInFlight()).toBe(1);
	});

	it('goes on link by link when the total was too small (records added meanwhile)', async () => {
		const { ctx, provider } = setup({ records: 730, claimedTotal: 300 });
		expect(await read(ctx, provider, numbered)).toEqual(range(730));
	});

	it('stops at the last link when the total was too big, without duplicating', async () => {
		const { ctx, provider, sim } = setup({ records: 450, claimedTotal: 1000 });
		expect(await read(ctx, provider, numbered)).toEqual(range(450));
		// Pages 6 and 7 may have been asked for ahead and dropped: never more than concurrency - 1.
		expect(sim.sent.length).toBeLessThanOrEqual(5 + 3);
	});

	it('falls back to the links when a page links somewhere else than the page fetched after it', async () => {
		// From page 3 on, the server's links take another form; the records must still be the links' records.
		const nextLink = (page: number, perPage: number) =>
			page >= 8 ? undefined : page >= 3 ? `${BASE}/things?page=${page + 1}&per_page=${perPage}&v=2` : `${BASE}/things?per_page=${perPage}&page=${page + 1}`;
		const { ctx, provider } = setup({ records: 10_000, nextLink });
		expect(await read(ctx, provider, numbered)).toEqual(range(800));
	});

	it('walks one link at a time when there is no usable total or page number', async () => {
		for (const options of [
			{ records: 600, claimedTotal: 'many' },
			{ records: 600, nextLink: (page: number, perPage: number) => (page < 6 ? `${BASE}/things?per_page=${perPage}&after=${page * perPage}&page=${page + 1}&page=${page + 1}` : undefined) },
			{ records: 600, nextLink: (page: number, perPage: number) => (page < 6 ? `${BASE}/things?per_page=${perPage}&cursor=${page + 1}` : undefined) },
		]) {
			const { ctx, provider, sim } = setup(options as ServerOptions);
			await read(ctx, provider, numbered);
			expect(sim.maxInFlight()).toBe(1);
		}
	});
});

describe('numbered pages: errors', () => {
	it('yields the pages before a failing page, then its error; nothing after it', async () => {
		const { ctx, provider } = setup({ records: 2000, failing: [6], delay: (page) => (page === 6 ? 30 : 1) });
		const ids: string[] = [];
		let error: unknown;
		try {
			for await (const page of listPages.call(ctx, provider, { method: 'GET', path: '/things' }, numbered, undefined)) {
				ids.push(...page.map((r) => String(r.id)));
			}
		} catch (e) {
			error = e;
		}
		expect(ids).toEqual(range(500));
		expect(String((error as Error).message)).toMatch(/page 6 broke|500/);
	});

	it('does not leave an unhandled rejection behind when pages read ahead fail unread', async () => {
		const unhandled: unknown[] = [];
		const onUnhandled = (reason: unknown) => unhandled.push(reason);
		process.on('unhandledRejection', onUnhandled);
		try {
			const { ctx, provider } = setup({ records: 2000, failing: [3, 4, 5], delay: (page) => (page === 2 ? 20 : 1) });
			// A consumer that has enough after page 2 (a filter, a limit) stops reading.
			let pages = 0;
			for await (const _ of listPages.call(ctx, provider, { method: 'GET', path: '/things' }, numbered, undefined)) {
				if (++pages === 2) break;
			}
			await new Promise((resolve) => setTimeout(resolve, 50));
			expect(unhandled).toEqual([]);
		} finally {
			process.off('unhandledRejection', onUnhandled);
		}
	});
});

describe('numbered pages: Limit', () => {
	it.each([
		[50, 1],
		[100, 1],
		[250, 3],
		[1000, 10],
		[1001, 11],
	])('a limit of %i asks for %i page(s), no more', async (limit, pages) => {
		const { ctx, provider, sim } = setup({ records: 10_000 });
		expect(await read(ctx, provider, numbered, limit)).toEqual(range(limit));
		expect(sim.sent.length).toBe(pages);
	});

	it('a consumer that wants more than the limit (records filtered out) reads on, link by link', async () => {
		const { ctx, provider } = setup({ records: 1000 });
		const ids: string[] = [];
		for await (const page of listPages.call(ctx, provider, { method: 'GET', path: '/things' }, numbered, 300)) {
			ids.push(...page.filter((r) => Number(r.id) % 2 === 0).map((r) => String(r.id)));
			if (ids.length >= 300) break;
		}
		expect(ids.slice(0, 300)).toEqual(range(600).filter((id) => Number(id) % 2 === 0));
	});
});

describe('numbered pages: pacing', () => {
	afterAll(() => setPacingTimeScale(1));

	it('never sends more than the rate limit in any window, concurrency or not', async () => {
		setPacingTimeScale(1);
		const { ctx, provider, sim } = setup({ records: 1500, delay: () => 2 }, { requests: 4, perMs: 150 });
		expect(await read(ctx, provider, numbered)).toEqual(range(1500));
		const times = sim.sent.map((s) => s.at);
		for (const t of times) expect(times.filter((s) => s >= t && s < t + 150).length).toBeLessThanOrEqual(4);
	});
});

describe('planNumberedPages', () => {
	const config = { pageParam: 'page', totalPath: 'total_entries', concurrency: 4 };
	it('builds page URLs from the next link, changing only the page number', () => {
		const link = `${BASE}/patients?q%5B%5D=last_name%3A~~smith&page=2&per_page=100&sort=created_at`;
		const plan = planNumberedPages(config, { total_entries: 1001 }, link, 100, undefined);
		expect(plan?.lastPage).toBe(11);
		expect(plan?.urlOf(7)).toBe(`${BASE}/patients?q%5B%5D=last_name%3A~~smith&page=7&per_page=100&sort=created_at`);
	});
	it('accepts a numeric-string total and bounds the pages by what is wanted', () => {
		expect(planNumberedPages(config, { total_entries: '5000' }, `${BASE}/x?page=2`, 100, 450)?.lastPage).toBe(5);
	});
	it('declines when fewer than three pages are needed, or the link does not say page=2', () => {
		expect(planNumberedPages(config, { total_entries: 150 }, `${BASE}/x?page=2`, 100, undefined)).toBeUndefined();
		expect(planNumberedPages(config, { total_entries: 900 }, `${BASE}/x?page=3`, 100, undefined)).toBeUndefined();
		expect(planNumberedPages(config, { total_entries: 900 }, `${BASE}/x?pages=2`, 100, undefined)).toBeUndefined();
		expect(planNumberedPages(config, { total_entries: 900 }, `${BASE}/x?page=2#f`, 100, undefined)).toBeUndefined();
		expect(planNumberedPages(config, { total_entries: -1 }, `${BASE}/x?page=2`, 100, undefined)).toBeUndefined();
		expect(planNumberedPages(config, {}, `${BASE}/x?page=2`, 100, undefined)).toBeUndefined();
		expect(planNumberedPages({ ...config, concurrency: 1 }, { total_entries: 900 }, `${BASE}/x?page=2`, 100, undefined)).toBeUndefined();
	});
});
