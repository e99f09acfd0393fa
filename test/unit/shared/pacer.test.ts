import { Pacer } from '../../../nodes/shared/pacer';

describe('Pacer (sliding log)', () => {
	it('lets a full window through at once, then spaces to the window', () => {
		let now = 0;
		const pacer = new Pacer(3, 1000, () => now);
		expect([pacer.reserve(), pacer.reserve(), pacer.reserve()]).toEqual([0, 0, 0]);
		expect(pacer.reserve()).toBe(1000);
		expect(pacer.reserve()).toBe(1000);
		now = 400;
		expect(pacer.reserve()).toBe(600);
		expect(pacer.reserve()).toBe(1600);
	});

	it('never allows more than the limit in any window (fixed-window servers stay happy)', () => {
		let now = 0;
		const pacer = new Pacer(5, 1000, () => now);
		const sendTimes: number[] = [];
		for (let i = 0; i < 40; i++) {
			now += 37; // callers arrive faster than the limit
			sendTimes.push(now + pacer.reserve());
		}
		for (const t of sendTimes) {
			const inWindow = sendTimes.filter((s) => s >= t && s < t + 1000).length;
			expect(inWindow).toBeLessThanOrEqual(5);
		}
		// and it does not throttle more than needed: 40 requests at 5/s take about 7 s
		expect(Math.max(...sendTimes)).toBeLessThanOrEqual(7000 + 5 * 37);
	});

	it('holds everything after the server says the window is spent', () => {
		let now = 0;
		const pacer = new Pacer(100, 60_000, () => now);
		pacer.blockUntil(5000);
		expect(pacer.reserve()).toBe(5000);
		now = 6000;
		expect(pacer.reserve()).toBe(0);
	});
});

describe('Pacer settling', () => {
	it('measures the window from when the answer came back, so a slow first request cannot overrun a fixed window', () => {
		let now = 0;
		const pacer = new Pacer(2, 1000, () => now);
		const first = pacer.reserveSlot();
		const second = pacer.reserveSlot();
		now = 300; // the first answer took 300 ms: the server may have started its window this late
		pacer.settle(first.slot);
		pacer.settle(second.slot, 50);
		// The earliest settled slot (50) frees first: 50 + 1000 - 300 = 750 ms from now.
		expect(pacer.reserve()).toBe(750);
		// Then the first request's slot, counted from its answer (300): 1300 - 300.
		expect(pacer.reserve()).toBe(1000);
	});
});
