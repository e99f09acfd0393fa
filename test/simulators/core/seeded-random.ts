// A small seeded PRNG (mulberry32) so generated seed data is the same on every run and machine:
// tests and the demo can name a generated record and find it again.

export interface SeededRandom {
	/** A float in [0, 1). */
	next(): number;
	/** An integer in [min, max]. */
	int(min: number, max: number): number;
	/** A float in [min, max) rounded to `decimals` places. */
	float(min: number, max: number, decimals: number): number;
	pick<T>(items: readonly T[]): T;
	/** `length` characters drawn from `alphabet`. */
	string(length: number, alphabet: string): string;
}

export function seededRandom(seed: number): SeededRandom {
	let a = seed >>> 0;
	const next = (): number => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
	return {
		next,
		int,
		float: (min, max, decimals) => Number((min + next() * (max - min)).toFixed(decimals)),
		pick: (items) => items[int(0, items.length - 1)],
		string: (length, alphabet) => Array.from({ length }, () => alphabet[int(0, alphabet.length - 1)]).join(''),
	};
}

/** A stable 32-bit number from a string (FNV-1a), to seed per-record generators from an ID. */
export function hashString(value: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < value.length; i++) {
		hash ^= value.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
}
