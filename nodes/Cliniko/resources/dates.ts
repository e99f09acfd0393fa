/**
 * Cliniko takes every time in UTC (`2024-05-01T09:30:00Z`) and dates as `YYYY-MM-DD`. n8n's date
 * picker and most expressions give local times without an offset, meant in the workflow's time zone;
 * these helpers turn either into what Cliniko expects, with no library (node code has no runtime
 * dependencies).
 */

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?$/;
const WITH_OFFSET = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

/** Offset of `timeZone` from UTC at the instant `utcMs`, in milliseconds. */
function zoneOffsetMs(utcMs: number, timeZone: string): number {
	const format = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	});
	const parts: Record<string, number> = {};
	for (const part of format.formatToParts(new Date(utcMs))) {
		if (part.type !== 'literal') parts[part.type] = Number(part.value);
	}
	const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
	return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** The UTC instant of a wall-clock time in `timeZone` (UTC when the zone is unknown). */
export function zonedTimeToUtc(fields: number[], timeZone: string | undefined): number {
	const [year, month, day, hour = 0, minute = 0, second = 0, ms = 0] = fields;
	const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms);
	if (!timeZone) return wall;
	try {
		const first = wall - zoneOffsetMs(wall, timeZone);
		// Around a DST change the offset at the result can differ from the one at the guess.
		const second = wall - zoneOffsetMs(first, timeZone);
		return second;
	} catch {
		return wall;
	}
}

function textOf(value: unknown): string {
	if (value instanceof Date) return value.toISOString();
	if (value && typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function') {
		// A Luxon DateTime from an expression such as {{ $now }}.
		return String((value as { toISO: () => string }).toISO());
	}
	return String(value ?? '').trim();
}

function isoUtc(ms: number): string {
	return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/**
 * A date-time as Cliniko wants it: UTC with `Z`. Text with an offset or `Z` keeps its instant; text
 * without one is read in `timeZone` (the workflow's). Returns undefined when it is not a date-time.
 */
export function toUtcDateTime(value: unknown, timeZone?: string): string | undefined {
	const text = textOf(value);
	if (text === '') return undefined;
	if (WITH_OFFSET.test(text)) {
		const ms = Date.parse(text);
		return Number.isNaN(ms) ? undefined : isoUtc(ms);
	}
	const m = LOCAL_DATE_TIME.exec(text);
	if (!m) return undefined;
	const fraction = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
	const fields = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number);
	const [, month, day, hour, minute, second] = fields;
	if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return undefined;
	return isoUtc(zonedTimeToUtc([...fields, fraction], timeZone));
}

/**
 * A calendar date `YYYY-MM-DD`: the date part of what the user gave (a picked date comes as
 * `2024-05-01T00:00:00`, an expression may add an offset; the wall-clock date is what they meant).
 */
export function toDateOnly(value: unknown): string | undefined {
	const text = textOf(value);
	const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(text);
	if (!m) return undefined;
	const month = Number(m[2]);
	const day = Number(m[3]);
	if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
	return `${m[1]}-${m[2]}-${m[3]}`;
}
