import { FALLBACK_LIFETIME_MS, jwtExpiryMs, loginErrorMessage, TOKEN_MARGIN_MS, tokenFromBody, useUntil } from '../../../nodes/Saveris/transport/session';
import { checkDownloadUrl, exportBody, fileNameOf, splitWindows } from '../../../nodes/Saveris/transport/jobs';
import { MIN_WINDOW_MS } from '../../../nodes/Saveris/transport/windows';
import { mergeRows } from '../../../nodes/Saveris/resources/export';
import { parseDateTime } from '../../../nodes/shared/dates';
import { isTokenExpiredAnswer, saverisBaseUrl, saverisErrorMessage } from '../../../nodes/Saveris/provider';
import { exportResource } from '../../../nodes/Saveris/resources/definitions';
import { nextWindow, retryDelayMs } from '../../../nodes/Saveris/trigger/events';

const DAY = 24 * 3_600_000;
const jwt = (payload: object) => `h.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.s`;

describe('window splitting', () => {
	it('cuts a range into consecutive windows of at most 7 days, no gaps or overlaps', () => {
		const from = Date.parse('2024-06-01T00:00:00Z');
		const windows = splitWindows(from, from + 16 * DAY + 5000);
		expect(windows).toHaveLength(3);
		expect(windows[0]).toEqual({ from: '2024-06-01T00:00:00.000Z', until: '2024-06-08T00:00:00.000Z' });
		for (let i = 1; i < windows.length; i++) expect(windows[i].from).toBe(windows[i - 1].until);
		expect(windows[2].until).toBe('2024-06-17T00:00:05.000Z');
		expect(splitWindows(from, from + 7 * DAY)).toHaveLength(1);
		expect(splitWindows(from, from)).toEqual([]);
	});

	it("the trigger's next window: up to now − lag, at most 7 days, at least 5 minutes", () => {
		const cursor = Date.parse('2024-06-01T00:00:00Z');
		expect(nextWindow(cursor, cursor + 10 * DAY, 0)?.until).toBe('2024-06-08T00:00:00.000Z');
		expect(nextWindow(cursor, cursor + 3_600_000, 600_000)?.until).toBe('2024-06-01T00:50:00.000Z');
		expect(nextWindow(cursor, cursor + MIN_WINDOW_MS - 1, 0)).toBeUndefined();
		expect(retryDelayMs(1)).toBe(60_000);
		expect(retryDelayMs(3)).toBe(240_000);
		expect(retryDelayMs(20)).toBe(30 * 60_000);
	});

	it('reads dates without a zone as UTC', () => {
		expect(parseDateTime('2024-06-01T00:00:00')).toBe(Date.parse('2024-06-01T00:00:00Z'));
		expect(parseDateTime('2024-06-01T02:00:00+02:00')).toBe(Date.parse('2024-06-01T00:00:00Z'));
		expect(parseDateTime('')).toBeUndefined();
	});
});

describe('export body and merging', () => {
	it('only sends what is set; dates only for time-based resources', () => {
		const m = exportResource('measurement')!;
		const t = exportResource('tenant')!;
		const w = { from: 'a', until: 'b' };
		expect(exportBody(m, { format: 'CSV', filter: ' ', select: 'uuid' }, w)).toEqual({
			options: { result_file_format: 'CSV' },
			odata: { $select: 'uuid' },
			date_time_from: 'a',
			date_time_until: 'b',
		});
		expect(exportBody(t, { format: 'JSON' }, w)).toEqual({ options: { result_file_format: 'JSON' } });
	});

	it('drops repeated record uuids when merging jobs', () => {
		const out: Array<{ uuid?: string }> = [];
		const seen = new Set<string>();
		mergeRows(out, seen, [{ uuid: 'a' }, { uuid: 'b' }, { uuid: 'a' }]);
		mergeRows(out, seen, [{ uuid: 'b' }, { uuid: 'c' }, {}]);
		expect(out).toEqual([{ uuid: 'a' }, { uuid: 'b' }, { uuid: 'c' }, {}]);
	});
});

describe('downloads', () => {
	const PUBLIC = 'https://data-api.eu.p.savr.saveris.net';
	const LOCAL = 'http://127.0.0.1:4103';

	it('https only; plain http only to loopback, and only when the Base URL is loopback itself', () => {
		for (const base of [PUBLIC, LOCAL]) {
			expect(checkDownloadUrl('https://bucket.s3.amazonaws.com/x.csv?X-Amz-Signature=1', base)).toBeDefined();
			expect(checkDownloadUrl('http://bucket.s3.amazonaws.com/x.csv', base)).toBeUndefined();
			expect(checkDownloadUrl('file:///etc/passwd', base)).toBeUndefined();
			expect(checkDownloadUrl('not a url', base)).toBeUndefined();
		}
		expect(checkDownloadUrl('http://127.0.0.1:4103/storage/a/b', LOCAL)).toBeDefined();
		expect(checkDownloadUrl('http://localhost/x', 'http://localhost:5678')).toBeDefined();
		expect(checkDownloadUrl('http://10.0.0.8/x', LOCAL)).toBeUndefined();
	});

	it('a public API cannot point the node at this machine or an internal network (issue 12 point 4)', () => {
		for (const link of [
			'http://127.0.0.1:4103/storage/a/b',
			'http://localhost/x',
			'https://127.0.0.1/x',
			'https://localhost:8443/x',
			'https://127.1.2.3/x',
			'https://2130706433/x',
			'https://0x7f.1/x',
			'https://[::1]/x',
			'https://[::ffff:127.0.0.1]/x',
			'https://0.0.0.0/x',
			'https://admin.localhost/x',
			'https://169.254.169.254/latest/meta-data/',
			'https://10.1.2.3/x',
			'https://172.20.0.1/x',
			'https://192.168.1.1/x',
			'https://[fd00::1]/x',
			'https://[fe80::1]/x',
		]) {
			expect([link, checkDownloadUrl(link, PUBLIC)]).toEqual([link, undefined]);
		}
		expect(checkDownloadUrl('https://172.32.0.1/x', PUBLIC)).toBeDefined();
	});

	it('names files after the URL path', () => {
		expect(fileNameOf('https://h/measurements/abc.csv?X-Amz-Expires=1', 0)).toBe('abc.csv');
		expect(fileNameOf('https://h/', 2)).toBe('result-3');
	});
});

describe('token handling', () => {
	it('reads `exp` from a JWT and stops using it a margin before', () => {
		const exp = 1_717_200_000;
		expect(jwtExpiryMs(jwt({ exp }))).toBe(exp * 1000);
		expect(jwtExpiryMs('not-a-jwt')).toBeUndefined();
		expect(jwtExpiryMs('a.!!!.c')).toBeUndefined();
		expect(useUntil(jwt({ exp }), 0)).toBe(exp * 1000 - TOKEN_MARGIN_MS);
		expect(useUntil('opaque', 1000)).toBe(1000 + FALLBACK_LIFETIME_MS);
	});

	it('accepts IdToken and idToken', () => {
		expect(tokenFromBody({ IdToken: 'x' })).toBe('x');
		expect(tokenFromBody({ idToken: 'y' })).toBe('y');
		expect(tokenFromBody({ token: 'z' })).toBeUndefined();
	});

	it('reads the login error message', () => {
		expect(loginErrorMessage({ Status: 'Error', Message: 'Incorrect username or password.' })).toBe('Incorrect username or password.');
		expect(loginErrorMessage('{"message":"m"}')).toBe('m');
	});

	it('knows which answers mean "log in again"', () => {
		expect(isTokenExpiredAnswer(401, {})).toBe(true);
		expect(isTokenExpiredAnswer(403, { type: 'EXPIRED_TOKEN', title: 'x' })).toBe(true);
		expect(isTokenExpiredAnswer(403, '{"title":"The incoming token has expired"}')).toBe(true);
		expect(isTokenExpiredAnswer(403, { title: 'Missing Authentication Token' })).toBe(false);
		expect(isTokenExpiredAnswer(403, { message: 'Missing license or permission.' })).toBe(false);
		expect(isTokenExpiredAnswer(500, {})).toBe(false);
	});
});

describe('error bodies and hosts', () => {
	it('maps problem+json, {status, message} and the token error', () => {
		expect(saverisErrorMessage({ type: 'BAD_REQUEST_BODY', title: 'Invalid request body', detail: 'odata: bad', status: 400 })).toBe(
			'Invalid request body: odata: bad',
		);
		expect(saverisErrorMessage('{"title":"Missing Authentication Token","status":403}')).toBe('Missing Authentication Token');
		expect(saverisErrorMessage({ status: 'Error', message: 'Invalid request: date_time_from must be before date_time_until.' })).toBe(
			'Invalid request: date_time_from must be before date_time_until.',
		);
		expect(saverisErrorMessage({ Status: 'Error', Message: 'Incorrect username or password.' })).toBe('Incorrect username or password.');
		expect(saverisErrorMessage('<Error><Code>AccessDenied</Code></Error>')).toBeUndefined();
	});

	it('builds the host from region and environment, or takes the override', () => {
		expect(saverisBaseUrl({ region: 'am', environment: 'p' })).toBe('https://data-api.am.p.savr.saveris.net');
		expect(saverisBaseUrl({ region: 'eu', environment: 'i', baseUrl: 'http://127.0.0.1:4103/' })).toBe('http://127.0.0.1:4103');
	});
});

describe('trigger lookback memory (issue 14, point 3)', () => {
	const { keysToKeep, rangeBound, recordKey } = jest.requireActual('../../../nodes/Saveris/trigger/events');
	const measurement = exportResource('measurement')!;
	const until = Date.parse('2024-06-01T01:00:00.000Z');

	it('bounds a record by the latest column the range may select on, never past the window end', () => {
		expect(rangeBound({ uuid: 'a', timestamp: '2024-06-01T00:10:00.000Z', processed_at: '2024-06-01T00:30:00.000Z' }, measurement, until)).toBe(Date.parse('2024-06-01T00:30:00.000Z'));
		expect(rangeBound({ uuid: 'b', timestamp: '2024-06-01T00:10:00.000Z', processed_at: '2024-06-01T03:00:00.000Z' }, measurement, until)).toBe(until);
		// $select dropped processed_at: only the window end is sure.
		expect(rangeBound({ uuid: 'c', timestamp: '2024-06-01T00:10:00.000Z' }, measurement, until)).toBe(until);
	});

	it('keys rows by uuid, or by a fingerprint of their columns that does not depend on column order', () => {
		expect(recordKey({ uuid: 'x', n: 1 })).toBe('x');
		expect(recordKey({ a: 1, b: 'two' })).toBe(recordKey({ b: 'two', a: 1 }));
		expect(recordKey({ a: 1, b: 'two' })).not.toBe(recordKey({ a: 1, b: 'three' }));
	});

	it('keeps only keys the next window can read again', () => {
		expect(keysToKeep({ old: 100, edge: 200, late: 300 }, 200)).toEqual({ edge: 200, late: 300 });
	});

	it('the next window starts a lookback before the cursor, never before the origin, at most 7 days long', () => {
		const cursor = Date.parse('2024-06-01T00:00:00Z');
		expect(nextWindow(cursor, cursor + 3_600_000, 600_000, 1_800_000)).toEqual({ from: '2024-05-31T23:30:00.000Z', until: '2024-06-01T00:50:00.000Z' });
		expect(nextWindow(cursor, cursor + 3_600_000, 600_000, 1_800_000, cursor - 60_000)?.from).toBe('2024-05-31T23:59:00.000Z');
		const long = nextWindow(cursor, cursor + 30 * DAY, 0, 3_600_000)!;
		expect(Date.parse(long.until) - Date.parse(long.from)).toBe(7 * DAY);
		expect(nextWindow(cursor, cursor + MIN_WINDOW_MS - 1, 0, 3_600_000)).toBeUndefined();
	});
});

describe('window splitting: the 5-minute minimum (issue 14, point 5)', () => {
	it('never leaves a tail under 5 minutes: the last two windows share it', () => {
		const from = Date.parse('2024-06-01T00:00:00Z');
		for (const extra of [1, 2 * 60_000, MIN_WINDOW_MS - 1]) {
			const windows = splitWindows(from, from + 7 * DAY + extra);
			expect(windows).toHaveLength(2);
			expect(windows[1].from).toBe(windows[0].until);
			expect(Date.parse(windows[1].until)).toBe(from + 7 * DAY + extra);
			for (const w of windows) {
				const span = Date.parse(w.until) - Date.parse(w.from);
				expect(span).toBeGreaterThanOrEqual(MIN_WINDOW_MS);
				expect(span).toBeLessThanOrEqual(7 * DAY);
			}
		}
		const exact = splitWindows(from, from + 7 * DAY + MIN_WINDOW_MS);
		expect(exact.map((w) => w.until)).toEqual(['2024-06-08T00:00:00.000Z', '2024-06-08T00:05:00.000Z']);
	});
});
