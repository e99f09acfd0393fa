import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INodeProperties, INodePropertyOptions, JsonObject } from 'n8n-workflow';

import { optionalCalendarDate } from '../shared/dates';
import type { OperationContext, OperationDef, ParamMapping } from '../shared/types';
import { parseJsonValue, textOf, wholeNumber } from '../shared/validate';
import { parameterError } from '../shared/errors';
import { BODY_FIELDS, MERGE_ON_UPDATE, READ_INCLUDE, asBoolean, currentValue, fieldProperty, optionList } from './fields';
import { fetchRecord, laravelPages, notFoundError, readPage } from './records';
import { CLIENTXCMS_ROUTES } from './routes';
import type { ClientXcmsRoute } from './routes';

export interface ResourceInfo {
	name: string;
	label: string;
	path: string;
	/** How the current record is read before an update. */
	show: 'object' | 'paginatedShow' | 'list';
	/** Resource locator search method (list mode), when the resource has one. */
	searchMethod?: string;
}

export const RESOURCES: Record<string, ResourceInfo> = {
	instance: { name: 'Instance', label: 'Instance', path: '', show: 'object' },
	customer: { name: 'Customer', label: 'Customer', path: '/customers', show: 'object', searchMethod: 'searchCustomers' },
	product: { name: 'Product', label: 'Product', path: '/products', show: 'paginatedShow', searchMethod: 'searchProducts' },
	group: { name: 'Product Group', label: 'Product group', path: '/groups', show: 'list', searchMethod: 'searchGroups' },
	pricing: { name: 'Pricing', label: 'Pricing', path: '/pricings', show: 'object' },
	service: { name: 'Service', label: 'Service', path: '/services', show: 'paginatedShow', searchMethod: 'searchServices' },
	invoice: { name: 'Invoice', label: 'Invoice', path: '/invoices', show: 'paginatedShow', searchMethod: 'searchInvoices' },
	department: { name: 'Department', label: 'Department', path: '/departments', show: 'paginatedShow' },
	ticket: { name: 'Ticket', label: 'Ticket', path: '/tickets', show: 'paginatedShow' },
	coupon: { name: 'Coupon', label: 'Coupon', path: '/coupons', show: 'paginatedShow' },
	server: { name: 'Server', label: 'Server', path: '/servers', show: 'paginatedShow' },
	log: { name: 'Action Log', label: 'Log entry', path: '/logs', show: 'paginatedShow' },
	subdomain: { name: 'Subdomain', label: 'Subdomain', path: '/subdomains', show: 'paginatedShow' },
	cancellationReason: { name: 'Cancellation Reason', label: 'Cancellation reason', path: '/cancellation_reasons', show: 'object' },
};

export const clientXcmsResources: INodePropertyOptions[] = Object.entries(RESOURCES).map(([value, r]) => ({ name: r.name, value }));

export const idParam = (resource: string): string => `${resource}Id`;

function idField(resource: string): INodeProperties {
	const info = RESOURCES[resource];
	const displayName = `${info.label === 'Log entry' ? 'Log Entry' : info.label} ID`;
	if (!info.searchMethod) {
		return { displayName, name: idParam(resource), type: 'string', required: true, default: '', description: `Numeric ID of the ${info.label.toLowerCase()}` };
	}
	return {
		displayName: info.label,
		name: idParam(resource),
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${info.label.toLowerCase()}…`,
				typeOptions: { searchListMethod: info.searchMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '12',
				validation: [{ type: 'regex', properties: { regex: '^[0-9A-Za-z-]+$', errorMessage: 'Not a valid ID' } }],
			},
		],
	};
}

export function readId(op: OperationContext, resource: string): string {
	const value = op.ctx.getNodeParameter(idParam(resource), op.itemIndex, '', { extractValue: true });
	return textOf(op.ctx.getNode(), value, `${RESOURCES[resource].label} ID`, op.itemIndex);
}

/** A 200 whose body says `success: false` is a failure, with the server's message. */
export function failedResult(body: unknown): string | undefined {
	const candidates: unknown[] = [];
	if (body && typeof body === 'object') {
		candidates.push(body);
		const result = (body as IDataObject).result;
		if (Array.isArray(result)) candidates.push(...result);
		else if (result) candidates.push(result);
	}
	for (const c of candidates) {
		if (c && typeof c === 'object' && (c as IDataObject).success === false) {
			const message = (c as IDataObject).message;
			return typeof message === 'string' && message !== '' ? message : 'the server reported a failure without a message';
		}
	}
	return undefined;
}

function checkedObject(route: ClientXcmsRoute) {
	return (body: unknown, op: OperationContext): IDataObject | IDataObject[] => {
		const failure = failedResult(body);
		if (failure !== undefined) {
			const id = route.path.includes('{id}') ? ` ${RESOURCES[route.resource].label.toLowerCase()} ${readId(op, route.resource)}` : '';
			const message = `CLIENTXCMS did not ${route.name.toLowerCase()}${id}: ${failure}`;
			const description =
				'The server answered HTTP 200 but reported that the action failed. (CLIENTXCMS v2.15 – v2.16 answer "Invalid status" to Suspend and Expire: a known server bug; the service is unchanged.)';
			throw new NodeApiError(op.ctx.getNode(), { message, description } as JsonObject, { message, description, itemIndex: op.itemIndex });
		}
		if (route.resource === 'service' && body && typeof body === 'object' && 'result' in (body as IDataObject)) {
			const b = body as IDataObject;
			return { ...(b.data as IDataObject), actionResult: b.result as IDataObject };
		}
		return body as IDataObject;
	};
}

function showUnwrap(route: ClientXcmsRoute) {
	return (body: unknown, op: OperationContext): IDataObject => {
		const { records } = readPage(op.ctx.getNode(), body, op.itemIndex);
		if (records.length === 0) throw notFoundError(op.ctx.getNode(), RESOURCES[route.resource].label, readId(op, route.resource), op.itemIndex);
		return records[0];
	};
}

function listFieldsFor(route: ClientXcmsRoute): INodeProperties[] {
	const fields: INodeProperties[] = [];
	if (route.filters?.length) {
		fields.push({
			displayName: 'Filters',
			name: 'filters',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Filter',
			default: {},
			description: 'Sent as filter[field]=value. Text filters match partially (SQL LIKE); a comma-separated value matches any of its parts.',
			options: [
				{
					displayName: 'Filter',
					name: 'filter',
					values: [
						{ displayName: 'Field', name: 'field', type: 'options', options: optionList(route.filters), default: '' },
						{ displayName: 'Value', name: 'value', type: 'string', default: '' },
					],
				},
			],
		});
	}
	const options: INodeProperties[] = [];
	if (route.sorts?.length) {
		options.push(
			{ displayName: 'Sort By', name: 'sortBy', type: 'options', options: optionList(route.sorts), default: '' },
			{
				displayName: 'Sort Direction',
				name: 'sortDirection',
				type: 'options',
				options: [
					{ name: 'Ascending', value: 'asc' },
					{ name: 'Descending', value: 'desc' },
				],
				default: 'asc',
			},
		);
	}
	if (route.includes?.length) {
		options.push({ displayName: 'Include', name: 'include', type: 'multiOptions', options: optionList(route.includes), default: [], description: 'Related records to embed' });
	}
	if (route.operation === 'getAll') {
		options.push({ displayName: 'Page Size', name: 'perPage', type: 'number', typeOptions: { minValue: 1, maxValue: 500 }, default: 100, description: 'Records per request (per_page)' });
	}
	if (options.length) {
		fields.push({ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: options.sort((a, b) => a.displayName.localeCompare(b.displayName)) });
	}
	return fields;
}

function listQuery(op: OperationContext): IDataObject {
	const qs: IDataObject = {};
	const filters = op.ctx.getNodeParameter('filters.filter', op.itemIndex, []) as Array<{ field: string; value: string }>;
	for (const f of filters) {
		if (f.field && f.value !== undefined && f.value !== '') qs[`filter[${f.field}]`] = f.value;
	}
	const options = op.ctx.getNodeParameter('options', op.itemIndex, {}) as IDataObject;
	if (options.sortBy) qs.sort = `${options.sortDirection === 'desc' ? '-' : ''}${String(options.sortBy)}`;
	if (Array.isArray(options.include) && options.include.length > 0) qs.include = options.include.join(',');
	// Added but given "ten" or nothing by an expression: per_page=NaN would page by the server's default, silently.
	if ('perPage' in options) qs.per_page = wholeNumber(op.ctx.getNode(), options.perPage, 'Page Size', op.itemIndex, 1, 500);
	return qs;
}

function bodyFieldsFor(resource: string, kind: 'create' | 'update'): BodyFieldsResult {
	const all = (BODY_FIELDS[resource] ?? []).filter((f) => f.only === undefined || f.only === kind);
	const top = kind === 'create' ? all.filter((f) => f.create) : [];
	const rest = kind === 'create' ? all.filter((f) => !f.create) : all;
	const fields: INodeProperties[] = top.map((f) => fieldProperty(f, true));
	const collection = kind === 'create' ? 'additionalFields' : 'updateFields';
	if (rest.length) {
		const hint =
			kind === 'update' && MERGE_ON_UPDATE[resource]
				? 'Only the fields set here change: the node reads the record first and sends back the values the server would otherwise require or reset.'
				: undefined;
		fields.push({
			displayName: kind === 'create' ? 'Additional Fields' : 'Update Fields',
			name: collection,
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description: hint,
			options: rest.map((f) => fieldProperty(f, false)).sort((a, b) => a.displayName.localeCompare(b.displayName)),
		});
	}
	// Every JSON field of CLIENTXCMS (pricing by cycle, an address) is an object.
	const jsonKeys = all.filter((f) => f.kind === 'json').map((f) => ({ key: f.key, label: f.label, shape: 'object' as const }));
	return { fields, body: { fields: top.map((f): ParamMapping => ({ param: f.key, label: f.label })), collections: [collection], jsonKeys } };
}

interface BodyFieldsResult {
	fields: INodeProperties[];
	body: NonNullable<OperationDef['body']>;
}

const BOOLEAN_KEYS: Record<string, string[]> = Object.fromEntries(
	Object.entries(BODY_FIELDS).map(([resource, fields]) => [resource, fields.filter((f) => f.kind === 'boolean').map((f) => f.key)]),
);

/**
 * The body as the server reads it: booleans as JSON booleans (see asBoolean); a group's
 * background flag sent only when on, since the server sets it whenever the key is present
 * (StoreGroupRequest.php:85-87, UpdateGroupRequest.php:93-97), and as the text "true" on update
 * (its rule there is `string|in:true,false`, UpdateGroupRequest.php:65).
 */
function serverBody(resource: string, kind: 'create' | 'update', body: IDataObject): IDataObject {
	const out: IDataObject = { ...body };
	for (const key of BOOLEAN_KEYS[resource] ?? []) if (key in out) out[key] = asBoolean(out[key]);
	// StoreCustomerRequest.php:102-104 verifies the e-mail whenever `verified` is filled, and a JSON
	// false counts as filled: "not verified" is said by leaving it out.
	if (resource === 'customer' && out.verified === false) delete out.verified;
	if (resource === 'group' && 'use_image_as_background' in out) {
		if (out.use_image_as_background === true) out.use_image_as_background = kind === 'update' ? 'true' : true;
		else delete out.use_image_as_background;
	}
	return out;
}

function createBody(resource: string) {
	return (body: IDataObject): IDataObject => serverBody(resource, 'create', body);
}

/** Merged values that come from a relation or metadata: when the read lacks them, stop rather than erase them. */
const READ_BACK_REQUIRED = new Set(['coupon.products', 'coupon.required_products', 'group.use_image_as_background']);

function mergeOnUpdate(resource: string) {
	const keys = MERGE_ON_UPDATE[resource];
	return async (body: IDataObject, op: OperationContext): Promise<IDataObject> => {
		// Reading the record and writing it back unchanged would report a success that did nothing.
		if (Object.keys(body).length === 0) {
			throw parameterError(op.ctx.getNode(), 'No fields to update', op.itemIndex, 'Set at least one field to update under "Update Fields".');
		}
		if (!keys || keys.every((k) => k in body)) return serverBody(resource, 'update', body);
		const info = RESOURCES[resource];
		const include = READ_INCLUDE[resource];
		const id = readId(op, resource);
		const current = await fetchRecord(op.ctx, info, id, op.itemIndex, include ? { include } : {});
		const merged: IDataObject = {};
		for (const key of keys) {
			if (key in body) continue;
			let value = currentValue(resource, key, current);
			if (value === undefined) {
				// A field the server resets when omitted, which the read did not return: sending without it
				// would silently erase it.
				if (READ_BACK_REQUIRED.has(`${resource}.${key}`)) {
					const message = `Could not read the current "${key}" of ${info.label.toLowerCase()} ${id}, which the update would erase`;
					throw new NodeApiError(op.ctx.getNode(), { message } as JsonObject, {
						message,
						description: 'CLIENTXCMS resets this field when an update omits it, and its answer did not include it. Set the field in Update Fields.',
						itemIndex: op.itemIndex,
					});
				}
				continue;
			}
			if (key === 'parent_id' && value === null) value = 'none';
			if (value === null) continue;
			merged[key] = value as IDataObject[string];
		}
		return serverBody(resource, 'update', { ...merged, ...body });
	};
}

const ACCOUNT_ACTIONS = [
	{ name: 'Suspend', value: 'suspend' },
	{ name: 'Reactivate', value: 'reactivate' },
	{ name: 'Ban', value: 'ban' },
	{ name: 'Disable Two-Factor Authentication', value: 'disable2FA' },
];

const str = (displayName: string, name: string, extra: Partial<INodeProperties> = {}): INodeProperties =>
	({ displayName, name, type: 'string', default: '', ...extra }) as INodeProperties;
const bool = (displayName: string, name: string, description: string): INodeProperties => ({ displayName, name, type: 'boolean', default: false, description });

/** Operation-specific extras: bodies of the action routes. */
function extras(route: ClientXcmsRoute): Partial<OperationDef> {
	const key = `${route.resource}.${route.operation}`;
	switch (key) {
		case 'customer.action':
			return {
				pathParams: [{ param: 'accountAction', as: 'action', label: 'Action' }],
				fields: [
					{ displayName: 'Action', name: 'accountAction', type: 'options', options: ACCOUNT_ACTIONS, default: 'suspend', required: true },
					{
						displayName: 'Options',
						name: 'actionOptions',
						type: 'collection',
						placeholder: 'Add Option',
						default: {},
						options: [
							bool('Also Suspend Services', 'force', 'Whether to suspend the customer’s active services too'),
							bool('Notify Customer', 'notify', 'Whether to email the customer'),
							str('Reason', 'reason'),
						],
					},
				],
				body: { collections: ['actionOptions'] },
			};
		case 'customer.delete':
			return {
				fields: [bool('Force', 'force', 'Whether to delete even with active services or pending invoices')],
				buildQuery: (op) => (op.ctx.getNodeParameter('force', op.itemIndex, false) ? { force: 1 } : {}),
			};
		case 'service.suspend':
			return {
				fields: [str('Reason', 'reason'), bool('Notify Customer', 'notify', 'Whether to email the customer')],
				body: { fields: [{ param: 'reason' }] },
				buildBody: (body, op) => (op.ctx.getNodeParameter('notify', op.itemIndex, false) ? { ...body, notify: true } : body),
			};
		case 'service.expire':
			return {
				fields: [bool('Force', 'force', 'Whether to set the status even if the server module fails')],
				buildBody: (body, op) => ({ ...body, force: op.ctx.getNodeParameter('force', op.itemIndex, false) as boolean }),
				body: {},
			};
		case 'product.updateConfig': {
			const config: INodeProperties = { displayName: 'Config (JSON)', name: 'config', type: 'json', default: '{}', required: true, description: 'Module-specific configuration fields' };
			return {
				fields: [config],
				buildBody: (_body, op) => {
					const raw = op.ctx.getNodeParameter(config.name, op.itemIndex, '{}');
					return (parseJsonValue(op.ctx.getNode(), raw, config.displayName, op.itemIndex, 'object') ?? {}) as IDataObject;
				},
				body: {},
			};
		}
		case 'ticket.reply':
			return {
				fields: [str('Message', 'content', { required: true, typeOptions: { rows: 4 }, description: '5 to 10000 characters' }), attachmentsField()],
				body: { fields: [{ param: 'content', label: 'Message', required: true }] },
			};
		case 'ticket.create':
			return {
				fields: [
					{
						displayName:
							'Attachments and a related service or invoice cannot be set on Create: CLIENTXCMS discards files sent with a new ticket (attach them with Reply), and answers HTTP 500 to a related record sent with an API key.',
						name: 'createNotice',
						type: 'notice',
						default: '',
					},
				],
			};
		case 'ticket.close':
			return { fields: [str('Reason', 'reason')], body: { fields: [{ param: 'reason' }] } };
		case 'ticket.reopen':
		case 'customer.confirm':
		case 'customer.resendConfirmation':
		case 'customer.sendPassword':
		case 'invoice.validate':
		case 'invoice.edit':
		case 'service.unsuspend':
			return { body: {} };
		case 'invoice.pdf':
		case 'invoice.download':
			return { fields: [binaryPropertyField()] };
		case 'invoice.export':
			return {
				fields: [
					{
						displayName: 'Format',
						name: 'format',
						type: 'options',
						options: [
							{ name: 'CSV', value: 'csv' },
							{ name: 'Excel (XLSX)', value: 'xlsx' },
							{ name: 'PDF (ZIP of PDFs)', value: 'pdf' },
						],
						default: 'csv',
					},
					{
						displayName: 'Export Filters',
						name: 'exportFilters',
						type: 'collection',
						placeholder: 'Add Filter',
						default: {},
						options: [
							{ displayName: 'Customer ID', name: 'customer_id', type: 'number', default: 0 },
							{ displayName: 'Date From', name: 'date_from', type: 'dateTime', default: '' },
							{ displayName: 'Date To', name: 'date_to', type: 'dateTime', default: '' },
							{
								displayName: 'Status',
								name: 'status',
								type: 'multiOptions',
								options: optionList(['all', 'pending', 'paid', 'cancelled', 'refunded', 'failed', 'draft']),
								default: [],
							},
						],
					},
					binaryPropertyField(),
				],
				body: { fields: [{ param: 'format', required: true }], collections: ['exportFilters'] },
				buildBody: (body, op) => {
					const labels: Record<string, string> = { date_from: 'Date From', date_to: 'Date To' };
					for (const [key, label] of Object.entries(labels)) {
						if (!(key in body)) continue;
						const date = optionalCalendarDate(op.ctx.getNode(), body[key], label, op.itemIndex);
						if (date === undefined) delete body[key];
						else body[key] = date;
					}
					return body;
				},
			};
		case 'server.test':
			return {
				fields: BODY_FIELDS.server.filter((f) => f.create).map((f) => fieldProperty(f, true)).concat([
					{
						displayName: 'Additional Fields',
						name: 'additionalFields',
						type: 'collection',
						placeholder: 'Add Field',
						default: {},
						options: BODY_FIELDS.server.filter((f) => !f.create && f.key !== 'name').map((f) => fieldProperty(f, false)),
					},
				]),
				body: { fields: [{ param: 'hostname', required: true }, { param: 'address', required: true }], collections: ['additionalFields'] },
			};
		case 'cancellationReason.analytics':
			return {
				fields: [
					str('Start Date', 'start_date', { type: 'dateTime', description: 'Default: six months ago' }),
					str('End Date', 'end_date', { type: 'dateTime', description: 'Default: today' }),
				],
				buildQuery: (op) => {
					const qs: IDataObject = {};
					const labels: Record<string, string> = { start_date: 'Start Date', end_date: 'End Date' };
					for (const [key, label] of Object.entries(labels)) {
						const date = optionalCalendarDate(op.ctx.getNode(), op.ctx.getNodeParameter(key, op.itemIndex, ''), label, op.itemIndex);
						if (date !== undefined) qs[key] = date;
					}
					return qs;
				},
			};
		default:
			return {};
	}
}

export function attachmentsField(): INodeProperties {
	return {
		displayName: 'Attachment Binary Properties',
		name: 'attachments',
		type: 'string',
		default: '',
		placeholder: 'data, invoice',
		description: 'Comma-separated names of binary properties of the input item to attach (up to 5). The request is then sent as multipart form data.',
	};
}

export function binaryPropertyField(): INodeProperties {
	return { displayName: 'Put Output File in Field', name: 'binaryPropertyName', type: 'string', default: 'data', required: true, hint: 'The name of the output binary field to put the file in' };
}

/** Why Test Connection never works (routes/api-application.php:126, 128; every release v2.15 – v2.16-fix). */
export const SERVER_TEST_SHADOWED =
	'This operation cannot work on CLIENTXCMS v2.15 – v2.16-fix: the server registers POST /servers/{server} before POST /servers/test, takes "test" as a server ID and answers 404.';

function description(route: ClientXcmsRoute): string {
	const base = `${route.method} /api/application${route.path} (ability ${route.ability})`;
	return route.resource === 'server' && route.operation === 'test' ? `${base}. ${SERVER_TEST_SHADOWED}` : base;
}

/** The nodes panel's sentence for an operation that is not plain CRUD, as n8n's own nodes word them. */
const ACTIONS: Record<string, string> = {
	'instance.health': "Check the instance's health",
	'instance.license': "Get the instance's license",
	'customer.confirm': "Confirm a customer's email",
	'customer.resendConfirmation': "Resend a customer's confirmation email",
	'customer.sendPassword': 'Send a customer a password reset',
	'customer.action': "Run an action on a customer's account",
	'product.getConfig': "Get a product's config",
	'product.updateConfig': "Update a product's config",
	'invoice.notify': 'Notify a customer of an invoice',
	'invoice.edit': 'Return an invoice to draft',
	'invoice.pdf': 'Get an invoice as PDF',
	'invoice.download': "Download an invoice's PDF",
	'ticket.reply': 'Reply to a ticket',
	'server.test': "Test a server's connection",
	'cancellationReason.analytics': 'Get cancellation reason analytics',
};

function actionOf(route: ClientXcmsRoute): string {
	const label = RESOURCES[route.resource].label.toLowerCase();
	const article = /^[aeiou]/.test(label) ? 'an' : 'a';
	if (route.operation === 'getAll') return `Get many ${label === 'log entry' ? 'log entries' : `${label}s`}`;
	// Plain verbs on one record read as "Suspend a service", "Validate an invoice".
	return ACTIONS[`${route.resource}.${route.operation}`] ?? `${route.name} ${article} ${label}`;
}

/** Routes that also bind a UUID (services, invoices, tickets); every other `{id}` is an integer on the server. */
const UUID_ROUTES = new Set([
	'service.get',
	'service.suspend',
	'service.expire',
	'invoice.update',
	'invoice.delete',
	'invoice.notify',
	'invoice.validate',
	'invoice.edit',
	'invoice.pdf',
	'invoice.download',
	'invoice.export',
	'ticket.update',
	'ticket.delete',
	'ticket.reply',
	'ticket.close',
	'ticket.reopen',
]);

/** A non-numeric ID would reach a PHP `int` parameter (HTTP 500 on the server): refuse it first. */
function idValidator(route: ClientXcmsRoute) {
	const uuid = UUID_ROUTES.has(`${route.resource}.${route.operation}`);
	return (op: OperationContext): void => {
		const id = readId(op, route.resource);
		const valid = uuid ? /^(\d+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.test(id) : /^\d+$/.test(id);
		if (!valid) {
			throw new NodeOperationError(op.ctx.getNode(), `"${id}" is not a valid ${RESOURCES[route.resource].label.toLowerCase()} ID`, {
				itemIndex: op.itemIndex,
				description: uuid ? 'Use the numeric ID or the UUID.' : 'Use the numeric ID.',
			});
		}
	};
}

function operationOf(route: ClientXcmsRoute): OperationDef {
	const { resource, operation } = route;
	const hasId = route.path.includes('{id}');
	const label = RESOURCES[resource].label;
	const def: OperationDef = {
		resource,
		operation,
		name: route.name,
		action: actionOf(route),
		description: description(route),
		method: route.method,
		path: route.path,
		pathParams: hasId ? [{ param: idParam(resource), as: 'id', label: `${label} ID` }] : [],
		fields: hasId ? [idField(resource)] : [],
		notFound: hasId ? (values) => `${label} ${values.id} was not found` : undefined,
		emptyResult: hasId ? (values) => ({ success: true, id: values.id }) : undefined,
		validate: hasId ? idValidator(route) : undefined,
	};
	if (route.operation === 'getAll') {
		def.pagination = laravelPages;
		def.fields!.push(...listFieldsFor(route));
		def.buildQuery = listQuery;
	} else if (route.envelope === 'paginatedShow') {
		def.unwrap = showUnwrap(route);
		def.fields!.push(...listFieldsFor(route));
		def.buildQuery = listQuery;
	} else {
		def.unwrap = checkedObject(route);
	}
	if (operation === 'create' || operation === 'update') {
		const built = bodyFieldsFor(resource, operation);
		def.fields!.push(...built.fields);
		def.body = built.body;
		def.buildBody = operation === 'update' ? mergeOnUpdate(resource) : createBody(resource);
	}
	const extra = extras(route);
	if (extra.pathParams) def.pathParams = [...(def.pathParams ?? []), ...extra.pathParams];
	if (extra.fields) def.fields!.push(...extra.fields);
	if (extra.body) def.body = { ...def.body, ...extra.body };
	if (extra.buildBody) def.buildBody = extra.buildBody;
	if (extra.buildQuery) def.buildQuery = extra.buildQuery;
	if (['POST', 'PUT'].includes(route.method) && !def.body) def.body = {};
	return def;
}

/** Every operation of the node, in route-table order. */
export const clientXcmsOperations: OperationDef[] = CLIENTXCMS_ROUTES.map(operationOf);
