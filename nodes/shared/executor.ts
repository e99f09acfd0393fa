import { NodeApiError, NodeOperationError, isResourceLocatorValue } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties, JsonObject } from 'n8n-workflow';

import { runFileOperation } from './files';
import { apiRequest, credentialsOf, readsAtOnce } from './http';
import { attachFiles } from './multipart';
import { locatorValue } from './locator';
import { listPages } from './pagination';
import { itemParameter } from './parameters';
import { nodeOf, perContext } from './perContext';
import type { ApiRequest, BodyDef, OperationContext, OperationDef, ProviderConfig } from './types';
import { booleanOf, finiteNumber, isBlank, parseJsonValue, pathWith, requireText, wholeNumber } from './validate';

export function findOperation(table: OperationDef[], resource: string, operation: string): OperationDef | undefined {
	return table.find((row) => row.resource === resource && row.operation === operation);
}

/** Per execution context, by parameter: whether its value needs n8n's extractValue. */
const extracting = perContext<string, boolean>();

function readParam(ctx: IExecuteFunctions, name: string, itemIndex: number): unknown {
	// n8n's extractValue turns a resource locator into its plain value and applies its mode's regex
	// extraction; only "By URL" has one (locatorProperty), and no other parameter of the package does.
	// It also searches the node's properties for the parameter on every read, a measurable part of a
	// Get's own cost over 1,000 items: a locator in "From List" or "By ID" mode is read as it is, and
	// its value taken here. The mode is stored as chosen (an expression sets only the value), so it is
	// looked at once per run.
	const byName = extracting(ctx);
	let extract = byName.get(name);
	if (extract === undefined) {
		const stored = ctx.getNodeParameter(name, itemIndex, undefined, { rawExpressions: true });
		extract = !(isResourceLocatorValue(stored) && (stored.mode === 'list' || stored.mode === 'id'));
		byName.set(name, extract);
	}
	if (extract) return ctx.getNodeParameter(name, itemIndex, undefined, { extractValue: true });
	return locatorValue(ctx.getNodeParameter(name, itemIndex));
}

/**
 * The number-typed parameters of a row, by name: top-level fields, and the options of its
 * collections under `collection.option`. The editor holds a typed number to the field's bounds, but
 * n8n passes an expression's result through as it is ("ten", undefined, NaN, 1e21).
 */
function numberFields(fields: INodeProperties[] = []): Map<string, INodeProperties> {
	const out = new Map<string, INodeProperties>();
	for (const field of fields) {
		if (field.type === 'number') out.set(field.name, field);
		if (field.type === 'collection') {
			for (const option of (field.options ?? []) as INodeProperties[]) {
				if (option.type === 'number') out.set(`${field.name}.${option.name}`, option);
			}
		}
	}
	return out;
}

/** A value read for a number parameter, checked against the field's own bounds (text such as "5" becomes 5). */
function checkedNumber(field: INodeProperties | undefined, value: unknown, opCtx: OperationContext): unknown {
	if (!field || isEmpty(value)) return value;
	const { minValue, maxValue } = (field.typeOptions ?? {}) as { minValue?: number; maxValue?: number };
	return finiteNumber(nodeOf(opCtx.ctx), value, field.displayName, opCtx.itemIndex, { min: minValue, max: maxValue });
}

/** Builds the HTTP request a row describes from the node's parameters for one item. */
export function buildRequest(
	row: OperationDef,
	opCtx: OperationContext,
): { request: ApiRequest; pathValues: Record<string, string> } {
	const { ctx, itemIndex } = opCtx;
	const node = nodeOf(ctx);
	const pathValues: Record<string, string> = {};
	const pathLabels: Record<string, string> = {};
	for (const p of row.pathParams ?? []) {
		pathLabels[p.as ?? p.param] = p.label ?? p.param;
		pathValues[p.as ?? p.param] = requireText(node, readParam(ctx, p.param, itemIndex), p.label ?? p.param, itemIndex);
	}
	const numbers = numberFields(row.fields);
	const qs: IDataObject = {};
	for (const q of row.query ?? []) {
		const value = checkedNumber(numbers.get(q.param), readParam(ctx, q.param, itemIndex), opCtx);
		if (value === undefined || value === null || value === '') {
			if (q.required) requireText(node, value, q.label ?? q.param, itemIndex);
			continue;
		}
		qs[q.as ?? q.param] = value as IDataObject[string];
	}
	if (row.buildQuery) Object.assign(qs, row.buildQuery(opCtx));
	// The path values as read above: reading a parameter again evaluates its expression again, which
	// n8n 2.x does in a sandbox at a cost comparable to the request itself.
	row.validate?.(opCtx, pathValues);
	const request: ApiRequest = { method: row.method, path: pathWith(node, row.path, pathValues, itemIndex, pathLabels) };
	if (Object.keys(qs).length > 0) request.qs = qs;
	if (row.body) request.body = readBody(row.body, opCtx, row.fields);
	return { request, pathValues };
}

function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || value === '';
}

/**
 * The body a row describes: top-level fields, then the collections, JSON text parsed. With the
 * row's `fields`, values of number parameters are checked (and numeric text made a number).
 */
export function readBody(def: BodyDef, opCtx: OperationContext, fields?: INodeProperties[]): IDataObject {
	const { ctx, itemIndex } = opCtx;
	const node = nodeOf(ctx);
	const numbers = numberFields(fields);
	const body: IDataObject = {};
	for (const f of def.fields ?? []) {
		const value = checkedNumber(numbers.get(f.param), readParam(ctx, f.param, itemIndex), opCtx);
		// A required text of blanks only is as empty as none (servers trim it to nothing, then refuse).
		if (f.required && isBlank(value)) requireText(node, value, f.label ?? f.param, itemIndex);
		if (isEmpty(value)) continue;
		body[f.as ?? f.param] = value as IDataObject[string];
	}
	for (const name of def.collections ?? []) {
		const collection = ctx.getNodeParameter(name, itemIndex, {}) as IDataObject;
		for (const [key, value] of Object.entries(collection)) {
			if (value !== undefined) body[key] = checkedNumber(numbers.get(`${name}.${key}`), locatorValue(value), opCtx) as IDataObject[string];
		}
	}
	for (const { key, label, shape } of def.jsonKeys ?? []) {
		if (key in body) {
			const parsed = parseJsonValue(node, body[key], label, itemIndex, shape);
			if (parsed === undefined) delete body[key];
			else body[key] = parsed as IDataObject[string];
		}
	}
	return body;
}

/**
 * How many records a list item wants: undefined for Return All. Both switches are checked, since an
 * expression may give anything: "no" for Return All would read as true, and a Limit of "ten", NaN
 * or a missing field would compare false with every count and so return everything.
 */
export function readListSize(ctx: IExecuteFunctions, itemIndex: number): number | undefined {
	const node = nodeOf(ctx);
	if (booleanOf(node, ctx.getNodeParameter('returnAll', itemIndex, false), 'Return All', itemIndex)) return undefined;
	return wholeNumber(node, ctx.getNodeParameter('limit', itemIndex, 50), 'Limit', itemIndex);
}

/** Runs one row for one item and returns its output records. */
export async function runOperation(row: OperationDef, opCtx: OperationContext): Promise<IDataObject[]> {
	const { ctx, itemIndex, provider } = opCtx;
	// Read first: a bad Limit fails the item before anything is sent.
	const limit = row.pagination ? readListSize(ctx, itemIndex) : undefined;
	const { request, pathValues } = buildRequest(row, opCtx);
	if (request.body && row.buildBody) request.body = await row.buildBody(request.body as IDataObject, opCtx);
	if (row.attachments) await attachFiles(row.attachments, request, opCtx);
	const options = { itemIndex, notFound: row.notFound?.(pathValues), ...opCtx.requestOptions };

	if (!row.pagination) {
		const { body } = await apiRequest.call(ctx, provider, request, options);
		if (body === undefined || body === null || body === '') {
			return [row.emptyResult ? row.emptyResult(pathValues) : { success: true }];
		}
		const unwrapped = row.unwrap ? row.unwrap(body, opCtx, pathValues) : (body as IDataObject | IDataObject[]);
		const records = Array.isArray(unwrapped) ? unwrapped : [unwrapped];
		return row.postProcess ? row.postProcess(records, opCtx) : records;
	}

	const out: IDataObject[] = [];
	for await (const page of listPages.call(ctx, provider, request, row.pagination, limit, options)) {
		const records = row.postProcess ? row.postProcess(page, opCtx) : page;
		out.push(...records);
		if (limit !== undefined && out.length >= limit) return out.slice(0, limit);
	}
	return out;
}

/** Records as output items (pairing is added by `forEachItem`). */
export function asItems(records: IDataObject[]): INodeExecutionData[] {
	return records.map((json) => ({ json }));
}

/** How many items may run at once: reads may overlap, everything else runs alone and in order. */
export interface ItemConcurrency {
	/** Items in flight at once, the one whose result is awaited included. */
	limit: number;
	/** Whether the item only reads (a GET), so running it next to other reads changes nothing but time. */
	canOverlap: (itemIndex: number) => boolean;
}

/**
 * The per-item loop every node shares: each input item's outputs are paired with it, and a failure
 * becomes an error item when "Continue On Fail" is on, or stops the run naming the item.
 * `translateError` lets a provider reword an error (e.g. name a missing ability) before that.
 * With `concurrency`, consecutive reads run up to `limit` at a time (one request after another
 * leaves a rate limit's budget unused while each round trip is waiting), the next starting as soon
 * as any settles; results are still taken in item order, so outputs, pairing and the first error
 * reported are those of a one-by-one run.
 */
export async function forEachItem(
	ctx: IExecuteFunctions,
	run: (itemIndex: number) => Promise<INodeExecutionData[]>,
	translateError?: (error: Error, itemIndex: number) => Error,
	concurrency?: ItemConcurrency,
): Promise<INodeExecutionData[]> {
	const items = ctx.getInputData();
	const output: INodeExecutionData[] = [];
	const limit = Math.max(1, Math.floor(concurrency?.limit ?? 1));
	const overlapping = new Map<number, boolean>();
	const canOverlap = (itemIndex: number): boolean => {
		let answer = overlapping.get(itemIndex);
		if (answer === undefined) {
			// Asked from a settling read's callback too, where a throw would go unhandled: an item whose
			// parameters cannot be read runs alone, and its own run reports why.
			try {
				answer = concurrency?.canOverlap(itemIndex) ?? false;
			} catch {
				answer = false;
			}
			overlapping.set(itemIndex, answer);
		}
		return answer;
	};
	const running = new Map<number, Promise<INodeExecutionData[]>>();
	let started = 0;
	/** The item whose result is awaited next (results are taken in item order). */
	let head = 0;
	/** Items started and not yet settled: what the limit bounds. */
	let inFlight = 0;
	/** Set when the loop ends, by an error too: nothing starts after the node has answered. */
	let stopped = false;
	// Reads may finish ahead of the one awaited; they wait, done, for their turn. That lead is bounded
	// too, so one slow read cannot let the run race through every later item before it is looked at.
	const lead = limit * 4;
	const start = () => {
		const result = run(started);
		inFlight++;
		// Awaited in item order below; one left unawaited after an earlier item stopped the run must
		// not surface as an unhandled rejection.
		result.then(settled, settled);
		running.set(started++, result);
	};
	/** Starts the reads after the awaited one, while fewer than the limit are in flight. */
	const fill = () => {
		if (stopped || limit === 1 || !canOverlap(head)) return;
		while (started < items.length && inFlight < limit && started - head < lead && canOverlap(started)) start();
	};
	// Each read that settles makes room for the next at once, not only when the awaited one does:
	// otherwise one slow answer holds the whole window still.
	function settled() {
		inFlight--;
		fill();
	}
	try {
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			head = itemIndex;
			if (started === itemIndex) start();
			fill();
			try {
				const result = running.get(itemIndex) as Promise<INodeExecutionData[]>;
				running.delete(itemIndex);
				for (const item of await result) output.push({ ...item, pairedItem: item.pairedItem ?? { item: itemIndex } });
			} catch (caught) {
				const error = (translateError ? translateError(caught as Error, itemIndex) : caught) as NodeApiError;
				if (ctx.continueOnFail()) {
					const json: IDataObject = { error: error.message };
					if (error.description) json.description = error.description;
					if (error.httpCode) json.httpCode = error.httpCode;
					const routed = ctx.getNode().onError === 'continueErrorOutput' ? { error: itemError(ctx, json, itemIndex) } : {};
					output.push({ json, ...routed, pairedItem: { item: itemIndex } });
					continue;
				}
				if (error instanceof NodeApiError) {
					if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
					// Wrapping an existing NodeApiError hands back the same error, context intact.
					throw new NodeApiError(ctx.getNode(), error as unknown as JsonObject);
				}
				throw new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
			}
		}
	} finally {
		stopped = true;
	}
	return output;
}

/**
 * The error a failed item carries beside its json under On Error "Continue (using error output)".
 * n8n sends an item to the node's error output when the item has `error`, or when its json holds
 * nothing but error/message (n8n-core WorkflowExecute.handleNodeErrorOutput, 1.123 and 2.41): a json
 * with a description or an HTTP code beside the message stayed on the success output (issue 18: a
 * webhook answered "created" for a form the node had refused). Only then, because n8n 2.x then cuts
 * such an item's json down to `{ error }` (normalizeNodeErrors), and "Continue" (regular output)
 * keeps description and httpCode in the json where expressions read them. Built afresh from the
 * texts the json shows, so nothing else of the caught error is stored with the item.
 */
function itemError(ctx: IExecuteFunctions, json: IDataObject, itemIndex: number): NodeApiError | NodeOperationError {
	const message = String(json.error);
	const description = typeof json.description === 'string' ? json.description : undefined;
	if (typeof json.httpCode === 'string') {
		return new NodeApiError(ctx.getNode(), { message, description, httpCode: json.httpCode } as JsonObject, {
			message,
			description,
			httpCode: json.httpCode,
			itemIndex,
		});
	}
	return new NodeOperationError(ctx.getNode(), message, { description, itemIndex });
}

/** The row of a resource/operation pair, or a clear error for an unknown pair. */
export function operationFor(ctx: IExecuteFunctions, table: OperationDef[], itemIndex: number): OperationDef {
	// Read once per run unless set by an expression: every item of a run (and the check for reads
	// before it) asks for its row.
	const resource = itemParameter(ctx, 'resource', itemIndex) as string;
	const operation = itemParameter(ctx, 'operation', itemIndex) as string;
	const row = findOperation(table, resource, operation);
	if (!row) {
		throw new NodeOperationError(ctx.getNode(), `The operation "${operation}" of "${resource}" is not supported`, { itemIndex });
	}
	return row;
}

/**
 * The shared execute(): every item runs its resource/operation row — the row's own `run` when it has
 * one, else the request the row describes (a file when the row's `response` says so). The provider's hooks check the credential (once per run),
 * read per-item request settings and reword errors.
 */
export async function executeOperations(
	this: IExecuteFunctions,
	provider: ProviderConfig,
	table: OperationDef[],
): Promise<INodeExecutionData[][]> {
	let credentialChecked: Promise<{ message: string; description?: string } | undefined> | undefined;
	// The row and context each item ran with, for rewording its error.
	const ran = new Map<number, { row: OperationDef; opCtx: OperationContext }>();
	let reads = provider.readConcurrency;
	if (reads) {
		try {
			reads = readsAtOnce(await credentialsOf(this, provider.credentialType), provider);
		} catch {
			// No readable credential: each item reports that itself (Continue On Fail item by item).
		}
	}
	const output = await forEachItem(
		this,
		async (itemIndex) => {
			if (provider.credentialProblem) {
				const check = provider.credentialProblem;
				credentialChecked ??= credentialsOf(this, provider.credentialType).then((credentials) => check(credentials));
				const problem = await credentialChecked;
				if (problem) throw new NodeOperationError(this.getNode(), problem.message, { itemIndex, description: problem.description });
			}
			const row = operationFor(this, table, itemIndex);
			const opCtx: OperationContext = { ctx: this, itemIndex, provider, requestOptions: provider.requestOptions?.(this, itemIndex) };
			ran.set(itemIndex, { row, opCtx });
			if (row.run) return await row.run(opCtx, row);
			if (row.response?.kind === 'file') return [await runFileOperation(row, row.response, opCtx)];
			return asItems(await runOperation(row, opCtx));
		},
		provider.translateError
			? (error, itemIndex) => {
					const item = ran.get(itemIndex);
					return item && provider.translateError ? provider.translateError(error, item.opCtx, item.row) : error;
				}
			: undefined,
		reads ? { limit: reads, canOverlap: (itemIndex) => isRead(this, table, itemIndex) } : undefined,
	);
	return [output];
}

/** Whether an item's row only reads. An item whose row cannot be told runs alone (and fails there). */
function isRead(ctx: IExecuteFunctions, table: OperationDef[], itemIndex: number): boolean {
	try {
		const row = operationFor(ctx, table, itemIndex);
		const method = row.methodParam ? String(ctx.getNodeParameter(row.methodParam, itemIndex, row.method)).toUpperCase() : row.method;
		return method === 'GET';
	} catch {
		return false;
	}
}
