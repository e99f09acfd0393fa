// forEachItem with `concurrency`: reads overlap, writes run alone, and what comes out (order, pairing,
// Continue On Fail items, the error that stops a run) is what a one-by-one run gives.
import { NodeApiError } from 'n8n-workflow';
import type { INodeExecutionData } from 'n8n-workflow';

import { forEachItem } from '../../../nodes/shared/executor';
import { testNode } from '../../helpers/node';

const node = testNode('n', 't');

function ctx(items: number, continueOnFail = false) {
	return {
		getInputData: () => Array.from({ length: items }, (_, i) => ({ json: { i } })),
		continueOnFail: () => continueOnFail,
		getNode: () => node,
	} as never;
}

/** A `run` that records what was in flight; item i takes `delay(i)` ms and fails when `fails(i)`. */
function recorder(delay: (i: number) => number, fails: (i: number) => boolean = () => false) {
	const inFlight = new Set<number>();
	const startedWith: number[][] = [];
	let maxInFlight = 0;
	const run = async (i: number): Promise<INodeExecutionData[]> => {
		startedWith[i] = [...inFlight];
		inFlight.add(i);
		maxInFlight = Math.max(maxInFlight, inFlight.size);
		await new Promise((resolve) => setTimeout(resolve, delay(i)));
		inFlight.delete(i);
		if (fails(i)) throw new NodeApiError(node, { message: `item ${i} failed` }, { message: `item ${i} failed` });
		return [{ json: { out: i } }, { json: { out: i, second: true } }];
	};
	return { run, startedWith, maxInFlight: () => maxInFlight };
}

const reads = (writes: number[] = []) => ({ limit: 4, canOverlap: (i: number) => !writes.includes(i) });

describe('forEachItem with concurrency', () => {
	it('keeps item order and pairing while later items finish first', async () => {
		const r = recorder((i) => (20 - i) % 7);
		const out = await forEachItem(ctx(20), r.run, undefined, reads());
		expect(out.map((o) => o.json.out)).toEqual(Array.from({ length: 20 }, (_, i) => [i, i]).flat());
		expect(out.map((o) => (o.pairedItem as { item: number }).item)).toEqual(Array.from({ length: 20 }, (_, i) => [i, i]).flat());
		expect(r.maxInFlight()).toBe(4);
	});

	it('runs an item that writes alone: nothing before it still running, nothing after it started', async () => {
		const r = recorder(() => 3);
		await forEachItem(ctx(12), r.run, undefined, reads([5, 6, 9]));
		for (const w of [5, 6, 9]) expect(r.startedWith[w]).toEqual([]);
		// Nothing started while a write was running.
		for (let i = 0; i < 12; i++) for (const w of [5, 6, 9]) if (i !== w) expect(r.startedWith[i]).not.toContain(w);
	});

	it('without concurrency, runs one item at a time', async () => {
		const r = recorder(() => 1);
		await forEachItem(ctx(6), r.run);
		expect(r.maxInFlight()).toBe(1);
	});

	it('with Continue On Fail, gives the error items where a one-by-one run would', async () => {
		const r = recorder((i) => (i === 2 ? 15 : 1), (i) => i === 2 || i === 5);
		const out = await forEachItem(ctx(8, true), r.run, undefined, reads());
		expect(out.map((o) => o.json.error ?? o.json.out)).toEqual([0, 0, 1, 1, 'item 2 failed', 3, 3, 4, 4, 'item 5 failed', 6, 6, 7, 7]);
		expect(out.filter((o) => o.json.error).map((o) => (o.pairedItem as { item: number }).item)).toEqual([2, 5]);
	});

	it('stops with the first failing item in item order, even when a later one failed sooner', async () => {
		const unhandled: unknown[] = [];
		const onUnhandled = (reason: unknown) => unhandled.push(reason);
		process.on('unhandledRejection', onUnhandled);
		try {
			const r = recorder((i) => (i === 1 ? 25 : 1), (i) => i === 1 || i === 3);
			const error = await forEachItem(ctx(10), r.run, undefined, reads()).catch((e: unknown) => e);
			expect(error).toBeInstanceOf(NodeApiError);
			expect((error as NodeApiError).message).toBe('item 1 failed');
			expect((error as NodeApiError).context.itemIndex).toBe(1);
			await new Promise((resolve) => setTimeout(resolve, 30));
			expect(unhandled).toEqual([]);
		} finally {
			process.off('unhandledRejection', onUnhandled);
		}
	});

	it('keeps the limit in flight while the awaited read is slow (the next starts as any read settles)', async () => {
		// Item 0 answers late; the others at once. Started only as the awaited item settled, the reads
		// would stall at 1..3 behind it; as each settles, the next starts, up to a lead of 4 × the limit.
		const r = recorder((i) => (i === 0 ? 60 : 2));
		const out = await forEachItem(ctx(40), r.run, undefined, reads());
		expect(out.map((o) => o.json.out)).toEqual(Array.from({ length: 40 }, (_, i) => [i, i]).flat());
		const besideFirst = r.startedWith.filter((inFlight) => inFlight.includes(0)).length;
		expect(besideFirst).toBe(15);
		expect(r.maxInFlight()).toBe(4);
	});

	it('starts nothing once the run has stopped on an error', async () => {
		let stoppedAt: number | undefined;
		const startedAfterStop: number[] = [];
		const r = recorder((i) => (i === 1 ? 10 : 15), (i) => i === 1);
		const run = async (i: number) => {
			if (stoppedAt !== undefined) startedAfterStop.push(i);
			return await r.run(i);
		};
		const error = await forEachItem(ctx(30), run, undefined, reads()).catch((e: unknown) => e);
		stoppedAt = Date.now();
		expect((error as NodeApiError).message).toBe('item 1 failed');
		// The reads still in flight settle after the error; none of them may start another.
		await new Promise((resolve) => setTimeout(resolve, 60));
		expect(startedAfterStop).toEqual([]);
	});

	it('runs an item whose kind cannot be told alone, without an unhandled rejection', async () => {
		const unhandled: unknown[] = [];
		const onUnhandled = (reason: unknown) => unhandled.push(reason);
		process.on('unhandledRejection', onUnhandled);
		try {
			const r = recorder((i) => (i === 0 ? 10 : 1));
			const canOverlap = (i: number) => {
				if (i === 6) throw new Error('unreadable parameters');
				return true;
			};
			const out = await forEachItem(ctx(10), r.run, undefined, { limit: 4, canOverlap });
			expect(out).toHaveLength(20);
			expect(r.startedWith[6]).toEqual([]);
			await new Promise((resolve) => setTimeout(resolve, 20));
			expect(unhandled).toEqual([]);
		} finally {
			process.off('unhandledRejection', onUnhandled);
		}
	});
});
