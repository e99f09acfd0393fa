import type { INode } from 'n8n-workflow';

import { parameterError } from './errors';
import { describeValue, isBlank } from './validate';

/**
 * ISO 8601 as people and n8n write it: a date, optionally a time ("T" or a space) with optional
 * seconds, fraction and zone. `Date.parse` is not used on user input: V8 also reads text like "1",
 * "a 1" or "June 1" (as 2001, in the server's zone) and rolls "2024-02-30" over to 1 March, so a typo
 * became a valid but unintended date (a range of decades, one export job per week of it).
 */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

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

/** Milliseconds of a UTC wall-clock time; years below 100 are kept (Date.UTC maps them to 19xx). */
function utcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number {
	const date = new Date(0);
	date.setUTCFullYear(year, month - 1, day);
	date.setUTCHours(hour, minute, second, ms);
	return date.getTime();
}

/** The UTC instant of a wall-clock time in `timeZone` (UTC when the zone is unknown). */
export function zonedTimeToUtc(fields: number[], timeZone: string | undefined): number {
	const [year, month, day, hour = 0, minute = 0, second = 0, ms = 0] = fields;
	const wall = utcMs(year, month, day, hour, minute, second, ms);
	if (!timeZone) return wall;
	try {
		const first = wall - zoneOffsetMs(wall, timeZone);
		// Around a DST change the offset at the result can differ from the one at the guess.
		return wall - zoneOffsetMs(first, timeZone);
	} catch {
		return wall;
	}
}

function daysInMonth(year: number, month: number): number {
	return new Date(utcMs(year, month + 1, 1) - 86_400_000).getUTCDate();
}

/**
 * The text of a date value: text as typed (trimmed), a JS Date or a Luxon DateTime (what
 * expressions such as {{ $now }} give) as ISO 8601. Undefined for anything else or an invalid date.
 */
export function dateText(value: unknown): string | undefined {
	if (typeof value === 'string') return value.trim();
	if (value === null || typeof value !== 'object') return undefined;
	if (Object.prototype.toString.call(value) === '[object Date]') {
		const ms = (value as Date).getTime();
		return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
	}
	const toISO = (value as { toISO?: unknown }).toISO;
	if (typeof toISO !== 'function') return undefined;
	// An invalid Luxon DateTime answers null.
	const iso: unknown = toISO.call(value);
	return typeof iso === 'string' ? iso : undefined;
}

/**
 * A date-time parameter as an instant in ms, or undefined when it is not one. Takes ISO 8601 text
 * (see DATE_TIME; calendar-checked, so 2024-02-30 is refused), a JS Date or a Luxon DateTime. Text
 * without a zone is read in `timeZone` (UTC when not given).
 */
export function parseDateTime(value: unknown, timeZone?: string): number | undefined {
	const text = dateText(value);
	if (text === undefined) return undefined;
	const m = DATE_TIME.exec(text);
	if (!m) return undefined;
	const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
	const fraction = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
	if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
	if (hour > 23 || minute > 59 || second > 59) return undefined;
	const zone = m[8];
	if (zone === undefined) return zonedTimeToUtc([year, month, day, hour, minute, second, fraction], timeZone);
	const wall = utcMs(year, month, day, hour, minute, second, fraction);
	if (zone.toUpperCase() === 'Z') return wall;
	const digits = zone.slice(1).replace(':', '');
	const offsetHours = Number(digits.slice(0, 2));
	const offsetMinutes = Number(digits.slice(2) || 0);
	if (offsetHours > 18 || offsetMinutes > 59) return undefined;
	const offsetMs = (offsetHours * 60 + offsetMinutes) * 60_000;
	return zone.startsWith('-') ? wall + offsetMs : wall - offsetMs;
}

/*
 * THE DATE-TIME RULE of every node in this package (README "Dates and times", docs/behaviour.md):
 * a date-time parameter is read in the workflow's time zone unless the value carries an offset or Z.
 * Every provider's date and date-time inputs go through the functions below; only the form sent
 * differs by what the API takes:
 * - an instant (Cliniko, Saveris): `parseDateTime` / `requireDateTime`, sent in UTC;
 * - a wall-clock time without zone (XtraKit, CLIENTXCMS): `localDateTime`, the instant's wall clock in
 *   the workflow's time zone ("2024-06-01 10:00:00"), so a value without zone goes as written;
 * - a calendar date: `calendarDate`, the date as written when the value has no zone, otherwise the
 *   instant's date in the workflow's time zone ($now.toUTC() or a JS Date at 23:00 UTC is the next
 *   day in Sydney).
 */

/** The wall clock `YYYY-MM-DD HH:MM:SS` of an instant in `timeZone` (UTC when not given or unknown). */
export function wallClock(ms: number, timeZone?: string): string {
	let offset = 0;
	if (timeZone) {
		try {
			offset = zoneOffsetMs(ms, timeZone);
		} catch {
			offset = 0;
		}
	}
	const iso = new Date(Math.floor(ms / 1000) * 1000 + offset).toISOString();
	return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/** A date-time value as the wall clock `YYYY-MM-DD HH:MM:SS` in `timeZone` under the rule; undefined when it is not one. */
export function localDateTime(value: unknown, timeZone?: string): string | undefined {
	const ms = parseDateTime(value, timeZone);
	return ms === undefined ? undefined : wallClock(ms, timeZone);
}

/**
 * The calendar date `YYYY-MM-DD` of a date value under the rule: as written when it has no zone (a
 * picked date comes as `2024-05-01T00:00:00`), else the instant's date in `timeZone`. Undefined
 * unless the whole value is a valid date-time.
 */
export function calendarDate(value: unknown, timeZone?: string): string | undefined {
	return localDateTime(value, timeZone)?.slice(0, 10);
}

/** An optional date parameter as `YYYY-MM-DD`: empty is unset, anything but a valid date is an error naming the field. */
export function optionalCalendarDate(node: INode, value: unknown, label: string, itemIndex: number, timeZone?: string): string | undefined {
	if (isBlank(value)) return undefined;
	const date = calendarDate(value, timeZone);
	if (date === undefined) {
		throw parameterError(node, `${label} is not a valid date: ${describeValue(value)}`, itemIndex, 'Use e.g. 2024-06-01.');
	}
	return date;
}

/** An optional date-time parameter as the wall clock in `timeZone` (see localDateTime): empty is unset, anything else invalid is an error naming the field. */
export function optionalLocalDateTime(node: INode, value: unknown, label: string, itemIndex: number, timeZone?: string): string | undefined {
	if (isBlank(value)) return undefined;
	const local = localDateTime(value, timeZone);
	if (local === undefined) {
		const zone = timeZone ? `the workflow's time zone (${timeZone})` : 'UTC';
		throw parameterError(
			node,
			`${label} is not a valid date and time: ${describeValue(value)}`,
			itemIndex,
			`Use ISO 8601, e.g. 2024-06-01T09:30:00; a time without a zone is read in ${zone}.`,
		);
	}
	return local;
}

/**
 * A required date-time parameter as an instant in ms; anything else is a NodeOperationError naming
 * the field and what arrived.
 */
export function requireDateTime(
	node: INode,
	value: unknown,
	label: string,
	itemIndex: number,
	options: { timeZone?: string; example?: string } = {},
): number {
	if (isBlank(value)) {
		throw parameterError(node, `${label} is empty`, itemIndex, `Enter a date and time, e.g. ${options.example ?? '2024-06-01T00:00:00Z'}.`);
	}
	const ms = parseDateTime(value, options.timeZone);
	if (ms === undefined) {
		const zone = options.timeZone ? `the workflow's time zone (${options.timeZone})` : 'UTC';
		throw parameterError(
			node,
			`${label} is not a valid date and time: ${describeValue(value)}`,
			itemIndex,
			`Use ISO 8601, e.g. ${options.example ?? '2024-06-01T00:00:00Z'}; a time without a zone is read in ${zone}.`,
		);
	}
	return ms;
}
