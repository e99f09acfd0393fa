import { CLOCK_TOLERANCE_MS, advance, cursorAt, queryFrom, readStoredCursor } from '../../../nodes/shared/cursor';
import type { CursorRecord, TimestampCursor } from '../../../nodes/shared/cursor';
import { seededRandom } from '../../simulators/core';

const rec = (id: string, at: string): CursorRecord => ({ id, at, record: { id, at } });

describe('timestamp cursor', () => {
	it('asks from the cursor minus the overlap', () => {
		expect(queryFrom(cursorAt('2026-01-01T00:10:00Z'), 60_000)).toBe('2026-01-01T00:09:00.000Z');
	});

	it('delivers records sharing the boundary timestamp exactly once', () => {
		const c0 = cursorAt('2026-01-01T00:00:00Z');
		const first = advance(c0, [rec('1', '2026-01-01T00:05:00Z'), rec('2', '2026-01-01T00:05:00Z')]);
		expect(first.fresh.map((r) => r.id)).toEqual(['1', '2']);
		// Next poll sees 1 and 2 again (>= boundary) plus 3 at the same second.
		const second = advance(first.next, [rec('1', '2026-01-01T00:05:00Z'), rec('2', '2026-01-01T00:05:00Z'), rec('3', '2026-01-01T00:05:00Z')]);
		expect(second.fresh.map((r) => r.id)).toEqual(['3']);
		expect(second.next.since).toBe('2026-01-01T00:05:00.000Z');
	});

	it('catches a late record inside the overlap window, and an update of a delivered one', () => {
		const c = advance(cursorAt('2026-01-01T00:00:00Z'), [rec('1', '2026-01-01T00:05:00Z')]).next;
		const late = advance(c, [rec('9', '2026-01-01T00:04:30Z'), rec('1', '2026-01-01T00:05:00Z'), rec('1', '2026-01-01T00:06:00Z')]);
		expect(late.fresh.map((r) => `${r.id}@${r.at}`)).toEqual(['9@2026-01-01T00:04:30Z', '1@2026-01-01T00:06:00Z']);
	});

	it('forgets keys that fell out of the window', () => {
		const c = advance(cursorAt('2026-01-01T00:00:00Z'), [rec('1', '2026-01-01T00:01:00Z'), rec('2', '2026-01-01T01:00:00Z')], 60_000).next;
		expect(c.seen).toEqual(['2@2026-01-01T01:00:00Z']);
	});

	it('delivers a record read twice in one answer once, in its latest version', () => {
		const c = cursorAt('2026-01-01T00:00:00Z');
		const { fresh, next } = advance(c, [rec('1', '2026-01-01T00:01:00Z'), rec('2', '2026-01-01T00:01:30Z'), rec('1', '2026-01-01T00:02:00Z')]);
		expect(fresh.map((r) => `${r.id}@${r.at}`)).toEqual(['2@2026-01-01T00:01:30Z', '1@2026-01-01T00:02:00Z']);
		// The older version counts as delivered too.
		expect(advance(next, [rec('1', '2026-01-01T00:01:00Z')]).fresh).toEqual([]);
	});

	it('does not move the cursor past now + tolerance for a record stamped in the future', () => {
		const now = Date.parse('2026-01-01T12:00:00Z');
		const c = cursorAt('2026-01-01T11:00:00Z');
		const future = rec('f', '2026-01-02T12:00:00Z');
		const first = advance(c, [future], 5 * 60_000, now);
		expect(first.fresh).toEqual([future]);
		expect(Date.parse(first.next.since)).toBe(now + CLOCK_TOLERANCE_MS);
		const real = rec('r', '2026-01-01T12:00:30Z');
		const second = advance(first.next, [real, future], 5 * 60_000, now + 60_000);
		expect(second.fresh).toEqual([real]);
	});

	it('reads damaged stored cursors without throwing', () => {
		const now = Date.parse('2026-01-01T12:00:00Z');
		expect(readStoredCursor(undefined, now)).toEqual({});
		expect(readStoredCursor({ since: '2026-01-01T10:00:00.000Z', seen: [] }, now)).toEqual({ cursor: { since: '2026-01-01T10:00:00.000Z', seen: [] } });
		expect(readStoredCursor('abc', now).cursor).toBeUndefined();
		expect(readStoredCursor({ since: 'abc', seen: [] }, now)).toMatchObject({ damage: expect.stringContaining('since') });
		expect(readStoredCursor({ since: '2026-01-01T10:00:00Z', seen: 5 }, now)).toMatchObject({
			cursor: { since: '2026-01-01T10:00:00.000Z', seen: [] },
			deliveredUpTo: '2026-01-01T10:00:00.000Z',
		});
		expect(readStoredCursor({ since: '2027-01-01T00:00:00Z', seen: [] }, now)).toMatchObject({
			cursor: { since: new Date(now + CLOCK_TOLERANCE_MS).toISOString() },
			damage: expect.stringContaining('future'),
		});
	});

	it('randomised: same-second bursts across polls, repeated and restarted, give each version exactly once', () => {
		const random = seededRandom(42);
		const truth: CursorRecord[] = [];
		let cursor: TimestampCursor = cursorAt('2026-01-01T00:00:00Z');
		const delivered: string[] = [];
		const shown = new Set<string>();
		let clock = Date.parse('2026-01-01T00:00:00Z');
		for (let poll = 0; poll < 300; poll++) {
			// New writes land in bursts that share a second, some late by up to 2 minutes.
			const burst = Math.floor(random.next() * 5);
			const at = new Date(clock).toISOString();
			for (let i = 0; i < burst; i++) {
				const lateBy = random.next() < 0.1 ? Math.floor(random.next() * 120) * 1000 : 0;
				const id = random.next() < 0.3 && truth.length > 0 ? truth[Math.floor(random.next() * truth.length)].id : `r${truth.length}`;
				truth.push(rec(id, lateBy ? new Date(clock - lateBy).toISOString() : at));
			}
			clock += Math.floor(random.next() * 3) * 1000;
			// The server holds one version of each record: the last write.
			const current = new Map(truth.map((r) => [r.id, r]));
			const visible = [...current.values()].filter((r) => Date.parse(r.at) >= Date.parse(queryFrom(cursor)));
			for (const r of visible) shown.add(`${r.id}@${r.at}`);
			const result = advance(cursor, visible);
			// A failed hand-over (the run crashed) does not store the cursor: the same poll repeats.
			if (random.next() < 0.1) continue;
			delivered.push(...result.fresh.map((r) => `${r.id}@${r.at}`));
			cursor = JSON.parse(JSON.stringify(result.next)); // restart-safe: plain JSON
		}
		// Every version a poll could see is delivered (a version overwritten before any poll saw it
		// never existed for the trigger), none twice, and each record's last version is delivered.
		const finalVersions = [...new Map(truth.map((r) => [r.id, r])).values()].map((r) => `${r.id}@${r.at}`);
		expect(new Set(delivered).size).toBe(delivered.length);
		expect(delivered.filter((v) => !shown.has(v))).toEqual([]);
		expect(finalVersions.filter((v) => !delivered.includes(v))).toEqual([]);
	});
});
