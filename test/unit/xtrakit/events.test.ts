import type { IDataObject } from 'n8n-workflow';

import {
	SeenIds,
	WATCHED,
	decodeRanges,
	detectEvents,
	encodeRanges,
	mergeRanges,
	newestRecord,
	recordId,
	seedState,
} from '../../../nodes/XtraKit/trigger/events';
import type { XtraKitEvent, XtraKitTriggerState } from '../../../nodes/XtraKit/trigger/events';
import { seededRandom } from '../../simulators/core';

const c = (id: number | string, created: string, updated = created): IDataObject => ({ id, customer_name: `C${id}`, created_at: created, updated_at: updated });

describe('XtraKit trigger: ID ranges', () => {
	it('encodes consecutive IDs as ranges and decodes them back', () => {
		const ranges = mergeRanges([], [5, 1, 2, 3, 9, 10, 3]);
		expect(encodeRanges(ranges)).toBe('1-3,5,9-10');
		expect(decodeRanges('1-3,5,9-10')).toEqual(ranges);
		expect(encodeRanges(mergeRanges(decodeRanges('1-3,5'), [4, 6]))).toBe('1-6');
		expect(decodeRanges(undefined)).toEqual([]);
	});

	it('keeps non-integer IDs apart', () => {
		const seen = new SeenIds();
		for (const id of ['1', '2', 'Jce84a50', '007']) seen.add(id);
		expect(seen.toState()).toEqual({ seen: '1-2', seenOther: ['007', 'Jce84a50'] });
		const again = new SeenIds({ seen: '1-2', seenOther: ['007', 'Jce84a50'] });
		expect(['1', '2', '3', '7', '007', 'Jce84a50'].map((id) => again.has(id))).toEqual([true, true, false, false, true, true]);
	});

	it('uses the record code when there is no id', () => {
		expect(recordId({ invoice_code: 324232 }, WATCHED.newSale.list)).toBe('324232');
		expect(recordId({ id: 3, item_code: 'x' }, WATCHED.newItem.list)).toBe('3');
		expect(recordId({ customer_name: 'no id' }, WATCHED.newCustomer.list)).toBeUndefined();
	});
});

describe('XtraKit trigger: events', () => {
	const base = [c(1, '2024-08-01 10:00:00'), c(2, '2024-08-02 10:00:00'), c(3, '2024-08-03 10:00:00')];

	it('new: only IDs never seen, oldest first, even with an older timestamp (a late POS sync)', () => {
		const state = seedState('newCustomer', base, 'now');
		expect(state).toMatchObject({ event: 'newCustomer', seen: '1-3' });
		const late = c(5, '2024-07-01 09:00:00');
		const fresh = c(4, '2024-08-04 10:00:00');
		const { fresh: events, next } = detectEvents('newCustomer', [...base, fresh, late, fresh], state);
		expect(events.map((e) => e.id)).toEqual([5, 4]);
		expect(next.seen).toBe('1-5');
		expect(detectEvents('newCustomer', [...base, fresh, late], next).fresh).toEqual([]);
		// A record that disappears and comes back is not new again.
		expect(detectEvents('newCustomer', [c(2, '2024-08-02 10:00:00')], next).fresh).toEqual([]);
	});

	it('updated: a changed updated_at of a known record, once per change; new records are only remembered', () => {
		const state = seedState('updatedCustomer', base, 'now');
		expect(state.versions).toEqual({ '1': '2024-08-01 10:00:00', '2': '2024-08-02 10:00:00', '3': '2024-08-03 10:00:00' });
		const now = [c(1, '2024-08-01 10:00:00', '2024-08-05 09:00:00'), base[1], base[2], c(4, '2024-08-05 09:30:00')];
		const first = detectEvents('updatedCustomer', now, state);
		expect(first.fresh.map((e) => e.id)).toEqual([1]);
		expect(first.next.versions?.['4']).toBe('2024-08-05 09:30:00');
		expect(detectEvents('updatedCustomer', now, first.next).fresh).toEqual([]);
		// Even a timestamp that goes backwards is a different version (no clock is trusted).
		const back = detectEvents('updatedCustomer', [c(2, '2024-08-02 10:00:00', '2024-08-01 00:00:00')], first.next);
		expect(back.fresh.map((e) => e.id)).toEqual([2]);
		// Records gone from the list are forgotten (the state follows the list).
		expect(Object.keys(back.next.versions ?? {})).toEqual(['2']);
		// A record without updated_at is never reported, and keeps what was known.
		const blank = detectEvents('updatedCustomer', [{ id: 1, updated_at: null }], first.next);
		expect(blank.fresh).toEqual([]);
		expect(blank.next.versions?.['1']).toBe('2024-08-05 09:00:00');
	});

	it('picks the newest record as the manual sample', () => {
		expect(newestRecord('newCustomer', [base[2], base[0], base[1]])?.id).toBe(3);
		expect(newestRecord('updatedCustomer', [c(1, '2024-01-01 00:00:00', '2024-09-01 00:00:00'), ...base])?.id).toBe(1);
		expect(newestRecord('newSale', [])).toBeUndefined();
	});

	it.each(['newCustomer', 'updatedCustomer'] as XtraKitEvent[])(
		'randomised %s: each record version delivered exactly once across failed polls and restarts',
		(event) => {
			const r = seededRandom(event.length * 7919);
			const truth = new Map<number, IDataObject>();
			let clock = Date.parse('2024-08-01T08:00:00Z');
			const stamp = () => new Date((clock += 1000)).toISOString().slice(0, 19).replace('T', ' ');
			for (let id = 1; id <= 20; id++) truth.set(id, c(id, stamp()));
			let state: XtraKitTriggerState = JSON.parse(JSON.stringify(seedState(event, [...truth.values()], 'now')));
			const delivered: string[] = [];
			const expected: string[] = [];
			for (let poll = 0; poll < 300; poll++) {
				const writes = r.int(0, 3);
				for (let w = 0; w < writes; w++) {
					if (event === 'newCustomer' || r.next() < 0.3) {
						const id = truth.size + 1;
						// Sometimes with an older timestamp, as a late sync would write it.
						const record = c(id, r.next() < 0.2 ? '2023-01-01 00:00:00' : stamp());
						truth.set(id, record);
						if (event === 'newCustomer') expected.push(`${id}`);
					} else {
						const id = r.int(1, truth.size);
						const record = { ...truth.get(id)!, updated_at: stamp() };
						truth.set(id, record);
						expected.push(`${id}@${record.updated_at}`);
					}
				}
				const { fresh, next } = detectEvents(event, [...truth.values()], state);
				// A failed hand-over does not store the state: the same difference is found again.
				if (r.next() < 0.15) continue;
				delivered.push(...fresh.map((e) => (event === 'newCustomer' ? `${e.id}` : `${e.id}@${e.updated_at}`)));
				state = JSON.parse(JSON.stringify(next)); // restart-safe: plain JSON
			}
			const { fresh } = detectEvents(event, [...truth.values()], state);
			delivered.push(...fresh.map((e) => (event === 'newCustomer' ? `${e.id}` : `${e.id}@${e.updated_at}`)));
			expect(new Set(delivered).size).toBe(delivered.length);
			// Updated: two writes to one record between polls are one delivered version (the latest).
			if (event === 'newCustomer') expect(delivered.sort()).toEqual(expected.sort());
			else {
				// No phantom versions, and the last version of every seeded record that changed was delivered.
				for (const d of delivered) expect(expected).toContain(d);
				for (let id = 1; id <= 20; id++) {
					const record = truth.get(id)!;
					if (record.updated_at !== record.created_at) expect(delivered).toContain(`${id}@${record.updated_at}`);
				}
				expect(delivered.length).toBeGreaterThan(50);
			}
		},
	);
});
