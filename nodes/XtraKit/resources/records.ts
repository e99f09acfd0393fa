import type { IDataObject, INode, INodeProperties } from 'n8n-workflow';

import { byDisplayName } from '../../shared/alphabetical';
import { parameterError } from '../../shared/errors';
import { apiRequest } from '../../shared/http';
import { locatorValue } from '../../shared/locator';
import { nodeOf } from '../../shared/perContext';
import type { OperationContext, OperationDef } from '../../shared/types';
import { pathWith, requireText } from '../../shared/validate';
import { isEnvelope, openEnvelope, recordFrom } from '../transport/envelope';
import { listPagination } from '../transport/paging';
import { xtraKit } from '../provider';
import { coerceBody } from './values';
import type { FieldTypes } from './values';

/**
 * The rows of XtraKit's record types. Every documented resource has the same four calls (the
 * endpoint pages of docs.xtrakit.com): list `GET /x`, fetch `GET /x/{key}`, add `POST /x/add`,
 * edit `PUT /x/{key}`, each answering one enveloped record or list. A resource file says what
 * differs (its fields, its key, its words); the rows are made here.
 */

/** What a list row is made from. */
export interface ListedType {
	resource: string;
	/** Plural noun: "customers", also the action's ("Get many customers"). */
	many: string;
	/** The collection path: "/customers". */
	path: string;
	/** Key of the list in the envelope's `data`: "customers". */
	listKey: string;
}

/** What the get / create / update rows of a record type are made from. */
export interface RecordType extends ListedType {
	/** The record with its article, for actions: "a customer", "an expense". */
	one: string;
	/** Key of one record in the envelope's `data`: "customer". */
	key: string;
	/** The path parameter naming one record, its label in messages, and its field ("The customer to get"). */
	id: { param: string; label: string; field: (verb: 'get' | 'update') => INodeProperties };
	notFound: (value: string) => string;
	/** Documented body fields and their forms. */
	types: FieldTypes;
	/** Create's required fields (top-level parameters) and its Additional Fields. */
	required: INodeProperties[];
	optional: INodeProperties[];
}

function readLocator(opCtx: OperationContext, param: string): unknown {
	return opCtx.ctx.getNodeParameter(param, opCtx.itemIndex, undefined, { extractValue: true });
}

/** The one record of a get / create / update answer (siblings such as `sales-item` kept). */
export function unwrapRecord(key: string, notFound?: { param: string; message: (value: string) => string }) {
	return (body: unknown, opCtx: OperationContext, pathValues: Record<string, string>): IDataObject => {
		const node = nodeOf(opCtx.ctx);
		// The ID as read for the path (every row with a not-found message has it as its path parameter).
		const value = notFound ? pathValues[notFound.param] : '';
		const data = openEnvelope(node, body, {
			itemIndex: opCtx.itemIndex,
			notFound: notFound ? notFound.message(value) : undefined,
		});
		const record = recordFrom(node, data, key, opCtx.itemIndex);
		if (record) return record;
		// A success without a record (create answering only a message): say what XtraKit said.
		const message = isEnvelope(body) && typeof body.message === 'string' ? body.message : undefined;
		return message ? { success: true, message } : { success: true };
	};
}

/** Filters collection → query string, each value in its documented form. */
function filtersQuery(types: FieldTypes) {
	return (opCtx: OperationContext): IDataObject => {
		const filters = opCtx.ctx.getNodeParameter('filters', opCtx.itemIndex, {}) as IDataObject;
		const resolved: IDataObject = {};
		for (const [key, value] of Object.entries(filters)) {
			const v = locatorValue(value) as IDataObject[string];
			resolved[key] = typeof v === 'string' ? v.trim() : v;
		}
		return coerceBody(opCtx.ctx.getNode(), types, resolved, opCtx.itemIndex, opCtx.ctx.getTimezone());
	};
}

/** Required text fields (field → label): blank or whitespace is refused, values are trimmed. */
export type RequiredText = Record<string, string>;

export function requiredTextOf(fields: INodeProperties[]): RequiredText {
	return Object.fromEntries(fields.filter((f) => f.required && f.type === 'string').map((f) => [f.name, f.displayName]));
}

function checkRequired(node: INode, body: IDataObject, required: RequiredText, itemIndex: number, onlyPresent: boolean): void {
	for (const [field, fieldLabel] of Object.entries(required)) {
		if (onlyPresent && !(field in body)) continue;
		body[field] = requireText(node, body[field], fieldLabel, itemIndex);
	}
}

/** Create: the body as typed, in the documented forms. */
export function createBody(types: FieldTypes, required: RequiredText = {}) {
	return (body: IDataObject, opCtx: OperationContext): IDataObject => {
		const node = opCtx.ctx.getNode();
		checkRequired(node, body, required, opCtx.itemIndex, false);
		return coerceBody(node, types, body, opCtx.itemIndex, opCtx.ctx.getTimezone());
	};
}

/**
 * Update: XtraKit's edit pages mark the same fields Required as its add pages (docs.xtrakit.com,
 * e.g. Edit Item beside Add Item), so a PUT with only the changed fields would be refused. The node
 * reads the record first and sends back its documented fields with the user's changes on top.
 */
function mergeForUpdate(type: RecordType, fixed?: (value: string) => IDataObject) {
	const { param, label } = type.id;
	const required = requiredTextOf(type.required);
	return async (body: IDataObject, opCtx: OperationContext): Promise<IDataObject> => {
		const { ctx, itemIndex } = opCtx;
		const node = ctx.getNode();
		if (Object.keys(body).length === 0) {
			throw parameterError(node, 'No fields to update', itemIndex, 'Add at least one field under "Update Fields".');
		}
		checkRequired(node, body, required, itemIndex, true);
		const changes = coerceBody(node, type.types, body, itemIndex, ctx.getTimezone());
		const value = requireText(node, readLocator(opCtx, param), label, itemIndex);
		// The record's fetch path (edit-sale's differs from it).
		const path = pathWith(node, `${type.path}/{${param}}`, { [param]: value }, itemIndex, { [param]: label });
		const notFound = type.notFound(value);
		const { statusCode, body: answer } = await apiRequest.call(ctx, xtraKit, { method: 'GET', path }, {
			itemIndex,
			notFound,
			...opCtx.requestOptions,
		});
		const current = recordFrom(node, openEnvelope(node, answer, { itemIndex, notFound, httpStatus: statusCode }), type.key, itemIndex) ?? {};
		const merged: IDataObject = {};
		for (const field of Object.keys(type.types)) {
			if (field in changes) merged[field] = changes[field];
			else if (current[field] !== undefined && current[field] !== null && current[field] !== '') merged[field] = current[field];
		}
		Object.assign(merged, fixed?.(value));
		return coerceBody(node, type.types, merged, itemIndex, ctx.getTimezone());
	};
}

export const DATE_FILTERS: FieldTypes = { created_at: 'datetime', updated_at: 'date' };

/** The documented date filters of every list: a start (sent as created_at) and an end (updated_at). */
export function dateFilters(noun: string): INodeProperties[] {
	return [
		{
			displayName: 'Start Date',
			name: 'created_at',
			type: 'dateTime',
			default: '',
			description: `Start date for filtering ${noun}, sent as "created_at" (YYYY-MM-DD HH:MM:SS in the workflow's time zone)`,
		},
		{
			displayName: 'End Date',
			name: 'updated_at',
			type: 'dateTime',
			default: '',
			description: `End date for filtering ${noun}, sent as "updated_at" (YYYY-MM-DD)`,
		},
	];
}

/** A collection field: Filters, Additional Fields, Update Fields, Options. */
export function collection(displayName: string, name: string, placeholder: string, options: INodeProperties[]): INodeProperties {
	return { displayName, name, type: 'collection', placeholder, default: {}, options };
}

/** n8n's wording for a dropdown of names that also takes an ID (its lint rule for dynamic options asks for it). */
const BY_NAME_OR_ID = 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.';

/** A dropdown filled by a loadOptions method, that also takes an ID from an expression. */
export function dropdown(field: { displayName: string; name: string; loadOptionsMethod: string; what: string; required?: boolean }): INodeProperties {
	return {
		displayName: field.displayName,
		name: field.name,
		type: 'options',
		typeOptions: { loadOptionsMethod: field.loadOptionsMethod },
		default: '',
		...(field.required ? { required: true } : {}),
		description: `${field.what} ${BY_NAME_OR_ID}`,
	};
}

/** Get Many: the whole list (read page by page should XtraKit ever page it), filtered by the query. */
export function listRow(type: ListedType, spec: { description: string; filterTypes: FieldTypes; filters: INodeProperties[] }): OperationDef {
	return {
		resource: type.resource,
		operation: 'getAll',
		name: 'Get Many',
		action: `Get many ${type.many}`,
		description: spec.description,
		method: 'GET',
		path: type.path,
		pagination: listPagination(type.listKey, type.many),
		buildQuery: filtersQuery(spec.filterTypes),
		fields: [collection('Filters', 'filters', 'Add Filter', spec.filters)],
	};
}

/** How the rows of one record type differ from the common shape. */
export interface RecordRowsSpec {
	getAll?: Parameters<typeof listRow>[1];
	get?: string;
	/** Create: its description, and what replaces the common body, fields or checks. */
	create?: { description: string } & Partial<Pick<OperationDef, 'body' | 'buildBody' | 'fields' | 'validate'>>;
	/**
	 * Update: its description; `path` when the edit path is not the fetch path; `fixed` for body
	 * fields given by the path value; `options` when Update Fields are not simply every create field.
	 */
	update?: { description: string; path?: string; fixed?: (value: string) => IDataObject; options?: INodeProperties[] };
}

/** The rows of a record type, in the order Get Many, Get, Create, Update (those the spec names). */
export function recordRows(type: RecordType, spec: RecordRowsSpec): OperationDef[] {
	const { param, label, field } = type.id;
	const keyed = {
		path: `${type.path}/{${param}}`,
		pathParams: [{ param, label }],
		notFound: (values: Record<string, string>) => type.notFound(values[param]),
		unwrap: unwrapRecord(type.key, { param, message: type.notFound }),
	};
	const rows: OperationDef[] = [];
	if (spec.getAll) rows.push(listRow(type, spec.getAll));
	if (spec.get !== undefined) {
		rows.push({
			resource: type.resource,
			operation: 'get',
			name: 'Get',
			action: `Get ${type.one}`,
			description: spec.get,
			method: 'GET',
			...keyed,
			fields: [field('get')],
		});
	}
	if (spec.create) {
		const { description, ...replaced } = spec.create;
		rows.push({
			resource: type.resource,
			operation: 'create',
			name: 'Create',
			action: `Create ${type.one}`,
			description,
			method: 'POST',
			path: `${type.path}/add`,
			body: {
				fields: type.required.map((f) => ({ param: f.name, required: true, label: f.displayName })),
				collections: ['additionalFields'],
			},
			buildBody: createBody(type.types, requiredTextOf(type.required)),
			unwrap: unwrapRecord(type.key),
			fields: [...type.required, collection('Additional Fields', 'additionalFields', 'Add Field', type.optional)],
			...replaced,
		});
	}
	if (spec.update) {
		const { description, path, fixed, options } = spec.update;
		rows.push({
			resource: type.resource,
			operation: 'update',
			name: 'Update',
			action: `Update ${type.one}`,
			description,
			method: 'PUT',
			...keyed,
			path: path ?? keyed.path,
			body: { collections: ['updateFields'] },
			buildBody: mergeForUpdate(type, fixed),
			fields: [
				field('update'),
				collection(
					'Update Fields',
					'updateFields',
					'Add Field',
					options ?? [...type.required.map((f) => ({ ...f, required: false })), ...type.optional].sort(byDisplayName),
				),
			],
		});
	}
	return rows;
}
