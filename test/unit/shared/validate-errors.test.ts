import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { apiError, genericErrorMessage, networkError } from '../../../nodes/shared/errors';
import type { ProviderConfig } from '../../../nodes/shared/types';
import { describeValue, optionalNumberInRange, parseJsonValue, pathWith, requireText, textList, textOf } from '../../../nodes/shared/validate';
import { testNode } from '../../helpers/node';

const node = testNode();
const provider: ProviderConfig = { displayName: 'Acme', credentialType: 'acmeApi', baseUrl: () => 'https://x' };

describe('parameter validation', () => {
	it('refuses empty and whitespace values before any request', () => {
		expect(() => requireText(node, '  ', 'Client', 0)).toThrow(NodeOperationError);
		expect(() => requireText(node, undefined, 'Client', 0)).toThrow('Client is empty');
		expect(requireText(node, ' 8eb3l ', 'Client', 0)).toBe('8eb3l');
	});

	it('names what arrived when an ID is not text or a number, never "[object Object]"', () => {
		// A whole resource-locator value, or an expression returning an object or a list.
		expect(() => requireText(node, { __rl: true, mode: 'id', value: '7' }, 'Client ID', 0)).toThrow('Client ID must be text or a number, got an object');
		expect(() => requireText(node, { id: 1 }, 'Client ID', 0)).toThrow(NodeOperationError);
		expect(() => requireText(node, [1, 2], 'Client ID', 0)).toThrow('Client ID must be text or a number, got a list of 2');
		expect(() => requireText(node, [], 'Client ID', 0)).toThrow('got an empty list');
		expect(() => requireText(node, true, 'Client ID', 0)).toThrow('got true (a boolean)');
		expect(() => requireText(node, Number.NaN, 'Client ID', 0)).toThrow('got NaN');
		expect(() => requireText(node, new Date(0), 'Client ID', 0)).toThrow('got a date');
		expect(() => textOf(node, { toISO: () => 'x' }, 'Client ID', 0)).toThrow('got a date');
		expect(requireText(node, 42, 'Client ID', 0)).toBe('42');
		expect(textOf(node, null, 'Client ID', 0)).toBe('');
		try {
			requireText(node, {}, 'Client ID', 0);
		} catch (error) {
			expect((error as NodeOperationError).description).toContain('{{ $json.id }}');
		}
	});

	it('reads multi-value parameters from a list or comma-separated text', () => {
		expect(textList(node, ['a', ' b ', ''], 'Levels', 0)).toEqual(['a', 'b']);
		expect(textList(node, 'a, b,,c', 'Levels', 0)).toEqual(['a', 'b', 'c']);
		expect(textList(node, undefined, 'Levels', 0)).toEqual([]);
		expect(() => textList(node, ['a', { b: 1 }], 'Levels', 0)).toThrow('Levels must be text or a number, got an object');
	});

	it('shows values in messages by what they are', () => {
		expect(describeValue('a"b')).toBe('"a\\"b"');
		expect(describeValue('\u0000\t')).toBe('"\\u0000\\t"');
		expect(describeValue('x'.repeat(3000))).toBe(`"${'x'.repeat(80)}…"`);
		expect(describeValue({})).toBe('an object');
		expect(describeValue(-1)).toBe('-1');
		expect(describeValue(undefined)).toBe('nothing');
	});

	it('names a JSON field by its display name and says what is wrong', () => {
		expect(() => parseJsonValue(node, '{"memory":', 'Config (JSON)', 0)).toThrow(/^Config \(JSON\) is not valid JSON: .+/);
		expect(() => parseJsonValue(node, "{'a':1}", 'Config (JSON)', 0)).toThrow(NodeOperationError);
		expect(() => parseJsonValue(node, '[1,2]', 'Config (JSON)', 0, 'object')).toThrow('Config (JSON) must be a JSON object, got a list of 2');
		expect(() => parseJsonValue(node, 'null', 'Config (JSON)', 0, 'object')).toThrow('Config (JSON) must be a JSON object, got null');
		expect(() => parseJsonValue(node, '5', 'Body', 0, 'objectOrList')).toThrow('Body must be a JSON object or list, got a number (5)');
		expect(() => parseJsonValue(node, true, 'Body', 0, 'objectOrList')).toThrow('got true (a boolean)');
		expect(parseJsonValue(node, ' {"a":1} ', 'Config (JSON)', 0, 'object')).toEqual({ a: 1 });
		expect(parseJsonValue(node, [1], 'Body', 0, 'objectOrList')).toEqual([1]);
		expect(parseJsonValue(node, '  ', 'Config (JSON)', 0, 'object')).toBeUndefined();
		try {
			parseJsonValue(node, '{"a":1,}', 'Pricing (JSON)', 3);
		} catch (error) {
			expect((error as NodeOperationError).message).toMatch(/^Pricing \(JSON\) is not valid JSON: /);
			expect((error as NodeOperationError).description).toContain('double quotes');
			expect((error as NodeOperationError).context.itemIndex).toBe(3);
		}
	});

	it('encodes path values so they cannot reach another route', () => {
		expect(pathWith(node, '/clients/{id}/stats', { id: 'a/b?c#d' }, 0)).toBe('/clients/a%2Fb%3Fc%23d/stats');
		expect(pathWith(node, '/clients/{id}', { id: 'ünï cödé' }, 0)).toBe('/clients/%C3%BCn%C3%AF%20c%C3%B6d%C3%A9');
		expect(() => pathWith(node, '/clients/{id}', { id: '..' }, 0)).toThrow(NodeOperationError);
		expect(() => pathWith(node, '/clients/{id}', { id: '.' }, 0)).toThrow('is not a valid id');
		expect(() => pathWith(node, '/clients/{id}', {}, 0)).toThrow('Missing value');
	});

	it('checks number ranges and treats empty as unset', () => {
		expect(optionalNumberInRange(node, '', 'Score', 0, 100, 0)).toBeUndefined();
		expect(optionalNumberInRange(node, 40, 'Score', 0, 100, 0)).toBe(40);
		expect(() => optionalNumberInRange(node, 101, 'Score', 0, 100, 0)).toThrow('Score must be a number from 0 to 100');
		expect(() => optionalNumberInRange(node, 'abc', 'Score', 0, 100, 0)).toThrow(NodeOperationError);
		expect(() => optionalNumberInRange(node, -1e308, 'Score', 0, 100, 0)).toThrow(NodeOperationError);
		expect(() => optionalNumberInRange(node, '  ', 'Score', 0, 100, 0)).toThrow(NodeOperationError);
		expect(() => optionalNumberInRange(node, [5], 'Score', 0, 100, 0)).toThrow(NodeOperationError);
		expect(() => optionalNumberInRange(node, true, 'Score', 0, 100, 0)).toThrow(NodeOperationError);
	});
});

describe('errors', () => {
	it('finds the provider message in common body shapes', () => {
		expect(genericErrorMessage({ message: 'Unauthenticated.' })).toBe('Unauthenticated.');
		expect(genericErrorMessage({ error: { message: 'nested' } })).toBe('nested');
		expect(genericErrorMessage({ title: 'Bad', detail: 'Details win' })).toBe('Details win');
		expect(genericErrorMessage('<html>502</html>')).toBeUndefined();
		expect(genericErrorMessage('plain text')).toBe('plain text');
		expect(genericErrorMessage(null)).toBeUndefined();
	});

	it('puts the provider text and the HTTP status in the message', () => {
		const error = apiError(node, provider, 422, { message: 'first_name can’t be blank' }, { itemIndex: 2 });
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('first_name can’t be blank (HTTP 422)');
		expect(error.httpCode).toBe('422');
		expect(error.description).toContain('Acme answered HTTP 422');
		expect(error.context.itemIndex).toBe(2);
	});

	it('uses the not-found message for 404 and keeps the provider text in the description', () => {
		const error = apiError(node, provider, 404, { message: 'Not Found' }, { notFound: 'Client not found: no client with ID "zz"' });
		expect(error.message).toBe('Client not found: no client with ID "zz" (HTTP 404)');
		expect(error.description).toContain('Message: Not Found');
	});

	it('falls back to a readable text when the body says nothing', () => {
		expect(apiError(node, provider, 503, '<html></html>').message).toBe('The service is temporarily unavailable (HTTP 503)');
		expect(apiError(node, provider, 418, undefined).message).toBe('Request failed (HTTP 418)');
	});

	it('describes transport failures without echoing the request', () => {
		const error = networkError(node, provider, 'ETIMEDOUT', 3);
		expect(error.message).toBe('Acme did not answer in time');
		expect(error.description).toContain('Network error (ETIMEDOUT); tried 3 times');
	});
});
