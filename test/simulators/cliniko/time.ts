// Time helpers: the simulator's controllable clock, second-precision UTC timestamps (the form
// Cliniko answers with: `2014-08-30T18:00:00Z`) and local wall-clock ↔ UTC for a business' IANA zone.

/** `2024-05-01T09:00:00Z`: UTC, whole seconds. */
export function isoSeconds(ms: number): string {
	return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

export const DAY_MS = 86_400_000;

/**
 * The clock behind created_at/updated_at/archived_at/cancelled_at and "today". It follows real
 * time by default (so records a test creates are newer than a trigger's real-time cursor);
 * `set()` freezes it at an instant (many records can then share one timestamp), `advance()` moves
 * it (frozen or not), `useRealTime()` goes back to the wall clock.
 */
export class ClinikoClock {
	private frozenAt: number | null = null;
	private offset = 0;

	now(): number {
		return this.frozenAt ?? Date.now() + this.offset;
	}

	iso(): string {
		return isoSeconds(this.now());
	}

	get frozen(): boolean {
		return this.frozenAt !== null;
	}

	set(at: string | number | Date): void {
		const ms = typeof at === 'number' ? at : typeof at === 'string' ? Date.parse(at) : at.getTime();
		if (Number.isNaN(ms)) throw new Error(`Cliniko simulator clock: not a time: ${String(at)}`);
		this.frozenAt = ms;
	}

	advance(ms: number): void {
		if (this.frozenAt !== null) this.frozenAt += ms;
		else this.offset += ms;
	}

	useRealTime(): void {
		this.frozenAt = null;
		this.offset = 0;
	}
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
	let f = formatters.get(timeZone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		});
		formatters.set(timeZone, f);
	}
	return f;
}

function wallClock(timeZone: string, utcMs: number): { y: number; m: number; d: number; h: number; min: number; s: number } {
	const parts: Record<string, number> = {};
	for (const part of formatter(timeZone).formatToParts(new Date(utcMs))) {
		if (part.type !== 'literal') parts[part.type] = Number(part.value);
	}
	return { y: parts.year, m: parts.month, d: parts.day, h: parts.hour, min: parts.minute, s: parts.second };
}

function exactOffset(timeZone: string, utcMs: number): number {
	const ms = Math.floor(utcMs / 1000) * 1000;
	const w = wallClock(timeZone, ms);
	return (Date.UTC(w.y, w.m - 1, w.d, w.h, w.min, w.s) - ms) / 60_000;
}

interface ZoneYear {
	/** Instants (ms) where the offset changes, ascending, with the offset from then on. */
	changes: Array<{ at: number; offset: number }>;
	initial: number;
}

const zoneYears = new Map<string, ZoneYear>();

/** The offset changes of a zone in a UTC year, found by bisection (~40 Intl calls instead of thousands). */
function zoneYear(timeZone: string, year: number): ZoneYear {
	const key = `${timeZone}|${year}`;
	let found = zoneYears.get(key);
	if (found) return found;
	const start = Date.UTC(year, 0, 1);
	const initial = exactOffset(timeZone, start);
	const changes: ZoneYear['changes'] = [];
	let previous = initial;
	for (let month = 0; month < 12; month++) {
		const from = Date.UTC(year, month, 1);
		const to = Date.UTC(year, month + 1, 1);
		const end = exactOffset(timeZone, to - 1000);
		if (end === previous) continue;
		// One change in the month (zones change at most twice a year): find it to the second.
		let lo = from;
		let hi = to - 1000;
		while (hi - lo > 1000) {
			const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
			if (exactOffset(timeZone, mid) === previous) lo = mid;
			else hi = mid;
		}
		changes.push({ at: hi, offset: end });
		previous = end;
	}
	found = { changes, initial };
	zoneYears.set(key, found);
	return found;
}

/** Minutes the zone is ahead of UTC at an instant (Melbourne: 600 or 660). */
export function zoneOffsetMinutes(timeZone: string, utcMs: number): number {
	const { changes, initial } = zoneYear(timeZone, new Date(utcMs).getUTCFullYear());
	let offset = initial;
	for (const change of changes) {
		if (utcMs >= change.at) offset = change.offset;
		else break;
	}
	return offset;
}

/** The UTC instant of a local wall-clock time (`date` is YYYY-MM-DD) in a zone. */
export function localToUtc(timeZone: string, date: string, hour: number, minute = 0): number {
	const [y, m, d] = date.split('-').map(Number);
	const guess = Date.UTC(y, m - 1, d, hour, minute);
	const first = zoneOffsetMinutes(timeZone, guess);
	const utc = guess - first * 60_000;
	const second = zoneOffsetMinutes(timeZone, utc);
	return second === first ? utc : guess - second * 60_000;
}

/** The local calendar date (YYYY-MM-DD) of an instant in a zone. */
export function localDate(timeZone: string, utcMs: number): string {
	return new Date(utcMs + zoneOffsetMinutes(timeZone, utcMs) * 60_000).toISOString().slice(0, 10);
}

/** 0 Sunday … 6 Saturday, of a YYYY-MM-DD date. */
export function dayOfWeek(date: string): number {
	return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export function addDays(date: string, days: number): string {
	return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
