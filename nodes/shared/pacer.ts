/**
 * Keeps a run under a provider's documented limit ("N requests per window") by never sending more
 * than N requests in any span of the window's length (a sliding log). Unlike a token bucket, this
 * is safe against servers that count in fixed windows, and it still allows the full rate.
 */
/** One request's place in the log: when the server may have counted it, at the latest. */
export interface PacerSlot {
	at: number;
	/** The answer came back: `at` is final. */
	settled?: boolean;
}

export class Pacer {
	private readonly sent: PacerSlot[] = [];
	private blockedUntil = 0;
	/** Reservations waiting for a request in flight to be answered. */
	private readonly waiting = new Map<PacerSlot, Array<() => void>>();

	constructor(
		readonly limit: number,
		readonly windowMs: number,
		private readonly now: () => number = Date.now,
	) {}

	/** Reserves a send slot: how many milliseconds to wait before using it, and the slot to settle. */
	reserveSlot(): { wait: number; slot: PacerSlot } {
		const now = this.now();
		let at = Math.max(now, this.blockedUntil);
		if (this.sent.length >= this.limit) {
			const [slot] = this.sent.splice(this.oldest(), 1);
			at = Math.max(at, slot.at + this.windowMs);
		}
		const slot = { at };
		this.sent.push(slot);
		return { wait: at - now, slot };
	}

	/**
	 * `reserveSlot` for requests sent side by side. When the log is full and its oldest request is
	 * still in flight, the window runs from that request's answer, not yet known: wait for it first.
	 * (One request at a time never meets this: the previous answer is always in.)
	 */
	async acquire(): Promise<{ wait: number; slot: PacerSlot }> {
		for (;;) {
			if (this.sent.length < this.limit) return this.reserveSlot();
			const oldest = this.sent[this.oldest()];
			if (oldest.settled) return this.reserveSlot();
			await new Promise<void>((resolve) => this.waiting.set(oldest, [...(this.waiting.get(oldest) ?? []), resolve]));
		}
	}

	private oldest(): number {
		let oldest = 0;
		for (let i = 1; i < this.sent.length; i++) if (this.sent[i].at < this.sent[oldest].at) oldest = i;
		return oldest;
	}

	reserve(): number {
		return this.reserveSlot().wait;
	}

	/**
	 * The answer arrived: the server counted the request no later than now. A fixed-window server
	 * starts its window when the first request ARRIVES, which can be well after it was queued (the
	 * first call of a run pays for credentials and connection set-up), so the log keeps the later time.
	 */
	settle(slot: PacerSlot, time = this.now()): void {
		slot.at = Math.max(slot.at, time);
		slot.settled = true;
		const waiting = this.waiting.get(slot);
		this.waiting.delete(slot);
		for (const resolve of waiting ?? []) resolve();
	}

	/** The server said the window is spent (429, or a remaining count of 0): hold everything until then. */
	blockUntil(timestamp: number): void {
		this.blockedUntil = Math.max(this.blockedUntil, timestamp);
	}

	/**
	 * The server said how many requests its window still takes (`X-RateLimit-Remaining`), and maybe
	 * when that window ends. Fewer than the log leaves free means someone else spends the same budget
	 * (another workflow or n8n instance with the key): the difference is logged as spent, to expire
	 * with the server's window. When the server does not say when that ends, its window began no later
	 * than the oldest request in the log was answered (or now, with an empty log), so expiring with that
	 * one is late enough. More than the log leaves changes nothing: the log alone never overruns a
	 * fixed window.
	 */
	observeRemaining(remaining: number, resetAt?: number): void {
		if (!Number.isFinite(remaining) || remaining < 0) return;
		const now = this.now();
		const reset = resetAt !== undefined && resetAt > now && resetAt <= now + this.windowMs ? resetAt : undefined;
		this.forgetExpired(now);
		const others = this.limit - this.sent.length - Math.floor(remaining);
		if (others <= 0) return;
		const oldest = this.sent.reduce((min, slot) => Math.min(min, slot.at), now);
		const at = reset === undefined ? oldest : reset - this.windowMs;
		for (let i = 0; i < others; i++) this.sent.push({ at, settled: true });
		if (remaining < 1 && reset !== undefined) this.blockUntil(reset);
	}

	/** Answered requests a whole window old no longer hold anything back (unanswered ones still may). */
	private forgetExpired(now: number): void {
		for (let i = this.sent.length - 1; i >= 0; i--) {
			if (this.sent[i].settled && this.sent[i].at + this.windowMs <= now) this.sent.splice(i, 1);
		}
	}
}

// One pacer per credential and base URL for the life of the process, so consecutive executions
// and all items of one execution share the provider's budget.
const pacers = new Map<string, Pacer>();

// Tests and benchmarks compress time (a simulator enforcing "200 a minute" in 600 ms); n8n never
// changes it. Set before any request is made.
let timeScale = 1;

export function setPacingTimeScale(scale: number): void {
	timeScale = scale;
	pacers.clear();
}

export function pacerFor(key: string, limit: number, documentedWindowMs: number): Pacer {
	const windowMs = documentedWindowMs * timeScale;
	let pacer = pacers.get(key);
	if (!pacer || pacer.limit !== limit || pacer.windowMs !== windowMs) {
		pacer = new Pacer(limit, windowMs);
		pacers.set(key, pacer);
	}
	return pacer;
}
