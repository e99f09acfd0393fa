/**
 * How long one export job may span. A file of its own because the trigger's description reads it when n8n
 * loads the package, and the export code (transport/jobs.ts) loads only on a first run (issue 17: cold load).
 */
export const DAY_MS = 24 * 60 * 60_000;

/**
 * 7 days per export job at most and 5 minutes at least: stated only in the byuTesto integrator note
 * (skills/integrate/data-api.md), not in testo's OpenAPI, whose examples ask for 2024-06-01 to
 * 2024-12-31 in one request. Kept because a shorter window costs nothing but one more job.
 */
export const MAX_WINDOW_MS = 7 * DAY_MS;
export const MIN_WINDOW_MS = 5 * 60_000;
