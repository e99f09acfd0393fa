import { advance, cursorAt, queryFrom } from '../../../nodes/shared/cursor';
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

	it('randomised: same-second bursts across polls, repeated and restarted, give each version exactly once', () => {
		const random = seededRandom(42);
		const truth: CursorRecord[] = [];
		let cursor: TimestampCursor = cursorAt('2026-01-01T00:00:00Z');
		const delivered: string[] = [];
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
			const visible = truth.filter((r) => Date.parse(r.at) >= Date.parse(queryFrom(cursor)));
			const result = advance(cursor, visible);
			// A failed hand-over (the run crashed) does not store the cursor: the same poll repeats.
			if (random.next() < 0.1) continue;
			delivered.push(...result.fresh.map((r) => `${r.id}@${r.at}`));
			cursor = JSON.parse(JSON.stringify(result.next)); // restart-safe: plain JSON
		}
		const expected = [...new Set(truth.map((r) => `${r.id}@${r.at}`))];
		expect(new Set(delivered).size).toBe(delivered.length);
		expect(delivered.sort()).toEqual(expected.sort());
	});
});
