// Several processes with one key (n8n queue-mode workers, or two n8n instances), each with its own
// pacer, against a fixed-window server as Cliniko's (200 a minute, 429 + X-RateLimit-Reset), in virtual
// time. What each process does is what nodes/shared/http.ts does: reserve a slot from the pacer, send,
// settle the slot with the answer; on a 429, hold the pacer until the reset and send the request again.
// The server's limiter is the simulators' own (test/simulators/core/rate-limit.ts).
import { Pacer } from '../../../nodes/shared/pacer';
import { RETRY_DEFAULTS } from '../../../nodes/shared/retry';
import { FixedWindowRateLimiter } from '../../simulators/core/rate-limit';

const LIMIT = 200;
const WINDOW = 60_000;

interface Client {
	requests: number;
	/** Requests in flight at once (the node reads pages and Gets 4 at a time). */
	lanes: number;
	/** Round trip, ms. */
	rtt: number;
	start?: number;
}

function run(clients: Client[]) {
	const server = new FixedWindowRateLimiter({ limit: LIMIT, windowMs: WINDOW });
	const events: Array<{ t: number; seq: number; fn: () => void }> = [];
	let seq = 0;
	let now = 0;
	const at = (t: number, fn: () => void) => events.push({ t, seq: seq++, fn });
	const stats = { served: 0, refused: 0, mostRefusals: 0, failed: 0, first: Number.POSITIVE_INFINITY, last: 0 };
	for (const client of clients) {
		const pacer = new Pacer(LIMIT, WINDOW, () => now);
		let next = 0;
		const send = (refusals: number, fresh: boolean) => {
			if (fresh) {
				if (next >= client.requests) return;
				next++;
			}
			const { wait, slot } = pacer.reserveSlot();
			at(now + wait + client.rtt / 2, () => {
				const answer = server.take('one key', now)!;
				at(now + client.rtt / 2, () => {
					pacer.settle(slot);
					if (!answer.limited) {
						stats.served++;
						stats.first = Math.min(stats.first, now);
						stats.last = Math.max(stats.last, now);
						stats.mostRefusals = Math.max(stats.mostRefusals, refusals);
						return send(0, true);
					}
					stats.refused++;
					if (refusals + 1 >= RETRY_DEFAULTS.maxAttempts + RETRY_DEFAULTS.maxRateLimitWaits) {
						stats.failed++;
						return send(0, true);
					}
					pacer.blockUntil(answer.resetAt);
					send(refusals + 1, false);
				});
			});
		};
		at(client.start ?? 0, () => {
			for (let lane = 0; lane < client.lanes; lane++) send(0, true);
		});
	}
	while (events.length) {
		events.sort((a, b) => a.t - b.t || a.seq - b.seq);
		const event = events.shift()!;
		now = Math.max(now, event.t);
		event.fn();
	}
	// Table 3's measure: every window may hold LIMIT, the last one included.
	const rate = stats.served / (((stats.last - stats.first + WINDOW) / WINDOW) * LIMIT);
	return { ...stats, rate };
}

describe('processes sharing one key, each with its own pacer', () => {
	it.each([
		['two workers, 4 in flight each, loopback', [{ requests: 300, lanes: 4, rtt: 10 }, { requests: 300, lanes: 4, rtt: 10 }]],
		['two workers, 200 ms round trip', [{ requests: 300, lanes: 4, rtt: 200 }, { requests: 300, lanes: 4, rtt: 200 }]],
		['three workers', [1, 2, 3].map(() => ({ requests: 200, lanes: 4, rtt: 50 }))],
		['the second starting late in the first one’s window', [{ requests: 300, lanes: 4, rtt: 10 }, { requests: 300, lanes: 4, rtt: 10, start: 59_000 }]],
	])('%s: the window filled, no item failed, no request refused more than twice', (_name, clients) => {
		const result = run(clients as Client[]);
		expect(result.failed).toBe(0);
		expect(result.served).toBe((clients as Client[]).reduce((n, c) => n + c.requests, 0));
		expect(result.rate).toBeGreaterThanOrEqual(0.95);
		expect(result.mostRefusals).toBeLessThanOrEqual(2);
	});

	it('a process far slower to reach the server loses each window to the other, and still fails no item', () => {
		// 5 ms against 300 ms: the fast one takes every window the moment it opens, until it is done.
		const result = run([{ requests: 1000, lanes: 8, rtt: 5 }, { requests: 1000, lanes: 8, rtt: 300, start: 45_000 }]);
		expect(result.failed).toBe(0);
		expect(result.served).toBe(2000);
		expect(result.mostRefusals).toBeGreaterThanOrEqual(RETRY_DEFAULTS.maxAttempts);
		expect(result.rate).toBeGreaterThanOrEqual(0.9);
	});
});
