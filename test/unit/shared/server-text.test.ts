// Issue 12, point 12: regular expressions over server text. XtraKit's "(and N more errors)" cleanup
// blocked the event loop 3.4–3.9 s on a 50 KB message, CLIENTXCMS's route-404 check 1.5 s on 120 KB,
// and Cliniko's link-ID pattern grows the same way: each grows with the square of the text. Every
// such text is now capped before a pattern runs, or searched with plain string operations.
//
// The inputs below are the worst cases of the old patterns at sizes where they took about 10 s each; the new
// code takes milliseconds, so the one-second bound leaves two orders of magnitude for a loaded machine.
import { NodeApiError } from 'n8n-workflow';

import { clientXcms, translateError } from '../../../nodes/ClientXcms/provider';
import { clientXcmsOperations } from '../../../nodes/ClientXcms/resources';
import { idFromLink } from '../../../nodes/Cliniko/resources/linkedIds';
import { cappedText, containsInOrder, MAX_MATCHED_TEXT } from '../../../nodes/shared/serverText';
import { envelopeMessage, envelopeVerdict, planMessage, withoutMoreErrors } from '../../../nodes/XtraKit/transport/envelope';
import { pagingHints } from '../../../nodes/XtraKit/transport/paging';
import { testNode } from '../../helpers/node';

const node = testNode('n', 't');

/** Milliseconds `run` takes, with its result. */
function timed<T>(run: () => T): { ms: number; result: T } {
	const start = performance.now();
	const result = run();
	return { ms: performance.now() - start, result };
}

const FAST = 1_000;

describe('server text is capped or searched linearly before any pattern', () => {
	it('XtraKit: the "(and N more errors)" tail is removed as before, by string operations', () => {
		const old = (text: string) => text.replace(/\s*\(and \d+ more errors?\)\s*$/, '');
		for (const text of [
			'The customer phone field is required. (and 1 more error)',
			'The name field is required. (and 12 more errors)  ',
			'The name field is required.(and 2 more errors)',
			'Nothing to strip',
			'Keeps (and 2 more errors) in the middle',
			'(and x more errors)',
			'(and 3 more errors',
			'ends with ) only)',
			'(and 2 more errors)',
		]) {
			expect([text, withoutMoreErrors(text)]).toEqual([text, old(text)]);
		}
	});

	it('XtraKit: a 60 KB run of blanks in an envelope message is handled at once (took ~10 s)', () => {
		const message = `x${' '.repeat(60_000)}x`;
		const { ms, result } = timed(() => envelopeMessage({ status: 422, message, errors: { a: ['A is required.'] } }));
		expect(result).toContain('A is required.');
		expect(ms).toBeLessThan(FAST);
		const tail = timed(() => withoutMoreErrors(`${'('.repeat(30_000)}and ${'1'.repeat(30_000)} more errors)`));
		expect(tail.ms).toBeLessThan(FAST);
	});

	it('XtraKit: status words and counts are read from short texts only', () => {
		expect(envelopeVerdict(' 404 ')).toEqual({ ok: false, code: 404 });
		expect(envelopeVerdict('error')).toEqual({ ok: false });
		const long = `${' '.repeat(50_000)}${'1'.repeat(50_000)}${' '.repeat(50_000)}x`;
		expect(timed(() => envelopeVerdict(long)).ms).toBeLessThan(FAST);
		expect(envelopeVerdict(long)).toEqual({ ok: true });
		expect(planMessage('Payment Required.')).toBe(planMessage(undefined));
		expect(pagingHints({ status: 200, message: 'Customers found: 20', data: {} }, 'customers').total).toBe(20);
		const hints = timed(() => pagingHints({ status: 200, message: `found:${' '.repeat(1_000_000)}`, data: {} }, 'customers'));
		expect(hints.result.total).toBeUndefined();
		expect(hints.ms).toBeLessThan(FAST);
	});

	it('CLIENTXCMS: the route-404 message is still recognised, and a 300 KB one costs nothing (took ~10 s)', () => {
		const row = clientXcmsOperations.find((r) => r.resource === 'customer' && r.operation === 'get')!;
		const opCtx = { ctx: { getNode: () => node } as never, itemIndex: 0, provider: clientXcms };
		const notFound = (message: string) => new NodeApiError(node, { message, httpCode: '404' }, { message, httpCode: '404' });
		const translated = translateError(notFound('The route api/application/customers/1 could not be found. (HTTP 404)'), opCtx, row) as NodeApiError;
		expect(translated.message).toMatch(/^This CLIENTXCMS version does not offer/);
		const hostile = notFound('The route '.repeat(30_000));
		const { ms, result } = timed(() => translateError(hostile, opCtx, row));
		expect(result).toBe(hostile);
		expect(ms).toBeLessThan(FAST);
	});

	it('Cliniko: a record link is read as before, and a 200 KB hostile link is not matched at all (took ~11 s)', () => {
		expect(idFromLink('https://api.au1.cliniko.com/v1/patients/123')).toBe('123');
		expect(idFromLink('https://api.au1.cliniko.com/v1/patients/123/?x=1#y')).toBe('123');
		const hostile = `${'/a/1?'.repeat(40_000)}\n`;
		const { ms, result } = timed(() => idFromLink(hostile));
		expect(result).toBeUndefined();
		expect(ms).toBeLessThan(FAST);
	});

	it('caps and searches in order', () => {
		expect(cappedText('x'.repeat(MAX_MATCHED_TEXT + 5))).toHaveLength(MAX_MATCHED_TEXT);
		expect(cappedText('short')).toBe('short');
		expect(containsInOrder('The route x could not be found', 'The route ', ' could not be found')).toBe(true);
		expect(containsInOrder(' could not be found The route x', 'The route ', ' could not be found')).toBe(false);
	});
});
