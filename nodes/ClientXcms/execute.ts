import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';

import { asItems, buildRequest, forEachItem, operationFor, runOperation } from '../shared/executor';
import { apiRequest } from '../shared/http';
import type { OperationContext, OperationDef } from '../shared/types';
import { cappedText, containsInOrder } from '../shared/serverText';
import { API_PREFIX, baseUrlProblem, clientXcms } from './provider';
import { MERGE_ON_UPDATE } from './fields';
import { fetchRecord } from './records';
import { RESOURCES, clientXcmsOperations, readId } from './resources';
import { findRoute } from './routes';
import type { ClientXcmsRoute } from './routes';

/** Builds a multipart/form-data body by hand (node code may not import form-data). */
export function multipartBody(
	fields: IDataObject,
	files: Array<{ field: string; fileName: string; mimeType: string; data: Buffer }>,
	boundary: string,
): Buffer {
	const chunks: Buffer[] = [];
	const quote = (s: string) => s.replace(/[\r\n"]/g, '_');
	const add = (name: string, value: string) => {
		chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"\r\n\r\n${value}\r\n`, 'utf8'));
	};
	for (const [key, value] of Object.entries(fields)) {
		if (value === undefined || value === null) continue;
		if (Array.isArray(value)) value.forEach((v) => add(`${key}[]`, String(v)));
		else if (typeof value === 'boolean') add(key, value ? '1' : '0');
		else if (typeof value === 'object') add(key, JSON.stringify(value));
		else add(key, String(value));
	}
	for (const file of files) {
		chunks.push(
			Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name="${quote(file.field)}"; filename="${quote(file.fileName)}"\r\nContent-Type: ${file.mimeType}\r\n\r\n`,
				'utf8',
			),
			file.data,
			Buffer.from('\r\n', 'utf8'),
		);
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`, 'utf8'));
	return Buffer.concat(chunks);
}

const headerText = (value: unknown): string => (Array.isArray(value) ? String(value[0] ?? '') : String(value ?? ''));

/** Invoice PDF / download / export: the answer is a file, output as binary data. */
async function runFile(op: OperationDef, opCtx: OperationContext): Promise<INodeExecutionData> {
	const { ctx, itemIndex } = opCtx;
	const { request, pathValues } = buildRequest(op, opCtx);
	if (request.body && op.buildBody) request.body = await op.buildBody(request.body as IDataObject, opCtx);
	request.encoding = 'arraybuffer';
	const response = await apiRequest.call(ctx, clientXcms, request, { itemIndex, notFound: op.notFound?.(pathValues), ...opCtx.requestOptions });
	const mimeType = headerText(response.headers['content-type']).split(';')[0].trim() || 'application/octet-stream';
	const data = Buffer.isBuffer(response.body) ? response.body : Buffer.from((response.body as ArrayBuffer | undefined) ?? new ArrayBuffer(0));
	if (mimeType === 'text/html' || mimeType === 'application/json' || data.length === 0) {
		// The export redirects back (302 → an HTML page) when no invoice matches the filters.
		const message =
			op.operation === 'export' ? 'CLIENTXCMS sent no file: no invoice matches the export filters' : `CLIENTXCMS sent no file for invoice ${pathValues.id}`;
		throw new NodeApiError(ctx.getNode(), { message } as JsonObject, { message, description: `The answer was ${mimeType || 'empty'} instead of a file.`, itemIndex });
	}
	const disposition = headerText(response.headers['content-disposition']);
	// A header is server text: the pattern sees its first 1,000 characters only.
	const named = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(cappedText(disposition, 1000));
	const extension = op.operation === 'export' ? String((request.body as IDataObject | undefined)?.format ?? 'csv').replace('pdf', 'zip') : 'pdf';
	const fileName = named ? decodedName(named[1]) : `invoice-${pathValues.id}.${extension}`;
	const property = ctx.getNodeParameter('binaryPropertyName', itemIndex, 'data') as string;
	const binary = await ctx.helpers.prepareBinaryData(data, fileName, mimeType);
	return {
		json: { invoiceId: pathValues.id, fileName, mimeType, fileSize: data.length },
		binary: { [property]: binary },
		pairedItem: { item: itemIndex },
	};
}

/** Ticket create / reply with attachments: multipart, files read from the input item's binary properties. */
async function runMultipart(op: OperationDef, opCtx: OperationContext, names: string[]): Promise<IDataObject[]> {
	const { ctx, itemIndex } = opCtx;
	if (names.length > 5) {
		throw new NodeOperationError(ctx.getNode(), 'CLIENTXCMS accepts at most 5 attachments per message', { itemIndex });
	}
	const { request, pathValues } = buildRequest(op, opCtx);
	const fields = (request.body ?? {}) as IDataObject;
	const item = ctx.getInputData()[itemIndex];
	const files = [];
	for (const name of names) {
		const meta = item.binary?.[name];
		if (!meta) {
			throw new NodeOperationError(ctx.getNode(), `The input item has no binary property "${name}" to attach`, { itemIndex });
		}
		const data = await ctx.helpers.getBinaryDataBuffer(itemIndex, name);
		files.push({ field: 'attachments[]', fileName: meta.fileName ?? name, mimeType: meta.mimeType ?? 'application/octet-stream', data });
	}
	const boundary = `----n8nClientXcms${Date.now().toString(16)}${Math.random().toString(16).slice(2)}`;
	request.body = multipartBody(fields, files, boundary);
	request.headers = { ...request.headers, 'Content-Type': `multipart/form-data; boundary=${boundary}` };
	const { body } = await apiRequest.call(ctx, clientXcms, request, { itemIndex, notFound: op.notFound?.(pathValues), ...opCtx.requestOptions });
	const out = op.unwrap ? op.unwrap(body, opCtx) : (body as IDataObject);
	return Array.isArray(out) ? out : [out];
}

/**
 * Group "Get": the show route binds the wrong parameter and answers an empty new group for any ID
 * (research §5.4). An answer without an ID is therefore looked up in the group list instead.
 */
async function runGroupGet(op: OperationDef, opCtx: OperationContext): Promise<IDataObject[]> {
	const records = await runOperation(op, opCtx);
	if (records.length === 1 && records[0].id !== undefined && records[0].id !== null) return records;
	const id = readId(opCtx, 'group');
	try {
		return [await fetchRecord(opCtx.ctx, RESOURCES.group, id, opCtx.itemIndex)];
	} catch (error) {
		// The 403 is the list's: name the ability that read needs, not groups:show (which the key has).
		const list = findRoute('group', 'getAll');
		if (list && error instanceof NodeApiError && error.httpCode === '403' && errorText(error).includes('Invalid ability provided')) {
			const message = `The API key lacks the "${list.ability}" ability that Get (Product Group) needs to look the group up in the group list (HTTP 403)`;
			const description = `CLIENTXCMS's GET /groups/{id} answers an empty group for any ID (routes/api-application.php:69 names the parameter {product}, GroupController::show expects $group), so the node reads GET ${API_PREFIX}/groups instead, which answered "Invalid ability provided.". Give the key the "${list.ability}" ability, or "*".`;
			throw new NodeApiError(opCtx.ctx.getNode(), { message, description, httpCode: '403' } as JsonObject, { message, description, httpCode: '403', itemIndex: opCtx.itemIndex });
		}
		// Wrapping an existing NodeApiError hands back the same error, context intact.
		if (error instanceof NodeApiError) throw new NodeApiError(opCtx.ctx.getNode(), error as unknown as JsonObject);
		throw new NodeOperationError(opCtx.ctx.getNode(), error as Error, { itemIndex: opCtx.itemIndex });
	}
}

/** A file name from Content-Disposition; a malformed %-escape leaves it as sent rather than failing the item. */
function decodedName(raw: string): string {
	try {
		return decodeURIComponent(raw);
	} catch {
		return raw;
	}
}

function errorText(error: { message?: string; description?: string | null }): string {
	return `${error.message ?? ''} ${error.description ?? ''}`;
}

/** The ability of the read an Update makes first (fetch-then-merge), if it makes one. */
function readAbility(route: ClientXcmsRoute): string | undefined {
	if (route.operation !== 'update' || !MERGE_ON_UPDATE[route.resource]) return undefined;
	const via = RESOURCES[route.resource].show === 'list' ? 'getAll' : 'get';
	return findRoute(route.resource, via)?.ability;
}

/** A 404 of a route that binds a model by ID: the binding's message, not the controller's. */
const BINDING_404 = 'No query results for model';

/** 404s that mean something else than "no such record" (see each message's source). */
function special404(error: NodeApiError, route: ClientXcmsRoute, ctx: IExecuteFunctions, itemIndex: number): NodeApiError | undefined {
	if (error.httpCode !== '404') return undefined;
	const text = errorText(error);
	const build = (message: string, description: string) =>
		new NodeApiError(ctx.getNode(), { message, description, httpCode: '404' } as JsonObject, { message, description, httpCode: '404', itemIndex });
	const key = `${route.resource}.${route.operation}`;
	if (key === 'server.test' && text.includes('Server] test')) {
		return build(
			'Test Connection cannot work on CLIENTXCMS v2.15 – v2.16-fix (HTTP 404)',
			'routes/api-application.php registers POST /servers/{server} (line 126) before POST /servers/test (line 128), so the server takes "test" as a server ID and answers "No query results for model [App\\Models\\Provisioning\\Server] test". No release up to v2.16-fix can run this test; test the server in the CLIENTXCMS admin.',
		);
	}
	// Plain substring tests: no regular expression over the server's text.
	if ((key === 'product.getConfig' || key === 'product.updateConfig') && !text.includes(BINDING_404) && !text.includes('could not be found')) {
		// ProductController::config answers 404 with a `null` body when the product type has no
		// configuration (lines 365-368; updateConfig lines 406-409), e.g. type "none".
		return build(
			`Product ${readIdSafe(ctx, itemIndex)} has no module configuration (HTTP 404)`,
			'CLIENTXCMS answered 404: the product exists, but its product type (server module) has no configuration, e.g. type "none".',
		);
	}
	return undefined;
}

function readIdSafe(ctx: IExecuteFunctions, itemIndex: number): string {
	try {
		return String(ctx.getNodeParameter('productId', itemIndex, '', { extractValue: true }));
	} catch {
		return '';
	}
}

/** Turns the server's generic 403 / route-404 into messages that say what to do. */
export function translateError(error: unknown, route: ClientXcmsRoute | undefined, ctx: IExecuteFunctions, itemIndex: number): unknown {
	if (!(error instanceof NodeApiError) || !route) return error;
	const text = errorText(error);
	const where = `${route.method} ${API_PREFIX}${route.path}`;
	const special = special404(error, route, ctx, itemIndex);
	if (special) return special;
	if (error.httpCode === '403' && text.includes('Invalid ability provided') && !text.includes('The API key lacks')) {
		const read = readAbility(route);
		const op = `${route.name} (${RESOURCES[route.resource].name})`;
		const message = read
			? `The API key lacks an ability that ${op} needs: "${route.ability}", and "${read}" to read the record first (HTTP 403)`
			: `The API key lacks the "${route.ability}" ability that ${op} needs (HTTP 403)`;
		const abilities = read ? `the "${route.ability}" and "${read}" abilities` : `the "${route.ability}" ability`;
		const description = `CLIENTXCMS answered "Invalid ability provided." for ${where}. Give the key ${abilities}, or "*" (an Administrator key). Keys made in the admin UI name some abilities differently from the routes (pricing:* vs pricings:*, actionlogs:* vs logs:*, no services:expire, no cancellation_reasons:*): use an Administrator key or the clientxcms:create-api-key command for those.`;
		return new NodeApiError(ctx.getNode(), { message, description, httpCode: '403' } as JsonObject, { message, description, httpCode: '403', itemIndex });
	}
	// Laravel's "The route x could not be found.", found by plain string search over a capped text:
	// `/The route .* could not be found/` took seconds over a 120 KB message.
	if (error.httpCode === '404' && containsInOrder(cappedText(text), 'The route ', ' could not be found')) {
		const message = `This CLIENTXCMS version does not offer ${route.name} (${RESOURCES[route.resource].name}): ${where} is missing (HTTP 404)`;
		const description = `The route arrived in CLIENTXCMS v${route.since}; v2.14 offers 42 of the 82 application routes. Update the CLIENTXCMS installation to use this operation.`;
		return new NodeApiError(ctx.getNode(), { message, description, httpCode: '404' } as JsonObject, { message, description, httpCode: '404', itemIndex });
	}
	return error;
}

export async function executeClientXcms(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	// Checked inside the per-item loop (once), so that with Continue On Fail a bad Base URL becomes an
	// error item per item instead of stopping the run.
	let baseUrlChecked: Promise<string | undefined> | undefined;
	// The route of each item, for rewording its errors (the ability it needs, the version it needs).
	const routes = new Map<number, ClientXcmsRoute>();
	const output = await forEachItem(
		this,
		async (itemIndex) => {
			baseUrlChecked ??= this.getCredentials(clientXcms.credentialType).then((credentials) => baseUrlProblem(credentials.baseUrl));
			const problem = await baseUrlChecked;
			if (problem) throw new NodeOperationError(this.getNode(), problem, { itemIndex, description: 'Edit the Base URL in the CLIENTXCMS credential.' });
			const op = operationFor(this, clientXcmsOperations, itemIndex);
			const { resource, operation } = op;
			const route = findRoute(resource, operation);
			if (!route) {
				throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`, { itemIndex });
			}
			routes.set(itemIndex, route);
			const opCtx: OperationContext = { ctx: this, itemIndex, provider: clientXcms };
			if (route.envelope === 'file') return [await runFile(op, opCtx)];
			// Only Reply stores files (TicketController.php:350-352); Create discards them (lines 188-196) and offers none.
			const attachments =
				resource === 'ticket' && operation === 'reply'
					? String(this.getNodeParameter('attachments', itemIndex, '') ?? '')
							.split(',')
							.map((s) => s.trim())
							.filter((s) => s !== '')
					: [];
			if (attachments.length > 0) return asItems(await runMultipart(op, opCtx, attachments));
			if (resource === 'group' && operation === 'get') return asItems(await runGroupGet(op, opCtx));
			return asItems(await runOperation(op, opCtx));
		},
		(error, itemIndex) => translateError(error, routes.get(itemIndex), this, itemIndex) as Error,
	);
	return [output];
}
