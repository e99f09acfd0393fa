import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import { apiError, genericErrorMessage, networkError } from '../../../nodes/shared/errors';
import type { ProviderConfig } from '../../../nodes/shared/types';
import { optionalNumberInRange, pathWith, requireText } from '../../../nodes/shared/validate';

const node: INode = {
	id: '1',
	name: 'Test',
	type: 'n8n-nodes-saas-connectors.test',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};
const provider: ProviderConfig = { displayName: 'Acme', credentialType: 'acmeApi', baseUrl: () => 'https://x' };

describe('parameter validation', () => {
	it('refuses empty and whitespace values before any request', () => {
		expect(() => requireText(node, '  ', 'Client', 0)).toThrow(NodeOperationError);
		expect(() => requireText(node, undefined, 'Client', 0)).toThrow('Client is empty');
		expect(requireText(node, ' 8eb3l ', 'Client', 0)).toBe('8eb3l');
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
