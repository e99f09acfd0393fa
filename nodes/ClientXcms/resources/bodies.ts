import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, INodeProperties, JsonObject } from 'n8n-workflow';

import { byDisplayName } from '../../shared/alphabetical';
import { optionalLocalDateTime } from '../../shared/dates';
import { parameterError } from '../../shared/errors';
import { locatorProperty } from '../../shared/locator';
import { isBlank, wholeNumber } from '../../shared/validate';
import type { BodyDef, OperationContext, OperationDef, ParamMapping } from '../../shared/types';
import { fetchRecord } from './current';
import { optionList, readId } from './row';
import type { ResourceInfo } from './row';

/**
 * A body field of a create / update route, from its FormRequest rules. `create: true` = required on
 * create (shown as its own field); everything else goes into Additional Fields / Update Fields.
 */
export interface BodyField {
	key: string;
	label: string;
	kind: 'string' | 'number' | 'boolean' | 'options' | 'multiOptions' | 'json' | 'dateTime' | 'password' | 'customer';
	options?: string[];
	loadOptionsMethod?: string;
	create?: boolean;
	/** Only on create, or only on update. */
	only?: 'create' | 'update';
	default?: string | number | boolean;
	description?: string;
	placeholder?: string;
}

/**
 * What an Update sends back from the current record: the fields the server requires on every update
 * although the record already has them (its updates are not partial), and the fields it resets when
 * they are omitted. The node reads the record first and fills these in.
 */
export interface MergeSpec {
	keys: string[];
	/** A relation the read must include, for merged values that are not plain columns. */
	include?: string;
	/** Keys whose value is read from elsewhere than the column of the same name (a relation, metadata). */
	readBack?: Record<string, (record: IDataObject) => unknown>;
	/** Keys the server erases when omitted: when the read lacks them, stop rather than erase them. */
	mustReadBack?: string[];
}

/** The body as the server reads it, after the generic conversions (e.g. a flag sent only when on). */
export type FinishBody = (body: IDataObject, kind: 'create' | 'update') => IDataObject;

/** One n8n property for a body field. */
export function fieldProperty(f: BodyField, required: boolean): INodeProperties {
	const base = { displayName: f.label, name: f.key, description: f.description, placeholder: f.placeholder, required: required || undefined };
	switch (f.kind) {
		case 'number':
			return { ...base, type: 'number', default: (f.default as number) ?? 0 };
		case 'boolean':
			return { ...base, type: 'boolean', default: (f.default as boolean) ?? false };
		case 'options':
			if (f.loadOptionsMethod) return { ...base, type: 'options', typeOptions: { loadOptionsMethod: f.loadOptionsMethod }, default: '' };
			return { ...base, type: 'options', options: optionList(f.options ?? []), default: (f.default as string) ?? (f.options ?? [''])[0] };
		case 'multiOptions':
			return { ...base, type: 'multiOptions', typeOptions: { loadOptionsMethod: f.loadOptionsMethod }, default: [] };
		case 'json':
			return { ...base, type: 'json', default: '' };
		case 'dateTime':
			return { ...base, type: 'dateTime', default: '' };
		case 'customer':
			return customerProperty(f.key, required);
		case 'password':
			return { ...base, type: 'string', typeOptions: { password: true }, default: '' };
		default:
			return { ...base, type: 'string', default: (f.default as string) ?? '' };
	}
}

/**
 * A customer, picked by name from the list or given by ID: the body's `customer_id` (the server checks
 * `integer|exists:customers,id`). One picker for every route that names a customer.
 */
export function customerProperty(name: string, required: boolean): INodeProperties {
	return locatorProperty({
		name,
		displayName: 'Customer',
		searchListMethod: 'searchCustomers',
		noun: 'customer',
		required,
		idPlaceholder: 'e.g. 12',
		idPattern: { regex: '^[0-9]+$', errorMessage: 'A customer ID is a whole number' },
	});
}

/** The customer picked (an ID as text from the picker) as the whole number the server takes. */
export function customerIdOf(body: IDataObject, key: string, opCtx: OperationContext): void {
	if (!(key in body)) return;
	const value = body[key];
	if (isBlank(value)) {
		delete body[key];
		return;
	}
	body[key] = wholeNumber(opCtx.ctx.getNode(), typeof value === 'string' ? value.trim() : value, 'Customer', opCtx.itemIndex, 1);
}

/**
 * MySQL answers booleans the model does not cast as 1 / 0 (coupons: Coupon.php:124-128), and the
 * FormRequests count only JSON `true` or "true" as true (`== 'true'`, CouponRequest.php:73-75,
 * UpdateProductRequest.php:112, UpdateGroupRequest.php:73): so every boolean goes out as a JSON boolean.
 */
function asBoolean(value: unknown): boolean {
	if (typeof value === 'string') return ['1', 'true', 'on', 'yes'].includes(value.trim().toLowerCase());
	return value === true || value === 1;
}

/** UI fields and body of a create or update row, from its resource's body fields. */
export function bodyFields(all: BodyField[], kind: 'create' | 'update', merge: MergeSpec | undefined): { fields: INodeProperties[]; body: BodyDef } {
	const used = all.filter((f) => f.only === undefined || f.only === kind);
	const top = kind === 'create' ? used.filter((f) => f.create) : [];
	const rest = kind === 'create' ? used.filter((f) => !f.create) : used;
	const fields: INodeProperties[] = top.map((f) => fieldProperty(f, true));
	const collection = kind === 'create' ? 'additionalFields' : 'updateFields';
	if (rest.length) {
		const hint =
			kind === 'update' && merge
				? 'Only the fields set here change: the node reads the record first and sends back the values the server would otherwise require or reset.'
				: undefined;
		fields.push({
			displayName: kind === 'create' ? 'Additional Fields' : 'Update Fields',
			name: collection,
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description: hint,
			options: rest.map((f) => fieldProperty(f, false)).sort(byDisplayName),
		});
	}
	// Every JSON field of CLIENTXCMS (pricing by cycle, an address) is an object.
	const jsonKeys = used.filter((f) => f.kind === 'json').map((f) => ({ key: f.key, label: f.label, shape: 'object' as const }));
	// A create field is `required` in its FormRequest, which refuses an empty string: an empty text
	// (e.g. a webhook form without that field) or a blank customer is refused naming the field, before
	// anything is sent. Numbers and booleans always hold a value (0 and false pass `required`).
	const mapping = (f: BodyField): ParamMapping => ({
		param: f.key,
		label: f.kind === 'customer' ? 'Customer' : f.label,
		required: f.kind !== 'number' && f.kind !== 'boolean',
	});
	return { fields, body: { fields: top.map(mapping), collections: [collection], jsonKeys } };
}

/** The body as the server reads it: booleans as JSON booleans (see asBoolean), then the resource's own rules. */
function serverBody(all: BodyField[], finish: FinishBody | undefined, kind: 'create' | 'update', body: IDataObject, opCtx: OperationContext): IDataObject {
	const out: IDataObject = { ...body };
	for (const f of all) if (f.kind === 'boolean' && f.key in out) out[f.key] = asBoolean(out[f.key]);
	for (const f of all) if (f.kind === 'customer') customerIdOf(out, f.key, opCtx);
	return finish ? finish(out, kind) : out;
}

/**
 * Date-time fields as the wall clock "YYYY-MM-DD HH:MM:SS" of the workflow's time zone (the package's
 * one date-time rule, nodes/shared/dates.ts). The server keeps no zone: Laravel stores the digits and
 * reads them in the application's zone (`'timezone' => 'Europe/Paris'`, config/app.php:78), so the
 * workflow's zone should be the server's. Checked before anything is sent, the read of an update included.
 */
function localTimes(all: BodyField[], body: IDataObject, opCtx: OperationContext): IDataObject {
	const out: IDataObject = { ...body };
	const timeZone = opCtx.ctx.getTimezone();
	for (const f of all) {
		if (f.kind !== 'dateTime' || !(f.key in out)) continue;
		const local = optionalLocalDateTime(opCtx.ctx.getNode(), out[f.key], f.label, opCtx.itemIndex, timeZone);
		if (local === undefined) delete out[f.key];
		else out[f.key] = local;
	}
	return out;
}

export function createBody(all: BodyField[], finish?: FinishBody): NonNullable<OperationDef['buildBody']> {
	return (body, opCtx) => serverBody(all, finish, 'create', localTimes(all, body, opCtx), opCtx);
}

/** An Update's body: the fields set, plus what `merge` takes from the record as it is now. */
export function updateBody(resource: ResourceInfo, all: BodyField[], merge: MergeSpec | undefined, finish?: FinishBody): NonNullable<OperationDef['buildBody']> {
	return async (typed: IDataObject, opCtx: OperationContext): Promise<IDataObject> => {
		// Reading the record and writing it back unchanged would report a success that did nothing.
		if (Object.keys(typed).length === 0) {
			throw parameterError(opCtx.ctx.getNode(), 'No fields to update', opCtx.itemIndex, 'Set at least one field to update under "Update Fields".');
		}
		const body = localTimes(all, typed, opCtx);
		if (!merge || merge.keys.every((k) => k in body)) return serverBody(all, finish, 'update', body, opCtx);
		const id = readId(opCtx, resource);
		const current = await fetchRecord(opCtx.ctx, resource, id, opCtx.itemIndex, merge.include ? { include: merge.include } : {});
		const merged: IDataObject = {};
		for (const key of merge.keys) {
			if (key in body) continue;
			const read = merge.readBack?.[key];
			const value = read ? read(current) : current[key];
			if (value === undefined) {
				// A field the server resets when omitted, which the read did not return: sending without it
				// would silently erase it.
				if (merge.mustReadBack?.includes(key)) {
					const message = `Could not read the current "${key}" of ${resource.label.toLowerCase()} ${id}, which the update would erase`;
					throw new NodeApiError(opCtx.ctx.getNode(), { message } as JsonObject, {
						message,
						description: 'CLIENTXCMS resets this field when an update omits it, and its answer did not include it. Set the field in Update Fields.',
						itemIndex: opCtx.itemIndex,
					});
				}
				continue;
			}
			if (value === null) continue;
			merged[key] = value as IDataObject[string];
		}
		return serverBody(all, finish, 'update', { ...merged, ...body }, opCtx);
	};
}
