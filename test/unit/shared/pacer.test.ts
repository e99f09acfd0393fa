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

describe('Pacer and the server’s own count (X-RateLimit-Remaining)', () => {
	it('counts what others spent of the same budget: fewer left than the log thinks holds requests back', () => {
		let now = 0;
		const pacer = new Pacer(5, 1000, () => now);
		pacer.settle(pacer.reserveSlot().slot);
		// The log leaves 4; the server says 2: someone else sent 2 with the same key.
		pacer.observeRemaining(2);
		expect([pacer.reserve(), pacer.reserve()]).toEqual([0, 0]);
		expect(pacer.reserve()).toBe(1000);
	});

	it('without a reset time, lets the difference expire with the oldest request in the log', () => {
		let now = 0;
		const pacer = new Pacer(3, 1000, () => now);
		pacer.settle(pacer.reserveSlot().slot);
		now = 600;
		// The server's window began no later than the request answered at 0: it ends by 1000.
		pacer.observeRemaining(0);
		expect(pacer.reserve()).toBe(400);
	});

	it('lets the difference expire with the server’s window when it says when that ends', () => {
		let now = 100;
		const pacer = new Pacer(5, 1000, () => now);
		pacer.observeRemaining(0, 400);
		expect(pacer.reserve()).toBe(300);
		now = 400;
		expect([pacer.reserve(), pacer.reserve(), pacer.reserve()]).toEqual([0, 0, 0]);
	});

	it('changes nothing when the server leaves as much as the log or more', () => {
		let now = 0;
		const pacer = new Pacer(3, 1000, () => now);
		pacer.settle(pacer.reserveSlot().slot);
		pacer.observeRemaining(2);
		pacer.observeRemaining(50);
		expect([pacer.reserve(), pacer.reserve()]).toEqual([0, 0]);
		expect(pacer.reserve()).toBe(1000);
	});

	it('ignores a reset in the past or further than a window away, and nonsense counts', () => {
		let now = 5000;
		const pacer = new Pacer(2, 1000, () => now);
		pacer.observeRemaining(-1);
		pacer.observeRemaining(Number.NaN);
		pacer.observeRemaining(1, 100_000);
		expect(pacer.reserve()).toBe(0);
		expect(pacer.reserve()).toBe(1000);
	});

	it('forgets answered requests a window old, never ones still waiting for their answer', () => {
		let now = 0;
		const pacer = new Pacer(2, 1000, () => now);
		const answered = pacer.reserveSlot();
		pacer.settle(answered.slot);
		pacer.reserveSlot(); // still in flight when the window has passed
		now = 1500;
		// With the old answered slot forgotten, the log holds one request: a server saying 1 is left agrees.
		pacer.observeRemaining(1);
		expect(pacer.reserve()).toBe(0);
		// The unanswered one still counts: the next waits for it (its slot is at 0, so it frees at once
		// here), and the log stays at the limit.
		expect(pacer.reserve()).toBe(0);
		expect(pacer.reserve()).toBe(1000);
	});
});

describe('Pacer with requests side by side (acquire)', () => {
	it('when the log is full of requests still in flight, waits for the oldest answer and counts from it', async () => {
		let now = 0;
		const pacer = new Pacer(2, 1000, () => now);
		const first = await pacer.acquire();
		const second = await pacer.acquire();
		let third: { wait: number } | undefined;
		const pending = pacer.acquire().then((r) => (third = r));
		await Promise.resolve();
		expect(third).toBeUndefined();
		// The first answer comes back late: the server may have counted it as late as 300. The second,
		// sent at 0 and unanswered, is now the oldest: still nothing can be reserved.
		now = 300;
		pacer.settle(first.slot);
		await Promise.resolve();
		await Promise.resolve();
		expect(third).toBeUndefined();
		now = 310;
		pacer.settle(second.slot);
		await pending;
		// Counted from the first answer (300), not from when it was sent (0).
		expect(third?.wait).toBe(990);
		expect((await pacer.acquire()).wait).toBe(1000);
	});

	it('reserves at once while the log has room or its oldest request is answered', async () => {
		let now = 0;
		const pacer = new Pacer(2, 1000, () => now);
		const a = await pacer.acquire();
		pacer.settle(a.slot);
		await pacer.acquire();
		now = 100;
		expect((await pacer.acquire()).wait).toBe(900);
	});
});
