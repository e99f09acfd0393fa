/**
 * The package's one date-time rule is in nodes/shared/dates.ts; this is how Cliniko takes its result.
 * Cliniko takes every time in UTC (`2024-05-01T09:30:00Z`) and dates as `YYYY-MM-DD`. n8n's date
 * picker and most expressions give local times without an offset, meant in the workflow's time zone;
 * these helpers turn either into what Cliniko expects, with no library (node code has no runtime
 * dependencies).
 */
import { calendarDate, parseDateTime } from '../../shared/dates';

function isoUtc(ms: number): string {
	return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/**
 * A date-time as Cliniko wants it: UTC with `Z`. Text with an offset or `Z` keeps its instant; text
 * without one is read in `timeZone` (the workflow's). Returns undefined when it is not a date-time.
 */
export function toUtcDateTime(value: unknown, timeZone?: string): string | undefined {
	const ms = parseDateTime(value, timeZone);
	return ms === undefined ? undefined : isoUtc(ms);
}

/**
 * A calendar date `YYYY-MM-DD` under the package's one rule: as written without a zone, else the
 * instant's date in `timeZone` (the workflow's).
 */
export const toDateOnly = calendarDate;
