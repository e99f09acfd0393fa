// Fixed-window rate limiting per credential: the first request of a credential opens a window of
// `windowMs`; within it, requests past `limit` are refused. Simple on purpose: the nodes are tested on
// how they react to the provider's headers and 429s, not on the limiter's exact algorithm.
import type { RateLimitState, RateLimitWindow } from './types';

export class FixedWindowRateLimiter {
	private windows = new Map<string, { start: number; count: number }>();

	constructor(private window: RateLimitWindow | null) {}

	get config(): RateLimitWindow | null {
		return this.window ? { ...this.window } : null;
	}

	configure(window: RateLimitWindow | null): void {
		this.window = window ? { ...window } : null;
		this.windows.clear();
	}

	resetCounters(): void {
		this.windows.clear();
	}

	/** Counts one request for `key`; undefined when the limiter is off. */
	take(key: string, now = Date.now()): RateLimitState | undefined {
		if (!this.window) return undefined;
		const { limit, windowMs } = this.window;
		let current = this.windows.get(key);
		if (!current || now - current.start >= windowMs) {
			current = { start: now, count: 0 };
			this.windows.set(key, current);
		}
		current.count += 1;
		return {
			key,
			limit,
			windowMs,
			remaining: Math.max(0, limit - current.count),
			resetAt: current.start + windowMs,
			limited: current.count > limit,
		};
	}
}
