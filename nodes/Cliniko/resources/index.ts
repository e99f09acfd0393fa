import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { byDisplayName } from '../../shared/alphabetical';
import { listFields, operationProperties, resourceProperty } from '../../shared/description';
import { compactFields, ownShow } from '../../shared/compact';
import { parameterError } from '../../shared/errors';
import { nodeOf } from '../../shared/perContext';
import type { OperationContext, OperationDef, ParamMapping } from '../../shared/types';
import { describeValue, isBlank, parseJsonValue, textOf } from '../../shared/validate';
import { specBodies, specOperations, specResources } from '../generated/spec';
import { CANCEL_REQUIRED, CREATE_CURATION, DEFAULT_OPERATION, DEFAULT_RESOURCE, LOCATOR_ENTITIES } from './curation';
import { toDateOnly, toUtcDateTime } from './dates';
import { clinikoLocator, fieldProperty } from './fields';
import { FilterError, listFilterProperties, listQuery } from './filters';
import type { ListQueryInput } from './filters';
import { listPagination } from '../transport/paging';
import { addLinkedIds } from './linkedIds';
import { DEFAULT_MAX_WAIT_SECONDS, readOptions } from './options';
import type { SpecField, SpecOperation, SpecPathParam } from './types';
import { camelOf } from './words';

const INT64 = /^\d{1,19}$/;

// ------------------------------------------------------------------------------------------------
// Parameters of one operation
// ------------------------------------------------------------------------------------------------

function pathParamProperty(p: SpecPathParam): INodeProperties {
	if (LOCATOR_ENTITIES[p.entity]) return clinikoLocator(p.param, p.entity);
	const lower = p.label.toLowerCase();
	return {
		displayName: `${p.label} ID`,
		name: p.param,
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 1234567890123456789',
		description: `ID of the ${lower}`,
	};
}

/** Which body fields are top-level parameters for this operation, and with what defaults. */
function topLevelPlan(spec: SpecOperation): { required: string[]; optional: Record<string, unknown> } {
	if (!spec.body) return { required: [], optional: {} };
	const keys = new Set(specBodies[spec.body].map((f) => f.key));
	if (spec.kind === 'cancel') {
		const optional: Record<string, unknown> = {};
		for (const key of keys) if (!CANCEL_REQUIRED.includes(key)) optional[key] = undefined;
		return { required: CANCEL_REQUIRED.filter((k) => keys.has(k)), optional };
	}
	if (spec.kind !== 'create') return { required: [], optional: {} };
	const curation = CREATE_CURATION[spec.resource];
	if (!curation) return { required: [], optional: {} };
	const missing = curation.required.filter((k) => !keys.has(k));
	if (missing.length) throw new Error(`Cliniko curation names unknown fields of ${spec.resource}: ${missing.join(', ')}`);
	return { required: curation.required, optional: curation.topLevel ?? {} };
}

// Not called "Simplify": n8n's Simplify trims a record to fewer fields, this adds fields (issue 16).
const OPTION_ADD_LINKED_IDS: INodeProperties = {
	displayName: 'Add Linked IDs',
	name: 'addLinkedIds',
	type: 'boolean',
	default: false,
	description:
		'Whether to add an ID field next to each linked record (e.g. patient_id taken from patient.links.self), so workflows need not parse URLs. Nothing else changes.',
};

const OPTION_MAX_WAIT: INodeProperties = {
	displayName: 'Max Rate-Limit Wait (Seconds)',
	name: 'maxWaitSeconds',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: DEFAULT_MAX_WAIT_SECONDS,
	description:
		'Cliniko allows 200 requests a minute per user. When it says to wait, the node waits up to this long for the limit to reset, and fails the item only if the wait would be longer.',
};

function optionsProperty(spec: SpecOperation): INodeProperties {
	const has = (name: string) => (spec.filters ?? []).some(([f]) => f === name);
	const options: INodeProperties[] = [];
	const list = spec.kind === 'list';
	if (has('archived_at')) {
		options.push({
			displayName: 'Include Archived',
			name: 'includeArchived',
			type: 'boolean',
			default: false,
			description: list
				? 'Whether to include archived records, which Cliniko leaves out by default'
				: 'Whether to find the record even if it is archived (Cliniko hides archived records by default)',
		});
	}
	if (has('cancelled_at')) {
		options.push({
			displayName: 'Include Cancelled',
			name: 'includeCancelled',
			type: 'boolean',
			default: false,
			description: list
				? 'Whether to include cancelled records, which Cliniko leaves out by default'
				: 'Whether to find the record even if it is cancelled (Cliniko hides cancelled records by default)',
		});
	}
	options.push(OPTION_MAX_WAIT);
	if (!spec.empty) options.push(OPTION_ADD_LINKED_IDS);
	options.sort(byDisplayName);
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options,
	};
}

function collectionProperty(name: 'additionalFields' | 'updateFields', fields: SpecField[]): INodeProperties {
	const options = fields
		.map((f) => fieldProperty(f))
		.sort(byDisplayName);
	return {
		displayName: name === 'updateFields' ? 'Update Fields' : 'Additional Fields',
		name,
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options,
	};
}

/** All parameters of one operation, in the order the editor shows them (displayOptions added later). */
function operationParameters(spec: SpecOperation): INodeProperties[] {
	const out: INodeProperties[] = spec.pathParams.map(pathParamProperty);
	const bodyFields = spec.body ? specBodies[spec.body] : [];
	const plan = topLevelPlan(spec);
	const topKeys = [...plan.required, ...Object.keys(plan.optional)];
	for (const key of topKeys) {
		const field = bodyFields.find((f) => f.key === key) as SpecField;
		const property = fieldProperty(field, { topLevel: true, required: plan.required.includes(key), default: plan.optional[key] });
		out.push(property);
	}
	for (const q of spec.query ?? []) out.push(fieldProperty(q, { topLevel: true, required: q.required }));
	if (spec.kind === 'list') {
		// Limit keeps its own "Return All is off" condition.
		const [returnAll, limit] = listFields(spec.resource, spec.operation);
		out.push(returnAll, limit, ...listFilterProperties(spec));
	}
	const rest = bodyFields.filter((f) => !topKeys.includes(f.key));
	if (rest.length) {
		out.push(collectionProperty(spec.kind === 'create' ? 'additionalFields' : 'updateFields', rest));
	}
	out.push(optionsProperty(spec));
	return out;
}

// ------------------------------------------------------------------------------------------------
// Reading parameters into a request
// ------------------------------------------------------------------------------------------------

function invalid(opCtx: OperationContext, message: string, description?: string) {
	return parameterError(opCtx.ctx.getNode(), message, opCtx.itemIndex, description);
}

function idText(opCtx: OperationContext, label: string, value: unknown): string {
	const text = textOf(nodeOf(opCtx.ctx), value, label, opCtx.itemIndex);
	if (!INT64.test(text)) {
		throw invalid(opCtx, `${label} must be a Cliniko ID (digits only), not ${describeValue(text)}`, 'Cliniko IDs are whole numbers of up to 19 digits.');
	}
	return text;
}

/** Body values as Cliniko takes them: IDs as strings, times in UTC, dates as YYYY-MM-DD, JSON parsed. */
export function normaliseBody(body: IDataObject, fields: SpecField[], opCtx: OperationContext): IDataObject {
	const out: IDataObject = {};
	const timeZone = opCtx.ctx.getTimezone();
	const node = nodeOf(opCtx.ctx);
	for (const [key, value] of Object.entries(body)) {
		const field = fields.find((f) => f.key === key);
		const empty = isBlank(value);
		if (!field) {
			out[key] = value;
			continue;
		}
		if (empty) {
			// A field added and left empty clears it. The spec says how: a nullable field is sent as null
			// (an empty string would break the patterns of e.g. email or dva_card_number); a text field
			// that is not nullable (a name, a colour) cannot be cleared at all, so it is refused here
			// rather than answered 422; any other field is left out.
			if (field.nullable) out[key] = null;
			else if (field.kind === 'string') {
				throw invalid(
					opCtx,
					`${field.label} cannot be empty`,
					`Cliniko does not allow clearing "${field.label}": enter a value, or remove the field to leave it unchanged.`,
				);
			}
			continue;
		}
		switch (field.kind) {
			case 'id':
				out[key] = idText(opCtx, field.label, value);
				break;
			case 'idList': {
				const list = Array.isArray(value) ? value : textOf(node, value, field.label, opCtx.itemIndex).split(',');
				out[key] = list.map((v) => String(v).trim()).filter((v) => v !== '').map((v) => idText(opCtx, field.label, v));
				break;
			}
			case 'dateTime': {
				const utc = toUtcDateTime(value, timeZone);
				if (!utc) throw invalid(opCtx, `${field.label} is not a date and time: ${describeValue(value)}`, 'Use e.g. 2025-05-31T09:30:00 (workflow time zone) or 2025-05-31T09:30:00Z (UTC).');
				out[key] = utc;
				break;
			}
			case 'date': {
				const date = toDateOnly(value, timeZone);
				if (!date) throw invalid(opCtx, `${field.label} is not a date: ${describeValue(value)}`, 'Use e.g. 2025-05-31.');
				out[key] = date;
				break;
			}
			case 'decimal': {
				const text = textOf(node, value, field.label, opCtx.itemIndex);
				if (!/^-?\d+(\.\d+)?$/.test(text)) throw invalid(opCtx, `${field.label} is not a decimal number: ${describeValue(text)}`, 'Use e.g. 50 or 49.95.');
				out[key] = text;
				break;
			}
			case 'json': {
				// Every Cliniko JSON field holds an object or a list; an emptied field is how a value is cleared.
				const parsed = parseJsonValue(node, value, field.label, opCtx.itemIndex, 'objectOrList');
				if (parsed !== undefined) out[key] = parsed as IDataObject[string];
				break;
			}
			default:
				out[key] = value;
		}
	}
	return out;
}

function readListInput(opCtx: OperationContext, spec: SpecOperation): ListQueryInput {
	const { ctx, itemIndex } = opCtx;
	const options = readOptions(opCtx);
	const input: ListQueryInput = { includeArchived: options.includeArchived, includeCancelled: options.includeCancelled };
	if (spec.kind === 'list') {
		const filters = ctx.getNodeParameter('filters', itemIndex, {}) as { conditions?: ListQueryInput['conditions'] };
		input.conditions = filters.conditions ?? [];
		if (spec.sort) {
			const sort = ctx.getNodeParameter('sort', itemIndex, {}) as { fields?: ListQueryInput['sort'] };
			input.sort = sort.fields ?? [];
		}
	}
	return input;
}

function buildQuery(spec: SpecOperation) {
	return (opCtx: OperationContext): IDataObject => {
		const query: IDataObject = {};
		try {
			Object.assign(query, listQuery(spec, readListInput(opCtx, spec), opCtx.ctx.getTimezone()));
		} catch (error) {
			if (error instanceof FilterError) throw invalid(opCtx, error.message);
			throw invalid(opCtx, (error as Error).message);
		}
		for (const q of spec.query ?? []) {
			const value = opCtx.ctx.getNodeParameter(camelOf(q.key), opCtx.itemIndex, '') as unknown;
			if (value === '' || value === undefined || value === null) {
				if (q.required) throw invalid(opCtx, `${q.label} is empty`, `Enter a value for "${q.label}".`);
				continue;
			}
			if (q.kind === 'date') {
				const date = toDateOnly(value, opCtx.ctx.getTimezone());
				if (!date) throw invalid(opCtx, `${q.label} is not a date: ${describeValue(value)}`, 'Use e.g. 2025-05-31.');
				query[q.key] = date;
			} else if (q.kind === 'dateTime') {
				const utc = toUtcDateTime(value, opCtx.ctx.getTimezone());
				if (!utc) throw invalid(opCtx, `${q.label} is not a date and time: ${describeValue(value)}`);
				query[q.key] = utc;
			} else {
				query[q.key] = value as IDataObject[string];
			}
		}
		if (typeof query.from === 'string' && typeof query.to === 'string') {
			const days = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000;
			if (days < 0) throw invalid(opCtx, `From (${query.from}) is after To (${query.to})`);
			if (days > 7) throw invalid(opCtx, `From and To are ${days} days apart; Cliniko allows at most 7`);
		}
		return query;
	};
}

function validatePathIds(spec: SpecOperation) {
	return (opCtx: OperationContext, pathValues: Record<string, string>): void => {
		for (const p of spec.pathParams) idText(opCtx, `${p.label} ID`, pathValues[p.key]);
	};
}

function notFoundMessage(spec: SpecOperation, values: Record<string, string>): string {
	const params = spec.pathParams;
	const hint = (spec.filters ?? []).some(([f]) => f === 'archived_at') && spec.kind !== 'list'
		? ' (an archived record is only found with Options › Include Archived)'
		: '';
	if (params.length === 1) {
		const p = params[0];
		return `${p.label} not found: no ${p.label.toLowerCase()} with ID "${values[p.key]}"${hint}`;
	}
	return `Not found: no ${spec.resource === 'availableTime' ? 'availability' : 'record'} for ${params
		.map((p) => `${p.label.toLowerCase()} ID "${values[p.key]}"`)
		.join(', ')}${hint}`;
}

function emptyResult(spec: SpecOperation) {
	const flag: Record<string, string> = { archive: 'archived', cancel: 'cancelled', delete: 'deleted' };
	return (values: Record<string, string>): IDataObject => {
		const out: IDataObject = { success: true };
		if (values.id !== undefined) out.id = values.id;
		else for (const p of spec.pathParams) out[p.key] = values[p.key];
		if (flag[spec.kind]) out[flag[spec.kind]] = true;
		return out;
	};
}

/** The executor row of one generated operation, with the curated parameters. */
export function buildOperation(spec: SpecOperation): OperationDef {
	const bodyFields = spec.body ? specBodies[spec.body] : [];
	const plan = topLevelPlan(spec);
	const row: OperationDef = {
		resource: spec.resource,
		operation: spec.operation,
		name: spec.name,
		action: spec.action,
		description: spec.description,
		method: spec.method,
		path: spec.path,
		pathParams: spec.pathParams.map((p) => ({ param: p.param, as: p.key, label: `${p.label} ID` })),
		validate: validatePathIds(spec),
		buildQuery: buildQuery(spec),
		notFound: (values) => notFoundMessage(spec, values),
		emptyResult: emptyResult(spec),
		postProcess: (records, opCtx) => (readOptions(opCtx).addLinkedIds ? records.map(addLinkedIds) : records),
	};
	// Built when first read (running the operation, or generating the description), not when n8n loads
	// the package: the node's description comes from generated/properties.json (issue 17: cold load).
	let fields: INodeProperties[] | undefined;
	Object.defineProperty(row, 'fields', { enumerable: true, get: () => (fields ??= operationParameters(spec)) });
	if (spec.kind === 'list' && spec.itemsPath) row.pagination = listPagination(spec.itemsPath);
	if (spec.body) {
		const top: ParamMapping[] = [...plan.required, ...Object.keys(plan.optional)].map((key) => {
			const field = bodyFields.find((f) => f.key === key) as SpecField;
			// As the parameter is labelled: a picker drops the " ID" ("Patient", "Related Patient").
			const label = LOCATOR_ENTITIES[field.entity ?? ''] && field.kind === 'id' ? field.label.replace(/ ID$/, '') : field.label;
			return { param: camelOf(key), as: key, required: plan.required.includes(key), label };
		});
		const collection = spec.kind === 'create' ? 'additionalFields' : 'updateFields';
		const hasCollection = bodyFields.some((f) => !top.some((t) => t.as === f.key));
		row.body = { fields: top, collections: hasCollection ? [collection] : [] };
		row.buildBody = (body, opCtx) => {
			const out = normaliseBody(body, bodyFields, opCtx);
			// The spec requires a body on every operation that has one, and n8n sends an empty object as
			// no body at all: with nothing to send, say what to add instead.
			if (Object.keys(out).length === 0) {
				const where = hasCollection ? (collection === 'updateFields' ? 'Update Fields' : 'Additional Fields') : 'the fields above';
				throw invalid(opCtx, `Nothing to send: add at least one field under ${where}`, `Cliniko needs a request body for ${spec.name} (${spec.method} ${spec.path}).`);
			}
			return out;
		};
	}
	return row;
}

// ------------------------------------------------------------------------------------------------
// The node's table and parameters
// ------------------------------------------------------------------------------------------------

/** Every current Cliniko operation: what the executor runs and `npm run catalog` lists. */
export const clinikoOperations: OperationDef[] = specOperations.map(buildOperation);

function operationDefaults(): Record<string, string> {
	const defaults: Record<string, string> = { ...DEFAULT_OPERATION };
	for (const row of clinikoOperations) {
		if (!defaults[row.resource] && row.operation === 'getAll') defaults[row.resource] = 'getAll';
	}
	return defaults;
}

/**
 * Resource, Operation and every operation's fields, each shown only for its resource and operation;
 * identical fields of several operations, in any resource, share one definition (shared/compact.ts).
 */
export function clinikoProperties(): INodeProperties[] {
	const fields: INodeProperties[] = [];
	for (const row of clinikoOperations) {
		for (const field of row.fields ?? []) {
			// listFields' own displayOptions name the resource and operation already; other conditions are kept.
			const own = ownShow(field.displayOptions?.show);
			fields.push({
				...field,
				displayOptions: { ...field.displayOptions, show: { resource: [row.resource], operation: [row.operation], ...own } },
			});
		}
	}
	return [
		resourceProperty(
			specResources.map((r) => ({ name: r.name, value: r.value })),
			DEFAULT_RESOURCE,
		),
		...operationProperties(clinikoOperations, operationDefaults()),
		...compactFields(fields, clinikoOperations),
	];
}
