import type { IDataObject, IHttpRequestMethods, INode } from 'n8n-workflow';

import { parameterError } from '../../shared/errors';
import { asItems } from '../../shared/executor';
import { apiRequest } from '../../shared/http';
import type { ApiRequest, OperationContext, OperationDef } from '../../shared/types';
import { parseJsonValue, requireText } from '../../shared/validate';
import { isEnvelope, openEnvelope } from '../transport/envelope';
import { collection } from './records';

/** The verbs the introduction of docs.xtrakit.com names: POST, GET, PUT and DELETE. */
const CUSTOM_CALL_METHODS: IHttpRequestMethods[] = ['DELETE', 'GET', 'POST', 'PUT'];

/**
 * "Custom API Call": any method and path below the base URL, for what the node does not model —
 * above all DELETE, which the docs say exists ("Removal is permanent") without documenting a path.
 * The row has its own `run`: its method is a parameter (`methodParam`; `method` is only the
 * default), and its path is several segments typed by the user, which the executor's request
 * building (rightly) encodes as one. The catalogue lists the row once per method it can send.
 */
export const customApiCallOperation: OperationDef = {
	resource: 'customApiCall',
	operation: 'call',
	name: 'Call',
	action: 'Call any XtraKit endpoint',
	description: 'Call any XtraKit endpoint, e.g. a DELETE the node does not offer, with the node\'s retries, pacing and error messages',
	method: 'GET',
	methodParam: 'method',
	path: '{path}',
	run: async (opCtx) => asItems(await callAnyEndpoint(opCtx)),
	fields: [
		{
			displayName: 'Method',
			name: 'method',
			type: 'options',
			options: CUSTOM_CALL_METHODS.map((m) => ({ name: m, value: m })),
			default: 'GET',
		},
		{
			displayName: 'Path',
			name: 'path',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. /customers/42',
			description: 'Path below the base URL of the credential (…/api/v1)',
			hint: 'XtraKit says DELETE removes records permanently but documents no DELETE path; /customers/{ID} follows the documented style and is a guess.',
		},
		{
			displayName: 'Query Parameters',
			name: 'queryParameters',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Parameter',
			default: {},
			options: [
				{
					displayName: 'Parameter',
					name: 'parameter',
					values: [
						{ displayName: 'Name', name: 'name', type: 'string', default: '' },
						{ displayName: 'Value', name: 'value', type: 'string', default: '' },
					],
				},
			],
		},
		{
			displayName: 'Body',
			name: 'body',
			type: 'json',
			default: '{}',
			description: 'JSON body to send',
			displayOptions: { show: { method: ['POST', 'PUT'] } },
		},
		collection('Options', 'options', 'Add Option', [
			{
				displayName: 'Full Response',
				name: 'fullResponse',
				type: 'boolean',
				default: false,
				description: 'Whether to return the whole answer ({status, message, data}) instead of its "data"',
			},
		]),
	],
};

/** A path typed by the user, checked and encoded segment by segment; a query part goes to `qs`. */
export function customPath(node: INode, raw: string, itemIndex: number): { path: string; qs: IDataObject } {
	let text = raw.trim();
	if (/^[a-z][a-z0-9+.-]*:/i.test(text) || text.startsWith('//')) {
		throw parameterError(node, 'Path must be relative to the base URL', itemIndex, 'Enter e.g. /customers/42; the host comes from the credential.');
	}
	text = text.replace(/#.*$/, '');
	const qs: IDataObject = {};
	const q = text.indexOf('?');
	if (q !== -1) {
		for (const [name, value] of new URLSearchParams(text.slice(q + 1))) qs[name] = value;
		text = text.slice(0, q);
	}
	// The docs print full URLs (…/api/v1/customers); the credential already holds /api/v1.
	text = text.replace(/^\/?api\/v1(?=\/|$)/, '');
	const segments = text.split('/').filter((s) => s !== '');
	if (segments.length === 0) throw parameterError(node, 'Path is empty', itemIndex, 'Enter e.g. /customers/42.');
	const encoded = segments.map((segment) => {
		let decoded = segment;
		try {
			decoded = decodeURIComponent(segment);
		} catch {
			// a lone "%" stays as typed and is encoded below
		}
		if (decoded === '.' || decoded === '..') {
			throw parameterError(node, `"${decoded}" is not allowed in Path`, itemIndex);
		}
		return encodeURIComponent(decoded);
	});
	return { path: `/${encoded.join('/')}`, qs };
}

/** One call for one item: the method, path, query and body as typed, checked before anything is sent. */
async function callAnyEndpoint(opCtx: OperationContext): Promise<IDataObject[]> {
	const { ctx, itemIndex, provider } = opCtx;
	const node = ctx.getNode();
	const method = String(ctx.getNodeParameter('method', itemIndex, 'GET')).toUpperCase() as IHttpRequestMethods;
	if (!CUSTOM_CALL_METHODS.includes(method)) {
		throw parameterError(node, `Method "${method}" is not one XtraKit documents`, itemIndex, `Use one of ${CUSTOM_CALL_METHODS.join(', ')}.`);
	}
	const { path, qs } = customPath(node, requireText(node, ctx.getNodeParameter('path', itemIndex, ''), 'Path', itemIndex), itemIndex);
	const params = (ctx.getNodeParameter('queryParameters', itemIndex, {}) as { parameter?: Array<{ name?: string; value?: string }> }).parameter ?? [];
	for (const p of params) {
		const name = String(p.name ?? '').trim();
		if (name !== '') qs[name] = p.value ?? '';
	}
	const options = ctx.getNodeParameter('options', itemIndex, {}) as { fullResponse?: boolean };
	const request: ApiRequest = { method, path };
	if (Object.keys(qs).length > 0) request.qs = qs;
	if (method === 'POST' || method === 'PUT') {
		const body = parseJsonValue(node, ctx.getNodeParameter('body', itemIndex, '{}'), 'Body', itemIndex, 'objectOrList');
		if (body !== undefined) request.body = body as IDataObject;
	}

	const { statusCode, body } = await apiRequest.call(ctx, provider, request, { itemIndex, ...opCtx.requestOptions });
	if (body === undefined || body === null || body === '') return [{ success: true, statusCode }];
	const data = openEnvelope(node, body, { itemIndex, httpStatus: statusCode });
	if (options.fullResponse) return [typeof body === 'object' && !Array.isArray(body) ? (body as IDataObject) : { body } as IDataObject];
	if (Array.isArray(data)) return data.map((d) => (d !== null && typeof d === 'object' ? (d as IDataObject) : { value: d } as IDataObject));
	if (data !== null && typeof data === 'object') return [data as IDataObject];
	if (data === undefined || data === null) {
		const message = isEnvelope(body) && typeof body.message === 'string' ? body.message : undefined;
		return [message ? { success: true, message } : { success: true }];
	}
	return [{ data } as IDataObject];
}
