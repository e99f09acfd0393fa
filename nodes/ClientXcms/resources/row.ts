import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IHttpRequestMethods, INodeProperties, INodePropertyOptions, JsonObject } from 'n8n-workflow';

import { byDisplayName, byName } from '../../shared/alphabetical';
import { withArticle } from '../../shared/article';
import { locatorProperty } from '../../shared/locator';
import { SORT_DIRECTIONS } from '../../shared/sortDirections';
import type { OperationContext } from '../../shared/types';
import { textOf, wholeNumber } from '../../shared/validate';
import type { ClientXcmsRow, Since } from '../provider';
import { failedResult, notFoundError, readPage } from '../transport/envelope';
import type { Envelope } from '../transport/envelope';
import { laravelPages } from '../transport/paging';

/** One resource of the node: the Resource dropdown entry and what its rows share. */
export interface ResourceInfo {
	value: string;
	/** In the Resource dropdown. */
	name: string;
	/** In messages and the ID field ("Product group 3 was not found"). */
	label: string;
	/** Below `{base}/api/application`. */
	path: string;
	/** How one record is read (before an update): its show route's envelope, or the list for groups. */
	show: 'object' | 'paginatedShow' | 'list';
	/** Resource locator search method (list mode), when the resource has one. */
	searchMethod?: string;
	/** The operation selected when the resource is picked, when not Get Many. */
	defaultOperation?: string;
	/** When not the label with an "s". */
	plural?: string;
	/** When not the label with " ID". */
	idName?: string;
	/** Actions answer `{data, result}`: the record, with the module's result as `actionResult`. */
	actionResult?: boolean;
}

/** What a resource file says about one route; `route()` makes the row. */
export interface RouteSpec extends Partial<Omit<ClientXcmsRow, 'resource' | 'resourceName' | 'since'>> {
	operation: string;
	name: string;
	method: IHttpRequestMethods;
	path: string;
	ability: string;
	envelope: Envelope;
	/** First server version with the route (default 2.15). */
	since?: Since;
	/** Whether `{id}` also takes the record's UUID (the route binds services, invoices or tickets by UUID too). */
	uuid?: boolean;
	/** A sentence added to the operation's description. */
	note?: string;
	/** The `{id}` field's label and description, when the route uses the record otherwise than to act on it. */
	idField?: { displayName: string; description: string };
}

export const idParam = (resource: ResourceInfo): string => `${resource.value}Id`;

/** Words n8n's title case keeps upper case, and the small words it keeps lower case inside a name. */
const ACRONYMS: Record<string, string> = { id: 'ID', ids: 'IDs', url: 'URL', ip: 'IP', uuid: 'UUID', json: 'JSON', api: 'API', pdf: 'PDF' };
const SMALL = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'per', 'the', 'to', 'via', 'with']);

/** A column or label in n8n's Title Case ("created_at" → "Created At", "group id" → "Group ID"). */
export function titleOf(value: string): string {
	const words = value.replace(/_/g, ' ').split(' ').filter(Boolean);
	return words
		.map((w, i) => {
			const lower = w.toLowerCase();
			if (ACRONYMS[lower]) return ACRONYMS[lower];
			if (i > 0 && i < words.length - 1 && SMALL.has(lower)) return lower;
			return w.charAt(0).toUpperCase() + w.slice(1);
		})
		.join(' ');
}

/** A dropdown of server values, sorted by name as n8n's lint wants (the values are unchanged). */
export function optionList(values: string[]): INodePropertyOptions[] {
	return values.map((v) => ({ name: titleOf(v), value: v })).sort(byName);
}

function idField(resource: ResourceInfo): INodeProperties {
	if (!resource.searchMethod) {
		const displayName = titleOf(resource.idName ?? `${resource.label} ID`);
		return { displayName, name: idParam(resource), type: 'string', required: true, default: '', description: `Numeric ID of the ${resource.label.toLowerCase()}` };
	}
	return locatorProperty({
		name: idParam(resource),
		displayName: titleOf(resource.label),
		searchListMethod: resource.searchMethod,
		noun: resource.label.toLowerCase(),
		idPlaceholder: '12',
		idPattern: { regex: '^[0-9A-Za-z-]+$', errorMessage: 'Not a valid ID' },
	});
}

export function readId(opCtx: OperationContext, resource: ResourceInfo): string {
	const value = opCtx.ctx.getNodeParameter(idParam(resource), opCtx.itemIndex, '', { extractValue: true });
	return textOf(opCtx.ctx.getNode(), value, `${resource.label} ID`, opCtx.itemIndex);
}

const UUID = /^(\d+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** A non-numeric ID would reach a PHP `int` parameter (HTTP 500 on the server): refuse it first. */
function idValidator(resource: ResourceInfo, uuid: boolean) {
	return (opCtx: OperationContext, pathValues: Record<string, string>): void => {
		const id = pathValues.id;
		if (!(uuid ? UUID.test(id) : /^\d+$/.test(id))) {
			throw new NodeOperationError(opCtx.ctx.getNode(), `"${id}" is not a valid ${resource.label.toLowerCase()} ID`, {
				itemIndex: opCtx.itemIndex,
				description: uuid ? 'Use the numeric ID or the UUID.' : 'Use the numeric ID.',
			});
		}
	};
}

/** A bare object answer, refused when it reports `success: false` although it came with HTTP 200. */
function checkedObject(resource: ResourceInfo, name: string, hasId: boolean) {
	return (body: unknown, opCtx: OperationContext): IDataObject | IDataObject[] => {
		const failure = failedResult(body);
		if (failure !== undefined) {
			const id = hasId ? ` ${resource.label.toLowerCase()} ${readId(opCtx, resource)}` : '';
			const message = `CLIENTXCMS did not ${name.toLowerCase()}${id}: ${failure}`;
			const description =
				'The server answered HTTP 200 but reported that the action failed. (CLIENTXCMS v2.15 – v2.16 answer "Invalid status" to Suspend and Expire: a known server bug; the service is unchanged.)';
			throw new NodeApiError(opCtx.ctx.getNode(), { message, description } as JsonObject, { message, description, itemIndex: opCtx.itemIndex });
		}
		if (resource.actionResult && body && typeof body === 'object' && 'result' in (body as IDataObject)) {
			const b = body as IDataObject;
			return { ...(b.data as IDataObject), actionResult: b.result as IDataObject };
		}
		return body as IDataObject;
	};
}

/** The one record of a "paginated show"; none is a 404. */
function showUnwrap(resource: ResourceInfo) {
	return (body: unknown, opCtx: OperationContext): IDataObject => {
		const { records } = readPage(opCtx.ctx.getNode(), body, opCtx.itemIndex);
		if (records.length === 0) throw notFoundError(opCtx.ctx.getNode(), resource.label, readId(opCtx, resource), opCtx.itemIndex);
		return records[0];
	};
}

/** Filters, sort and includes of a list (or paginated show) route, as its controller whitelists them. */
function listFields(spec: RouteSpec): INodeProperties[] {
	const fields: INodeProperties[] = [];
	if (spec.filters?.length) {
		const filter: INodeProperties[] = [
			{ displayName: 'Field', name: 'field', type: 'options', options: optionList(spec.filters), default: '' },
			{ displayName: 'Value', name: 'value', type: 'string', default: '' },
		];
		fields.push({
			displayName: 'Filters', name: 'filters', type: 'fixedCollection', typeOptions: { multipleValues: true }, placeholder: 'Add Filter', default: {},
			description: 'Sent as filter[field]=value. Text filters match partially (SQL LIKE); a comma-separated value matches any of its parts.',
			options: [{ displayName: 'Filter', name: 'filter', values: filter }],
		});
	}
	const options: INodeProperties[] = [];
	if (spec.sorts?.length) {
		options.push(
			{ displayName: 'Sort By', name: 'sortBy', type: 'options', options: optionList(spec.sorts), default: '' },
			{ displayName: 'Sort Direction', name: 'sortDirection', type: 'options', options: SORT_DIRECTIONS, default: 'asc' },
		);
	}
	if (spec.includes?.length) {
		options.push({ displayName: 'Include', name: 'include', type: 'multiOptions', options: optionList(spec.includes), default: [], description: 'Related records to embed' });
	}
	if (spec.operation === 'getAll') {
		options.push({ displayName: 'Page Size', name: 'perPage', type: 'number', typeOptions: { minValue: 1, maxValue: 500 }, default: 100, description: 'Records per request (per_page)' });
	}
	if (options.length) {
		fields.push({ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: options.sort(byDisplayName) });
	}
	return fields;
}

function listQuery(opCtx: OperationContext): IDataObject {
	const { ctx, itemIndex } = opCtx;
	const qs: IDataObject = {};
	const filters = ctx.getNodeParameter('filters.filter', itemIndex, []) as Array<{ field: string; value: string }>;
	for (const f of filters) {
		if (f.field && f.value !== undefined && f.value !== '') qs[`filter[${f.field}]`] = f.value;
	}
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	if (options.sortBy) qs.sort = `${options.sortDirection === 'desc' ? '-' : ''}${String(options.sortBy)}`;
	if (Array.isArray(options.include) && options.include.length > 0) qs.include = options.include.join(',');
	// Added but given "ten" or nothing by an expression: per_page=NaN would page by the server's default, silently.
	if ('perPage' in options) qs.per_page = wholeNumber(ctx.getNode(), options.perPage, 'Page Size', itemIndex, 1, 500);
	return qs;
}

/** The nodes panel's sentence for a plain operation ("Get many services", "Suspend a service"). */
function defaultAction(resource: ResourceInfo, spec: RouteSpec): string {
	const label = resource.label.toLowerCase();
	if (spec.operation === 'getAll') return `Get many ${resource.plural ?? `${label}s`}`;
	return `${spec.name} ${withArticle(label)}`;
}

/** The row of one route: the one factory every resource file uses (directly, or through `crud()`). */
export function route(resource: ResourceInfo, spec: RouteSpec): ClientXcmsRow {
	const { uuid = false, note, since = '2.15', fields = [], pathParams = [], idField: idLabels, ...rest } = spec;
	const hasId = spec.path.includes('{id}');
	// The description says what the operation does; its route and ability stay in the row (method, path,
	// ability) for the catalogue, the docs and the 403 message.
	const action = spec.action ?? defaultAction(resource, spec);
	const row: ClientXcmsRow = {
		...rest,
		resource: resource.value,
		resourceName: resource.name,
		since,
		action,
		description: note ? `${action}. ${note}` : action,
		pathParams: [...(hasId ? [{ param: idParam(resource), as: 'id', label: `${resource.label} ID` }] : []), ...pathParams],
	};
	// The editor shows them in this order: the ID, the list's filters and options, then the row's own.
	const rowFields: INodeProperties[] = hasId ? [{ ...idField(resource), ...idLabels }] : [];
	if (hasId) {
		row.notFound ??= (values) => `${resource.label} ${values.id} was not found`;
		row.emptyResult ??= (values) => ({ success: true, id: values.id });
		row.validate ??= idValidator(resource, uuid);
	}
	if (spec.operation === 'getAll' || spec.envelope === 'paginatedShow') {
		if (spec.operation === 'getAll') row.pagination = laravelPages;
		else row.unwrap ??= showUnwrap(resource);
		rowFields.push(...listFields(spec));
		row.buildQuery ??= listQuery;
	} else if (spec.envelope !== 'file') {
		row.unwrap ??= checkedObject(resource, spec.name, hasId);
	}
	row.fields = [...rowFields, ...fields];
	if (['POST', 'PUT'].includes(spec.method) && !row.body) row.body = {};
	return row;
}
