/**
 * Keeps a run under a provider's documented limit ("N requests per window") by never sending more
 * than N requests in any span of the window's length (a sliding log). Unlike a token bucket, this
 * is safe against servers that count in fixed windows, and it still allows the full rate.
 */
export class Pacer {
	private readonly sent: number[] = [];
	private blockedUntil = 0;

	constructor(
		readonly limit: number,
		readonly windowMs: number,
		private readonly now: () => number = Date.now,
	) {}

	/** Reserves a send slot and returns how many milliseconds to wait before using it. */
	reserve(): number {
		const now = this.now();
		let at = Math.max(now, this.blockedUntil);
		if (this.sent.length >= this.limit) {
			const oldest = this.sent.shift() as number;
			at = Math.max(at, oldest + this.windowMs);
		}
		this.sent.push(at);
		return at - now;
	}

	/** The server said the window is spent (429, or a remaining count of 0): hold everything until then. */
	blockUntil(timestamp: number): void {
		this.blockedUntil = Math.max(this.blockedUntil, timestamp);
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
