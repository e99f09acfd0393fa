// Every operation of the spec becomes a route. Each one is classified once (list, get, create,
// update, archive, unarchive, cancel, delete, or one of the special endpoints); the classification
// must cover all 211 operations or the simulator refuses to start.
import { z, type ZodError, type ZodIssue, type ZodTypeAny } from 'zod';
import type { HookContext, Route, SimRequest, SimResponse } from '../core';
import { compareValues, matchesFilter } from './filters';
import { OpenApiZod } from './openapi-zod';
import { ListQuery, querySchema, readQuery } from './query';
import { ARRAY_REFERENCES, REFERENCES, RESOURCE_BY_COLLECTION, resource, sortableColumns, type Row } from './resources';
import { CLINIKO_ACCOUNT_TIME_ZONE } from './seed';
import { clinikoOperations, deref, loadClinikoSpec, type SpecOperation } from './spec';
import { BOOKING_SOURCES, type ClinikoState } from './state';
import { addDays, DAY_MS, dayOfWeek, isoSeconds, localDate, localToUtc } from './time';

export interface ClinikoSettings {
	/**
	 * What a body field the spec does not have gets. false (default): ignored, as Rails' parameter
	 * filtering does (INFERENCE: Cliniko is a Rails app; unknown attributes are dropped silently);
	 * true: 422 `{"<field>": "is not a known attribute"}`. The violation is recorded either way.
	 */
	rejectUnknownFields: boolean;
	/**
	 * Hostile or broken paging, off by default (issue 12: a loop over server answers must be bounded):
	 * - 'ignorePage': every list answers page 1 whatever `page` says, with links as for page 1, as a
	 *   reverse proxy or CDN cache that keys on the path and drops the query's page would.
	 * - 'emptyPagesForever': past the last page, every page is an empty list that still links to the
	 *   next one, as a paginator that writes `next = page + 1` without counting does.
	 */
	pagingFault?: 'ignorePage' | 'emptyPagesForever';
	/**
	 * What the operations, query parameters and body properties the spec marks deprecated get.
	 * false (default): the least convenient plausible Cliniko, one that has removed them — a deprecated
	 * operation is a 404 like any route that does not exist, `order` is ignored, a deprecated property
	 * is dropped (422 with rejectUnknownFields). true: served as documented. Recorded as violations
	 * either way (issue 14, point 15).
	 */
	serveDeprecated: boolean;
}

/** U+2019, as Cliniko writes it: "can’t be blank" (ISS #261). */
export const CANT_BE_BLANK = 'can\u2019t be blank';

export const clinikoErrors = {
	/** FACT (ISS #164 title, Rails' http_basic_authenticate): a plain-text 401. */
	unauthorized: (): SimResponse => ({ status: 401, body: 'HTTP Basic: Access denied.\n', headers: { 'WWW-Authenticate': 'Basic realm="Application"' } }),
	/** FACT: the text (ISS #177). INFERENCE: the status (400) and plain text. */
	userAgentRequired: (): SimResponse => ({ status: 400, body: 'Requires a user agent' }),
	/** INFERENCE: the 404 body is undocumented; a JSON message like Cliniko's other errors. Also for unknown routes. */
	notFound: (): SimResponse => ({ status: 404, body: { message: 'Not found' } }),
	/** FACT: 422 `{"message": "Validation Failed", "errors": {...}}` (OAS ValidationError, ISS #261). */
	validation: (errors: Record<string, string>): SimResponse => ({ status: 422, body: { message: 'Validation Failed', errors } }),
	/** INFERENCE: the undocumented answer to a malformed filter, sort or body. */
	badRequest: (message: string): SimResponse => ({ status: 400, body: { message } }),
	/** FACT: 400 and this text for a missing or wrong from/to (GH available_times.md); JSON wrapping is INFERENCE. */
	timeFrame: (): SimResponse => ({ status: 400, body: { message: 'Invalid time frame definition. Please check from/to param limitations.' } }),
	/** FACT: 429 with X-RateLimit-Reset (UNIX seconds). INFERENCE: the body. */
	tooManyRequests: (resetAtMs: number): SimResponse => ({ status: 429, body: { message: 'Too many requests' }, headers: { 'X-RateLimit-Reset': String(Math.ceil(resetAtMs / 1000)) } }),
	serverError: (): SimResponse => ({ status: 500, body: { message: 'Internal server error' } }),
};

// --- classification ------------------------------------------------------------------------------

export type OperationKind =
	| 'list'
	| 'get'
	| 'create'
	| 'update'
	| 'archive'
	| 'unarchive'
	| 'cancel'
	| 'delete-archives'
	| 'delete'
	| 'conflicts'
	| 'available-times'
	| 'next-available-time'
	| 'presigned-post'
	| 'current-user'
	| 'settings'
	| 'public-settings'
	| 'signature'
	| 'get-referral-source'
	| 'update-referral-source';

export interface ClassifiedOperation {
	op: SpecOperation;
	kind: OperationKind;
	/** The collection (or view: bookings, services) the operation reads or writes. */
	collection: string;
	/** Lists: the envelope's array key. */
	listKey?: string;
	/** Lists under a parent (`/patients/{patient_id}/invoices`): the parent and its parameter. */
	parent?: { collection: string; param: string };
	/** `/practitioners` (true), `/practitioners/inactive` (false). */
	active?: boolean;
}

const SPECIAL: Record<string, OperationKind> = {
	'GetAllAvailableTimes-Get': 'available-times',
	'GetNextAvailableTime-Get': 'next-available-time',
	'PresignedPost-Get': 'presigned-post',
	'GetAuthenticatedUser-Get': 'current-user',
	'GetSettings-Get': 'settings',
	'GetPublicSettings-Get': 'public-settings',
	'GetSignature-Get': 'signature',
	'GetReferralSource-Get': 'get-referral-source',
	'UpdateReferralSource-Patch': 'update-referral-source',
};

const VIEWS = new Set(['bookings', 'services']);

function knownCollection(name: string): boolean {
	return RESOURCE_BY_COLLECTION.has(name) || VIEWS.has(name);
}

/** The collection a parent path segment names (`/appointments/{id}/invoices`: appointments are bookings). */
function parentCollection(segment: string): string {
	return segment === 'appointments' ? 'bookings' : segment;
}

export function classifyOperation(op: SpecOperation): ClassifiedOperation {
	const segments = op.path.split('/').slice(1);
	const literals = segments.filter((s) => !s.startsWith('{'));
	const special = SPECIAL[op.operationId];
	if (special) {
		const collection = special === 'signature' ? 'signatures' : special === 'current-user' ? 'users' : special.includes('referral-source') ? 'referral_sources' : special === 'presigned-post' ? 'patient_attachments' : 'settings';
		return { op, kind: special, collection };
	}
	const last = segments[segments.length - 1];
	const responseProps = Object.keys(op.responseSchema?.properties ?? {});
	if (op.method === 'GET' && responseProps.includes('total_entries')) {
		const listKey = responseProps.find((p) => p !== 'total_entries' && p !== 'links')!;
		const filtered = last === 'active' || last === 'inactive';
		const collection = filtered ? segments[segments.length - 2] : last;
		const paramIndex = segments.findIndex((s) => s.startsWith('{'));
		const parent = paramIndex > 0 ? { collection: parentCollection(segments[paramIndex - 1]), param: segments[paramIndex].slice(1, -1) } : undefined;
		return { op, kind: 'list', collection, listKey, parent, active: collection === 'practitioners' ? last !== 'inactive' : undefined };
	}
	const collection = literals[0];
	if (!knownCollection(collection)) throw new Error(`Cliniko simulator: ${op.operationId} names no known collection`);
	if (last === 'conflicts') return { op, kind: 'conflicts', collection };
	if (op.method === 'POST' && last === 'archive') return { op, kind: 'archive', collection };
	if (op.method === 'POST' && last === 'unarchive') return { op, kind: 'unarchive', collection };
	if (op.method === 'PATCH' && last === 'cancel') return { op, kind: 'cancel', collection };
	if (segments.length === 1 && op.method === 'POST') return { op, kind: 'create', collection };
	if (segments.length === 2 && segments[1] === '{id}') {
		if (op.method === 'GET') return { op, kind: 'get', collection };
		if (op.method === 'PATCH') return { op, kind: 'update', collection };
		// The deprecated DELETEs are documented as "Archive …"; the four kept ones remove the record.
		if (op.method === 'DELETE') return { op, kind: op.deprecated ? 'delete-archives' : 'delete', collection };
	}
	throw new Error(`Cliniko simulator: cannot classify ${op.method} ${op.path} (${op.operationId})`);
}

// --- request reading --------------------------------------------------------------------------------

const doc = () => loadClinikoSpec();
let strictConverter: OpenApiZod | undefined;
let lenientConverter: OpenApiZod | undefined;

export interface BodySchemas {
	/** What the framework checks: fatal issues as zod reports them, tolerated ones as `custom` issues with params.kind 'tolerated'. */
	check: ZodTypeAny;
	/** What the handler reads: unknown fields dropped, type-castable values converted. */
	read: ZodTypeAny;
}

/**
 * A body is checked twice. Against the spec as Rails would read it (unknown fields dropped, values
 * type-cast): failing that is fatal, answered 422. Against the spec exactly (strict): what only
 * that finds — an unknown field, an ID sent as a number — is tolerated, as Cliniko (a Rails app)
 * would tolerate it (INFERENCE), but it is still a violation, so the node's test fails.
 */
/** Top-level request-body properties the spec marks `deprecated` (AppointmentType billable_item_id, …). */
export function deprecatedBodyProperties(op: SpecOperation): string[] {
	if (!op.requestBody) return [];
	const schema = deref(doc(), op.requestBody);
	const out = new Set<string>();
	for (const alternative of schema.anyOf ?? schema.oneOf ?? [schema]) {
		for (const [key, property] of Object.entries(deref(doc(), alternative).properties ?? {})) {
			if (deref(doc(), property).deprecated) out.add(key);
		}
	}
	return [...out];
}

function bodySchemas(op: SpecOperation): BodySchemas | undefined {
	if (!op.requestBody) return undefined;
	const deprecated = deprecatedBodyProperties(op);
	strictConverter ??= new OpenApiZod(doc(), { unknownKeys: 'strict' });
	lenientConverter ??= new OpenApiZod(doc(), { unknownKeys: 'strip', coerce: true });
	const strict = strictConverter.convert(op.requestBody);
	const lenient = lenientConverter.convert(op.requestBody);
	// An empty body is an empty object: the required-field rules then answer 422 like Cliniko does.
	const empty = (value: unknown) => (value === undefined ? {} : value);
	const check = z.unknown().superRefine((raw, ctx) => {
		const body = empty(raw);
		const read = lenient.safeParse(body);
		if (!read.success) {
			for (const issue of read.error.issues) ctx.addIssue(issue as z.IssueData);
			return;
		}
		// A deprecated property is tolerated like an unknown one (dropped unless serveDeprecated, 422
		// with rejectUnknownFields), and recorded.
		if (body && typeof body === 'object' && !Array.isArray(body)) {
			for (const key of deprecated.filter((k) => k in body)) {
				const issue = { code: z.ZodIssueCode.unrecognized_keys, keys: [key], path: [], message: `${key} is deprecated in the spec` };
				ctx.addIssue({ code: z.ZodIssueCode.custom, path: [key], message: issue.message, params: { kind: 'tolerated', issue } });
			}
		}
		const exact = strict.safeParse(body);
		if (exact.success) return;
		for (const issue of exact.error.issues) {
			ctx.addIssue({ code: z.ZodIssueCode.custom, path: issue.path, message: issue.message, params: { kind: 'tolerated', issue } });
		}
	});
	return { check, read: z.preprocess(empty, lenient) };
}

function sortableFor(c: ClassifiedOperation): Set<string> {
	if (c.collection === 'services') return new Set();
	if (c.collection === 'bookings') {
		const out = new Set<string>();
		for (const source of BOOKING_SOURCES) for (const col of sortableColumns(source)) out.add(col);
		return out;
	}
	return RESOURCE_BY_COLLECTION.has(c.collection) ? sortableColumns(c.collection) : new Set();
}

/** Rails-style messages for schema issues (the violation keeps zod's exact wording). */
function railsMessage(issue: ZodIssue): string {
	switch (issue.code) {
		case 'invalid_type':
			return issue.received === 'undefined' ? CANT_BE_BLANK : 'is invalid';
		case 'invalid_enum_value':
		case 'invalid_literal':
			return 'is not included in the list';
		case 'custom':
			return issue.params?.enum ? 'is not included in the list' : 'is invalid';
		case 'too_small':
			if (issue.type === 'string') return `is too short (minimum is ${String(issue.minimum)} characters)`;
			if (issue.type === 'number') return `must be greater than ${issue.inclusive ? 'or equal to ' : ''}${String(issue.minimum)}`;
			return 'is too short';
		case 'too_big':
			if (issue.type === 'string') return `is too long (maximum is ${String(issue.maximum)} characters)`;
			if (issue.type === 'number') return `must be less than ${issue.inclusive ? 'or equal to ' : ''}${String(issue.maximum)}`;
			return 'is too long';
		default:
			return 'is invalid';
	}
}

function fieldKey(path: Array<string | number>): string {
	return path.filter((p) => typeof p === 'string').join('.');
}

/** The answer to a request whose query or body failed its schema (framework `invalidRequest` hook). */
export function answerInvalid(where: 'query' | 'body', error: ZodError, settings: ClinikoSettings): SimResponse | null {
	if (where === 'query') {
		const kinds = new Set(error.issues.map((i) => (i.code === 'custom' ? (i.params?.kind as string) : 'filter')));
		if (kinds.has('timeframe')) return clinikoErrors.timeFrame();
		if (kinds.has('filter')) {
			const messages = error.issues.filter((i) => i.code !== 'custom' || i.params?.kind === 'filter').map((i) => i.message);
			return clinikoErrors.badRequest(`Invalid search parameters: ${messages.join('; ')}`);
		}
		return null; // only 'ignore'/'lenient' problems: answered normally
	}
	const fatal = error.issues.filter((i) => !(i.code === 'custom' && i.params?.kind === 'tolerated'));
	const tolerated = error.issues.flatMap((i) => (i.code === 'custom' && i.params?.kind === 'tolerated' ? [i.params.issue as ZodIssue] : []));
	if (fatal.some((i) => i.path.length === 0)) return clinikoErrors.badRequest('The request body must be a JSON object.');
	// ISS #254: a JSON string where an object belongs (treatment note `content`) gave `{"message":"must be an object"}`.
	// INFERENCE: the status (422).
	if (fatal.some((i) => i.code === 'invalid_type' && i.expected === 'object')) return { status: 422, body: { message: 'must be an object' } };
	const errors: Record<string, string> = {};
	for (const issue of fatal) errors[fieldKey(issue.path) || 'base'] ??= railsMessage(issue);
	if (settings.rejectUnknownFields) {
		for (const issue of tolerated) {
			if (issue.code === 'unrecognized_keys') for (const key of issue.keys) errors[fieldKey([...issue.path, key])] = 'is not a known attribute';
		}
	}
	return Object.keys(errors).length > 0 ? clinikoErrors.validation(errors) : null;
}

// --- handlers ---------------------------------------------------------------------------------------

interface Entry {
	collection: string;
	row: Row;
}

const EXCLUDED_UNLESS_FILTERED = ['archived_at', 'cancelled_at', 'deleted_at'] as const;

function isBlank(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

export function clinikoRoutes(settings: ClinikoSettings): Route<ClinikoState>[] {
	const routes: Route<ClinikoState>[] = [];
	for (const op of clinikoOperations()) {
		const c = classifyOperation(op);
		const sortable = sortableFor(c);
		const bodies = bodySchemas(op);
		const deprecated = deprecatedBodyProperties(op);
		routes.push({
			method: op.method,
			path: op.routePath,
			query: querySchema(op, sortable, settings),
			body: bodies?.check,
			guard: (req, ctx) => guard(op, settings, req, ctx),
			handler: (req, { state }) => {
				const query = req.query instanceof ListQuery ? req.query : readQuery(op, req.query as Record<string, string | string[]>, sortable, settings).query;
				const parsedBody = bodies ? bodies.read.safeParse(req.body) : undefined;
				const body = (parsedBody?.success ? parsedBody.data : {}) as Record<string, unknown>;
				if (!settings.serveDeprecated) for (const key of deprecated) delete body[key];
				return handle(c, { req, state, query, body, settings });
			},
		});
	}
	// Literal segments before parameters: `/patient_cases/active` must not be read as `/patient_cases/{id}`.
	return routes.sort((a, b) => specificity(b.path) - specificity(a.path));
}

/**
 * What is refused before the query and body are read (issue 14, point 15), each recorded:
 * - a path ID that is not digits: Cliniko's routes take numeric IDs (every path parameter is int64 in
 *   the spec; INFERENCE: Rails routes constrained to \d+), so it is a route that does not exist: 404;
 * - a deprecated operation: 404 as a removed route, unless settings.serveDeprecated;
 * - a body on an operation that documents none: 400 (INFERENCE: Rails would ignore it; the least
 *   convenient plausible answer, as front ends such as CloudFront refuse a GET with a body);
 * - an operation whose spec requires a body, sent without one: recorded only; the handler answers as
 *   Cliniko does to an unprocessed body, with validation errors (FACT, ISS #362).
 */
function guard(op: SpecOperation, settings: ClinikoSettings, req: SimRequest, ctx: HookContext): SimResponse | null {
	for (const name of op.pathParams) {
		const value = req.params[name] ?? '';
		if (!/^\d+$/.test(value)) {
			ctx.violate('no-route', `${req.method} ${req.rawPath}: ${JSON.stringify(value)} is not a numeric ID, so no route of Cliniko matches (${op.path} takes an int64 ${name})`);
			return clinikoErrors.notFound();
		}
	}
	if (op.deprecated) {
		ctx.violate('deprecated', `${op.method} ${op.path} (${op.operationId}) is deprecated in the spec`);
		if (!settings.serveDeprecated) return clinikoErrors.notFound();
	}
	if (!op.requestBody && req.body !== undefined) {
		ctx.violate('invalid-body', `${op.method} ${op.path} takes no request body, but one was sent`);
		return clinikoErrors.badRequest('This request takes no body.');
	}
	if (op.requestBody && req.body === undefined) {
		ctx.violate('invalid-body', `${op.method} ${op.path} requires a request body (the spec marks it required), but none was sent`);
	}
	return null;
}

function specificity(path: string): number {
	// Compare segment by segment: a literal beats a parameter at the first difference.
	return path
		.split('/')
		.slice(1)
		.reduce((score, segment, i) => score + (segment.startsWith(':') ? 0 : 2 ** (20 - i)), 0);
}

interface Context {
	req: SimRequest;
	state: ClinikoState;
	query: ListQuery;
	body: Record<string, unknown>;
	settings?: ClinikoSettings;
}

function handle(c: ClassifiedOperation, ctx: Context): SimResponse {
	switch (c.kind) {
		case 'list':
			return list(c, ctx);
		case 'get':
			return getOne(c, ctx);
		case 'create':
			return create(c, ctx);
		case 'update':
			return update(c, ctx);
		case 'archive':
		case 'delete-archives': {
			const row = ctx.state.row(c.collection, ctx.req.params.id);
			if (!row) return clinikoErrors.notFound();
			if (row.archived_at == null) {
				const now = ctx.state.nowIso();
				ctx.state.modify(c.collection, row.id, { archived_at: now, updated_at: now });
			}
			return { status: 204 };
		}
		case 'unarchive': {
			const row = ctx.state.row(c.collection, ctx.req.params.id);
			if (!row) return clinikoErrors.notFound();
			const updated = row.archived_at == null ? row : ctx.state.modify(c.collection, row.id, { archived_at: null });
			return { status: 200, body: ctx.state.render(c.collection, updated) };
		}
		case 'cancel':
			return cancel(c, ctx);
		case 'delete':
			return ctx.state.delete(c.collection, ctx.req.params.id) ? { status: 204 } : clinikoErrors.notFound();
		case 'conflicts':
			return conflicts(c, ctx);
		case 'available-times':
		case 'next-available-time':
			return availableTimes(c, ctx);
		case 'presigned-post':
			return presignedPost(ctx);
		case 'current-user': {
			const user = ctx.state.row('users', ctx.state.currentUserId);
			return user ? { status: 200, body: ctx.state.render('users', user) } : clinikoErrors.notFound();
		}
		case 'settings':
			return { status: 200, body: structuredClone(ctx.state.settings) };
		case 'public-settings':
			return { status: 200, body: structuredClone(ctx.state.publicSettings) };
		case 'signature': {
			const form = ctx.state.row('patient_forms', ctx.req.params.patient_form_id);
			const signature = ctx.state.row('signatures', ctx.req.params.id);
			if (!form || !signature) return clinikoErrors.notFound();
			return { status: 200, body: ctx.state.render('signatures', signature) };
		}
		case 'get-referral-source':
		case 'update-referral-source':
			return referralSource(c, ctx);
	}
}

/** Single records honour the archived/cancelled/deleted rule of lists (see list()). */
function visible(row: Row, query: ListQuery): boolean {
	for (const field of EXCLUDED_UNLESS_FILTERED) {
		const filters = query.filtersOn(field);
		if (filters.length === 0) {
			if (row[field] != null) return false;
		} else if (!filters.every((f) => matchesFilter(row[field], f))) return false;
	}
	return true;
}

function getOne(c: ClassifiedOperation, { req, state, query }: Context): SimResponse {
	const id = req.params.id;
	const entry: Entry | undefined = c.collection === 'bookings' ? state.bookingSource(id) : (() => {
		const row = state.row(c.collection, id);
		return row ? { collection: c.collection, row } : undefined;
	})();
	// INFERENCE (research §8): the single GETs take q[] archived_at / cancelled_at / deleted_at,
	// which only makes sense if such records are hidden without it, so an archived patient or a
	// cancelled appointment answers 404 unless asked for with e.g. `q[]=archived_at:*`.
	if (!entry || !visible(entry.row, query)) return clinikoErrors.notFound();
	return { status: 200, body: state.render(entry.collection, entry.row, c.collection === 'bookings' ? `${state.baseUrl}/bookings/${id}` : undefined) };
}

function parentExists(state: ClinikoState, parent: { collection: string; param: string }, id: string): boolean {
	return state.row(parent.collection, id) !== undefined;
}

/** The rows a list starts from, before filters: the collection, a parent's children, or a view. */
function baseEntries(c: ClassifiedOperation, state: ClinikoState, params: Record<string, string>): Entry[] {
	const parentId = c.parent ? params[c.parent.param] : undefined;
	const from = (collection: string, keep: (row: Row) => boolean = () => true): Entry[] => {
		const out: Entry[] = [];
		for (const row of state.table(collection).values()) if (keep(row)) out.push({ collection, row });
		return out;
	};
	switch (c.collection) {
		case 'bookings': {
			const all = BOOKING_SOURCES.flatMap((source) => from(source));
			if (!parentId) return all;
			// A patient case's bookings: its individual appointments, and classes one of its attendees is in.
			const caseBookings = new Set<string>();
			for (const attendee of state.table('attendees').values()) if (attendee.patient_case_id === parentId) caseBookings.add(String(attendee.booking_id));
			return all.filter(({ row }) => row.patient_case_id === parentId || caseBookings.has(row.id));
		}
		case 'services': {
			const out: Entry[] = [];
			const businesses = [...state.table('businesses').values()].filter((b) => b.archived_at == null && (!parentId || b.id === parentId));
			for (const business of businesses) {
				for (const typeId of (business.appointment_type_ids as string[]) ?? []) {
					const type = state.row('appointment_types', typeId);
					if (!type || type.archived_at != null) continue;
					const practitionerIds = ((type.practitioner_ids as string[]) ?? []).filter((pid) => {
						const p = state.row('practitioners', pid);
						return p && p.active !== false && ((p.business_ids as string[]) ?? []).includes(business.id);
					});
					out.push({ collection: 'services', row: { id: `${business.id}-${type.id}`, created_at: type.created_at, updated_at: type.updated_at, appointment_type_id: type.id, business_id: business.id, practitioner_ids: practitionerIds } });
				}
			}
			return out;
		}
		case 'practitioners': {
			let keep = (row: Row) => (c.active ? row.active !== false : row.active === false);
			if (c.parent?.collection === 'businesses') {
				const base = keep;
				keep = (row) => base(row) && ((row.business_ids as string[]) ?? []).includes(parentId!);
			}
			if (c.parent?.collection === 'appointment_types') {
				const ids = new Set((state.row('appointment_types', parentId!)?.practitioner_ids as string[]) ?? []);
				const base = keep;
				keep = (row) => base(row) && ids.has(row.id);
			}
			return from('practitioners', keep);
		}
		case 'appointment_types':
			if (parentId) return from('appointment_types', (row) => ((row.practitioner_ids as string[]) ?? []).includes(parentId));
			return from('appointment_types');
		case 'patient_cases':
			// INFERENCE: an active case is one not closed (and not past its expiry date).
			if (c.op.path.endsWith('/active')) {
				const today = localDate(CLINIKO_ACCOUNT_TIME_ZONE, state.clock.now());
				return from('patient_cases', (row) => row.closed_at == null && (row.expiry_date == null || String(row.expiry_date) >= today));
			}
			return from('patient_cases');
		case 'patient_attachments':
			if (c.parent?.collection === 'patient_cases') {
				const ids = new Set((state.row('patient_cases', parentId!)?.patient_attachment_ids as string[]) ?? []);
				return from('patient_attachments', (row) => ids.has(row.id));
			}
			break;
		case 'attendees':
			if (c.parent && c.parent.collection !== 'patient_cases') return from('attendees', (row) => row.booking_id === parentId);
			break;
		default:
			break;
	}
	if (c.parent && parentId) {
		// `/patients/{patient_id}/invoices` → invoices with patient_id = …; `/appointments/{appointment_id}/…` likewise.
		const fk = c.parent.param;
		return from(c.collection, (row) => row[fk] === parentId);
	}
	return from(c.collection);
}

function queryString(rawQuery: string, page: number): string {
	const parts: string[] = [];
	for (const [key, value] of new URLSearchParams(rawQuery)) {
		if (key === 'page') continue;
		parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
	}
	parts.push(`page=${page}`);
	return parts.join('&');
}

function pageLinks(req: SimRequest, state: ClinikoState, page: number, lastPage: number, endless = false): Record<string, string> {
	const path = `${state.baseUrl}${req.rawPath.replace(/^\/v1/, '')}`;
	const links: Record<string, string> = { self: `${path}?${queryString(req.rawQuery, page)}` };
	// DOCS: "The pagination links will only be included if they are relevant".
	if (page > 1) links.previous = `${path}?${queryString(req.rawQuery, Math.min(page - 1, Math.max(lastPage, 1)))}`;
	if (page < lastPage || endless) links.next = `${path}?${queryString(req.rawQuery, page + 1)}`;
	return links;
}

function list(c: ClassifiedOperation, { req, state, query, settings }: Context): SimResponse {
	if (c.parent && !parentExists(state, c.parent, req.params[c.parent.param])) return clinikoErrors.notFound();
	let entries = baseEntries(c, state, req.params);
	// DOCS: lists leave out archived (and, for appointments and attendees, cancelled) records; a
	// filter on the field brings them back (`archived_at:*` = all, `archived_at:?` = only those).
	for (const field of EXCLUDED_UNLESS_FILTERED) {
		if (query.filtersOn(field).length === 0) entries = entries.filter(({ row }) => row[field] == null);
	}
	for (const filter of query.filters) entries = entries.filter(({ collection, row }) => matchesFilter(state.filterValue(collection, row, filter.field), filter));
	const keys = query.sort ?? (c.collection === 'services' ? [] : [{ field: 'created_at', descending: query.order === 'desc' }]);
	if (keys.length > 0) {
		entries.sort((a, b) => {
			for (const key of keys) {
				const cmp = compareValues(a.row[key.field], b.row[key.field]);
				if (cmp !== 0) return key.descending ? -cmp : cmp;
			}
			return compareValues(a.row.id, b.row.id);
		});
	}
	const total = entries.length;
	const lastPage = Math.max(1, Math.ceil(total / query.perPage));
	const page = settings?.pagingFault === 'ignorePage' ? 1 : query.page;
	const pageEntries = entries.slice((page - 1) * query.perPage, page * query.perPage);
	const items = pageEntries.map(({ collection, row }) =>
		collection === 'services' ? state.renderSchema('Service', collection, row) : state.render(collection, row, c.collection === 'bookings' ? `${state.baseUrl}/bookings/${row.id}` : undefined),
	);
	return { status: 200, body: { [c.listKey!]: items, total_entries: total, links: pageLinks(req, state, page, lastPage, settings?.pagingFault === 'emptyPagesForever') } };
}

/** 422 errors for required fields left blank and references to records that do not exist. */
function validateWrite(collection: string, body: Record<string, unknown>, isCreate: boolean, state: ClinikoState): Record<string, string> {
	const errors: Record<string, string> = {};
	for (const field of resource(collection).requiredOnCreate ?? []) {
		if ((isCreate || field in body) && isBlank(body[field])) errors[field] = CANT_BE_BLANK;
	}
	for (const [field, target] of Object.entries(REFERENCES)) {
		const value = body[field];
		if (typeof value === 'string' && value !== '' && !errors[field] && !state.row(target, value)) errors[field.replace(/_id$/, '')] = 'must exist';
	}
	for (const [field, target] of Object.entries(ARRAY_REFERENCES)) {
		const value = body[field];
		if (Array.isArray(value) && value.some((id) => typeof id === 'string' && !state.row(target, id))) errors[field] = 'must exist';
	}
	return errors;
}

function create(c: ClassifiedOperation, { state, body }: Context): SimResponse {
	const errors = validateWrite(c.collection, body, true, state);
	if (Object.keys(errors).length > 0) return clinikoErrors.validation(errors);
	const values: Record<string, unknown> = { ...body };
	if (c.collection === 'stock_adjustments' || c.collection === 'patient_attachments') values.user_id = state.currentUserId;
	if (c.collection === 'treatment_notes') {
		const author = state.row('users', state.currentUserId);
		values.author_name = author ? `${String(author.first_name)} ${String(author.last_name)}` : null;
	}
	if (c.collection === 'communications') values.category_code = 12;
	if (c.collection === 'businesses') values.label = body.business_name ?? null;
	if (c.collection === 'attendees' && typeof body.booking_id === 'string' && !state.row('group_appointments', body.booking_id)) {
		// INFERENCE: an individual appointment has exactly one attendee, its patient.
		return clinikoErrors.validation({ booking: 'must be a group appointment' });
	}
	const row = state.insert(c.collection, values);
	if (c.collection === 'individual_appointments') state.ensureAttendee(row);
	const rendered = state.render(c.collection, row);
	// GH examples show a Location header on 201.
	return { status: 201, body: rendered, headers: { Location: rendered.links.self } };
}

function update(c: ClassifiedOperation, { req, state, body }: Context): SimResponse {
	// INFERENCE: an archived or cancelled record can still be changed (archive/unarchive/cancel too);
	// only reads hide it.
	const row = state.row(c.collection, req.params.id);
	if (!row) return clinikoErrors.notFound();
	const errors = validateWrite(c.collection, body, false, state);
	if (Object.keys(errors).length > 0) return clinikoErrors.validation(errors);
	const updated = state.modify(c.collection, row.id, body);
	return { status: 200, body: state.render(c.collection, updated) };
}

function cancel(c: ClassifiedOperation, { req, state, body }: Context): SimResponse {
	const row = state.row(c.collection, req.params.id);
	if (!row) return clinikoErrors.notFound();
	// FACT (GH): cancellation_reason is mandatory.
	if (isBlank(body.cancellation_reason)) return clinikoErrors.validation({ cancellation_reason: CANT_BE_BLANK });
	if (c.collection === 'attendees' && !state.row('group_appointments', String(row.booking_id))) {
		// FACT (OAS): attendee cancel only works for attendees of group appointments. INFERENCE: the answer.
		return clinikoErrors.validation({ base: 'Only attendees of group appointments can be cancelled' });
	}
	const options = { reason: Number(body.cancellation_reason), note: typeof body.cancellation_note === 'string' ? body.cancellation_note : null };
	const targets = [row];
	if (body.apply_to_repeats === true) {
		const root = typeof row.repeated_from_id === 'string' ? row.repeated_from_id : row.id;
		for (const other of state.table(c.collection).values()) {
			if (other.id !== row.id && (other.repeated_from_id === root || other.id === root) && String(other.starts_at) > String(row.starts_at)) targets.push(other);
		}
	}
	for (const target of targets) if (target.cancelled_at == null) state.cancelRow(c.collection, target.id, options);
	return { status: 204 };
}

function overlapsPractitioner(state: ClinikoState, practitionerId: string, startMs: number, endMs: number, exceptId?: string): boolean {
	for (const source of BOOKING_SOURCES) {
		for (const row of state.table(source).values()) {
			if (row.practitioner_id !== practitionerId || row.id === exceptId) continue;
			if (row.cancelled_at != null || row.archived_at != null || row.deleted_at != null) continue;
			if (Date.parse(String(row.starts_at)) < endMs && Date.parse(String(row.ends_at)) > startMs) return true;
		}
	}
	return false;
}

function conflicts(c: ClassifiedOperation, { req, state }: Context): SimResponse {
	const row = state.row(c.collection, req.params.id);
	if (!row) return clinikoErrors.notFound();
	const exist = overlapsPractitioner(state, String(row.practitioner_id), Date.parse(String(row.starts_at)), Date.parse(String(row.ends_at)), row.id);
	return { status: 200, body: { conflicts: { exist } } };
}

/**
 * Start times in the practitioner's daily availability at the business, one appointment length
 * apart, that are in the future and overlap nothing in the practitioner's diary.
 */
function availableTimes(c: ClassifiedOperation, { req, state, query }: Context): SimResponse {
	const { business_id, practitioner_id, appointment_type_id } = req.params;
	const business = state.row('businesses', business_id);
	const practitioner = state.row('practitioners', practitioner_id);
	const type = state.row('appointment_types', appointment_type_id);
	if (!business || !practitioner || !type) return clinikoErrors.notFound();
	const { from, to } = query;
	if (!from || !to) return clinikoErrors.timeFrame();
	// FACT (GH/OAS): at most 7 days apart, neither before today in the account's time zone.
	const today = localDate(CLINIKO_ACCOUNT_TIME_ZONE, state.clock.now());
	const span = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS;
	if (span < 0 || span > 7 || from < today || to < today) return clinikoErrors.timeFrame();

	const zone = String(business.time_zone_identifier ?? CLINIKO_ACCOUNT_TIME_ZONE);
	const duration = Number(type.duration_in_minutes) || 30;
	const now = state.clock.now();
	const windows = [...state.table('daily_availabilities').values()].filter((d) => d.practitioner_id === practitioner_id && d.business_id === business_id);
	const starts: string[] = [];
	for (let date = from; date <= to; date = addDays(date, 1)) {
		const weekday = dayOfWeek(date);
		for (const day of windows) {
			if (day.day_of_week !== weekday) continue;
			for (const window of (day.availabilities as Array<{ starts_at: string; ends_at: string }>) ?? []) {
				const [sh, sm] = window.starts_at.split(':').map(Number);
				const [eh, em] = window.ends_at.split(':').map(Number);
				const end = localToUtc(zone, date, eh, em);
				for (let start = localToUtc(zone, date, sh, sm); start + duration * 60_000 <= end; start += duration * 60_000) {
					if (start <= now || overlapsPractitioner(state, practitioner_id, start, start + duration * 60_000)) continue;
					starts.push(isoSeconds(start));
				}
			}
		}
	}
	starts.sort();
	const self = `${state.baseUrl}${req.rawPath.replace(/^\/v1/, '')}`;
	if (c.kind === 'next-available-time') {
		return { status: 200, body: { appointment_start: starts[0] ?? null, total_entries: starts.length > 0 ? 1 : 0, links: { self: `${self}?${req.rawQuery}` } } };
	}
	const lastPage = Math.max(1, Math.ceil(starts.length / query.perPage));
	const page = starts.slice((query.page - 1) * query.perPage, query.page * query.perPage).map((appointment_start) => ({ appointment_start }));
	return { status: 200, body: { available_times: page, total_entries: starts.length, links: pageLinks(req, state, query.page, lastPage) } };
}

function presignedPost({ req, state }: Context): SimResponse {
	const patient = state.row('patients', req.params.patient_id);
	if (!patient) return clinikoErrors.notFound();
	const temp = state.newId();
	return {
		status: 200,
		body: {
			url: 'https://cliniko-files-example-bucket.s3.amazonaws.com',
			fields: {
				acl: 'private',
				key: `${state.currentUserId}/patients/${patient.id}/attachments/temp/${temp}/\${filename}`,
				policy: Buffer.from(JSON.stringify({ expiration: isoSeconds(state.clock.now() + 3_600_000), conditions: [{ bucket: 'cliniko-files-example-bucket' }] })).toString('base64'),
				success_action_status: '201',
				'x-amz-algorithm': 'AWS4-HMAC-SHA256',
				'x-amz-credential': `AKIAEXAMPLESIMULATOR/${state.nowIso().slice(0, 10).replace(/-/g, '')}/ap-southeast-2/s3/aws4_request`,
				'x-amz-signature': temp.padStart(64, '0').slice(-64),
			},
		},
	};
}

function referralSource(c: ClassifiedOperation, { req, state, query, body }: Context): SimResponse {
	const patient = state.row('patients', req.params.patient_id);
	if (!patient) return clinikoErrors.notFound();
	const existing = [...state.table('referral_sources').values()].find((r) => r.patient_id === patient.id);
	if (c.kind === 'get-referral-source') {
		// FACT (GH): 404 when the patient has no referral source.
		if (!existing || !visible(existing, query)) return clinikoErrors.notFound();
		return { status: 200, body: state.render('referral_sources', existing) };
	}
	const errors = validateWrite('referral_sources', body, false, state);
	if (typeof body.referrer_id === 'string' && !state.row('patients', body.referrer_id) && !state.row('contacts', body.referrer_id)) errors.referrer = 'must exist';
	if (Object.keys(errors).length > 0) return clinikoErrors.validation(errors);
	const row = existing ? state.modify('referral_sources', existing.id, body) : state.insert('referral_sources', { ...body, patient_id: patient.id });
	return { status: 200, body: state.render('referral_sources', row) };
}

/** For tests: every operation with its classification. */
export function classifiedOperations(): ClassifiedOperation[] {
	return clinikoOperations().map(classifyOperation);
}

