import { ClientXcmsApi } from '../../../credentials/ClientXcmsApi.credentials';
import { catalog } from '../../../nodes/ClientXcms/catalog';
import { baseUrlProblem, clientXcmsErrorMessage, normaliseBaseUrl } from '../../../nodes/ClientXcms/provider';
import { clientXcmsOperations } from '../../../nodes/ClientXcms/resources';
import { failedResult, readPage } from '../../../nodes/ClientXcms/transport/envelope';
import { multipartBody } from '../../../nodes/shared/multipart';
import { clientXcmsRoutes } from '../../simulators/clientxcms';
import { testNode } from '../../helpers/node';

const key = (r: { method: string; path: string; ability: string }) => `${r.method} ${r.path} ${r.ability}`;
const node = testNode('CLIENTXCMS', 'clientXcms');

describe('CLIENTXCMS route tables', () => {
	it('lists the 82 routes of v2.15+, 42 of them already in v2.14', () => {
		expect(clientXcmsOperations).toHaveLength(82);
		expect(new Set(clientXcmsOperations.map((r) => `${r.method} ${r.path}`)).size).toBe(82);
		expect(clientXcmsOperations.filter((r) => r.since === '2.14')).toHaveLength(42);
	});

	it('node and simulator agree on method, path and ability of every route', () => {
		const sim = clientXcmsRoutes();
		expect(sim.map(key).sort()).toEqual(clientXcmsOperations.map(key).sort());
	});

	it('node and simulator agree on envelopes, versions and query whitelists (each route its own sorts; no column the table lacks)', () => {
		const sim = new Map(clientXcmsRoutes().map((r) => [`${r.method} ${r.path}`, r]));
		// A whitelisted name without a column (invoices `amount`, InvoiceController.php:40,54) is an SQL
		// error on the server: the node must not offer it.
		const usable = (names: string[] | undefined, missing: string[] = []) => names?.filter((n) => !missing.includes(n));
		for (const r of clientXcmsOperations) {
			const s = sim.get(`${r.method} ${r.path}`)!;
			expect({
				route: `${r.method} ${r.path}`,
				envelope: s.envelope,
				since: s.since,
				filters: usable(s.filters, s.missingColumns),
				sorts: usable(s.sorts, s.missingColumns),
				includes: s.includes,
			}).toEqual({
				route: `${r.method} ${r.path}`,
				envelope: r.envelope,
				since: r.since,
				filters: r.filters,
				sorts: r.sorts,
				includes: r.includes,
			});
		}
	});

	it('the catalogue is the route table', () => {
		const ops = catalog.nodes[0].operations ?? [];
		expect(ops.map((o) => `${o.method} ${o.path}`)).toEqual(clientXcmsOperations.map((r) => `${r.method} ${r.path}`));
		expect(new Set(ops.map((o) => `${o.resource}.${o.operation}`)).size).toBe(82);
	});
});

describe('CLIENTXCMS provider helpers', () => {
	it('normalises the base URL and refuses plain http to public hosts', () => {
		expect(normaliseBaseUrl(' https://billing.example.com/api/application/ ')).toBe('https://billing.example.com');
		expect(normaliseBaseUrl('https://billing.example.com/api')).toBe('https://billing.example.com');
		expect(baseUrlProblem('https://billing.example.com')).toBeUndefined();
		expect(baseUrlProblem('http://127.0.0.1:4104')).toBeUndefined();
		expect(baseUrlProblem('http://192.168.1.20')).toBeUndefined();
		expect(baseUrlProblem('http://billing.example.com')).toMatch(/must use https/);
		expect(baseUrlProblem('not a url')).toMatch(/not a valid URL/);
	});

	it('turns a Laravel 422 body into per-field messages', () => {
		const text = clientXcmsErrorMessage({ message: 'The email field is required. (and 1 more error)', errors: { email: ['The email field is required.'], locale: ['The selected locale is invalid.'] } }, 422);
		expect(text).toBe('The data sent was not accepted: email: The email field is required.; locale: The selected locale is invalid.');
		expect(clientXcmsErrorMessage(Buffer.from('{"message":"Invalid ability provided."}'), 403)).toBe('Invalid ability provided.');
		expect(clientXcmsErrorMessage({ error: 'This group still has products' }, 400)).toBe('This group still has products');
	});

	it('finds success:false in the result shapes of service actions', () => {
		expect(failedResult({ data: {}, result: [{ success: false, message: 'Invalid status' }, 'suspended'] })).toBe('Invalid status');
		expect(failedResult({ data: {}, result: { success: true, message: 'ok' } })).toBeUndefined();
		expect(failedResult({ success: false })).toMatch(/without a message/);
	});

	it('reads all three list envelopes', () => {
		expect(readPage(node, { data: [{ id: 1 }], links: {}, meta: { current_page: 1, last_page: 2 } })).toEqual({ records: [{ id: 1 }], last: false });
		expect(readPage(node, { current_page: 2, data: [{ id: 1 }], last_page: 2 })).toEqual({ records: [{ id: 1 }], last: true });
		expect(readPage(node, { current_page: 1, data: [], last_page: 1, total: 0 })).toEqual({ records: [], last: true });
		expect(() => readPage(node, { id: 1 })).toThrow(/unexpected shape/);
	});

	it('builds multipart bodies with repeated array fields and files', () => {
		const body = multipartBody({ content: 'Hello there', tags: ['a', 'b'], notify: true }, [{ field: 'attachments[]', fileName: 'log.txt', mimeType: 'text/plain', data: Buffer.from('line') }], 'BOUND').toString();
		expect(body).toContain('name="content"\r\n\r\nHello there\r\n');
		expect(body).toContain('name="tags[]"\r\n\r\na\r\n');
		expect(body).toContain('name="notify"\r\n\r\n1\r\n');
		expect(body).toContain('name="attachments[]"; filename="log.txt"\r\nContent-Type: text/plain\r\n\r\nline\r\n');
		expect(body.endsWith('--BOUND--\r\n')).toBe(true);
	});

	it('the credential tests with /license and warns about the 30-day expiry', () => {
		const cred = new ClientXcmsApi();
		expect(cred.test.request.url).toBe('/license');
		expect(cred.properties.find((p) => p.type === 'notice')?.displayName).toMatch(/30 days/);
		expect(cred.properties.find((p) => p.name === 'apiKey')?.typeOptions?.password).toBe(true);
	});
});
