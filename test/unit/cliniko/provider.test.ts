
import { apiError } from '../../../nodes/shared/errors';
import {
	UNAUTHORIZED_MESSAGE,
	cliniko,
	clinikoBaseUrl,
	clinikoErrorMessage,
	clinikoResetDelayMs,
	formatValidationErrors,
	shardFromKey,
} from '../../../nodes/Cliniko/provider';
import { testNode } from '../../helpers/node';

const node = testNode('Cliniko', 'n8n-nodes-saas-connectors.cliniko');

describe('Cliniko shard from the API key', () => {
	it('reads the suffix after the last hyphen, in lower case', () => {
		expect(shardFromKey('MxJrZXkiOiI1Njd1amJmZTQ1NyJ9-au2')).toBe('au2');
		expect(shardFromKey('abc-def-UK1')).toBe('uk1');
		expect(shardFromKey('  key-ca1  ')).toBe('ca1');
		expect(shardFromKey('key-eu1')).toBe('eu1');
		// Not in today's list but shaped like a shard: a new shard works without an update.
		expect(shardFromKey('key-us12')).toBe('us12');
	});

	it('treats a key without a suffix as an old au1 key', () => {
		expect(shardFromKey('MxJrZXkiOiI1Njd1amJmZTQ1NyJ9')).toBe('au1');
		expect(shardFromKey('abc+/=')).toBe('au1');
	});

	it('refuses a suffix that looks like a shard but is not one, without echoing the key', () => {
		for (const key of ['secretpart-au', 'secretpart-a1', 'secretpart-au123', 'secretpart-aus1']) {
			expect(() => shardFromKey(key)).toThrow(/is not a shard/);
			expect(() => shardFromKey(key)).not.toThrow(/secretpart/);
		}
		expect(() => shardFromKey('   ')).toThrow('no API key');
	});

	it('builds the base URL from the shard, or uses the override', () => {
		expect(clinikoBaseUrl({ apiKey: 'k-uk2' })).toBe('https://api.uk2.cliniko.com/v1');
		expect(clinikoBaseUrl({ apiKey: 'k' })).toBe('https://api.au1.cliniko.com/v1');
		expect(clinikoBaseUrl({ apiKey: 'k-uk2', baseUrl: ' http://127.0.0.1:4102/v1/ ' })).toBe('http://127.0.0.1:4102/v1');
		// The override also rescues a key whose suffix is not understood.
		expect(clinikoBaseUrl({ apiKey: 'k-a1', baseUrl: 'https://api.au5.cliniko.com/v1' })).toBe('https://api.au5.cliniko.com/v1');
		expect(() => clinikoBaseUrl({ apiKey: 'k', baseUrl: 'api.au1.cliniko.com' })).toThrow('not a URL');
		expect(cliniko.rateLimit).toEqual({ requests: 200, perMs: 60_000 });
	});
});

describe('Cliniko rate-limit reset', () => {
	it('waits until X-RateLimit-Reset (UNIX seconds)', () => {
		const now = Date.UTC(2025, 0, 1, 0, 0, 0);
		expect(clinikoResetDelayMs({ 'X-RateLimit-Reset': String(now / 1000 + 42) }, now)).toBe(42_000);
		expect(clinikoResetDelayMs({ 'x-ratelimit-reset': String(now / 1000 - 5) }, now)).toBe(0);
		expect(clinikoResetDelayMs({ 'x-ratelimit-reset': String(now + 1500) }, now)).toBe(1500);
		expect(clinikoResetDelayMs({}, now)).toBeUndefined();
		expect(clinikoResetDelayMs({ 'x-ratelimit-reset': 'soon' }, now)).toBeUndefined();
	});
});

describe('Cliniko error messages', () => {
	it('lists every field of a 422', () => {
		const body = { message: 'Validation Failed', errors: { first_name: 'can’t be blank', last_name: 'can’t be blank' } };
		expect(formatValidationErrors(body)).toBe('first_name: can’t be blank; last_name: can’t be blank');
		expect(formatValidationErrors({ errors: { content: null } })).toBe('content: is invalid');
		expect(formatValidationErrors({ errors: { email: ['is invalid', 'is too long'] } })).toBe('email: is invalid, is too long');
		expect(formatValidationErrors({ message: 'Validation Failed' })).toBeUndefined();
		expect(clinikoErrorMessage({ message: 'Validation Failed' }, 422)).toBe('Validation Failed');
	});

	it('explains a 401 by the shard or a revoked key', () => {
		expect(clinikoErrorMessage('HTTP Basic: Access denied.\n', 401)).toBe(UNAUTHORIZED_MESSAGE);
		expect(UNAUTHORIZED_MESSAGE).toMatch(/revoked/);
		expect(UNAUTHORIZED_MESSAGE).toMatch(/shard/);
	});

	it('turns into a NodeApiError naming the fields', () => {
		const error = apiError(node, cliniko, 422, { message: 'Validation Failed', errors: { first_name: 'can’t be blank' } });
		expect(error.message).toBe('first_name: can’t be blank (HTTP 422)');
		expect(error.description).toContain('Cliniko answered HTTP 422');
		const forbidden = clinikoErrorMessage({ message: 'Forbidden' }, 403);
		expect(forbidden).toMatch(/^Forbidden: .*role/);
	});
});
