// A valid request for every operation of the spec, built from the spec and the current data: path
// parameters name seeded records the operation can act on, bodies carry the fields a create needs
// (values generated from the request schema, IDs of existing records), required query parameters
// are filled in. The unit tests send all 211 of them; node tests can borrow them too.
import { seededRandom } from '../core';
import { generateValue } from './generator';
import { REFERENCES, resource, type Row } from './resources';
import { classifyOperation, type ClassifiedOperation } from './routes';
import { CLINIKO_ACCOUNT_TIME_ZONE } from './seed';
import { deref, loadClinikoSpec, type SpecOperation } from './spec';
import type { ClinikoState } from './state';
import { addDays, isoSeconds, localDate } from './time';

export interface ExampleRequest {
	method: string;
	/** Path and query, e.g. `/v1/patients/1000000000000000328?q%5B%5D=archived_at%3A*`. */
	path: string;
	body?: Record<string, unknown>;
}

function visible(row: Row): boolean {
	return row.archived_at == null && row.cancelled_at == null && row.deleted_at == null;
}

function pick(state: ClinikoState, collection: string, where: (row: Row) => boolean = () => true): Row {
	for (const row of state.table(collection).values()) if (visible(row) && where(row)) return row;
	throw new Error(`Cliniko examples: no ${collection} record to use`);
}

/** The record an operation on `/{collection}/{id}…` acts on. */
function target(c: ClassifiedOperation, state: ClinikoState): Row {
	switch (c.collection) {
		case 'bookings':
			return pick(state, 'individual_appointments');
		case 'communications':
			return pick(state, 'communications', (r) => r.category_code === 12);
		case 'attendees':
			// Cancel works only for attendees of group appointments (OAS).
			return pick(state, 'attendees', (r) => state.row('group_appointments', String(r.booking_id)) !== undefined);
		default:
			return pick(state, c.collection);
	}
}

/** A seeded ID for a path parameter other than the operation's own `{id}`. */
function parentId(param: string, c: ClassifiedOperation, state: ClinikoState): string {
	switch (param) {
		case 'group_appointment_id':
			return pick(state, 'group_appointments').id;
		case 'individual_appointment_id':
		case 'appointment_id':
			return pick(state, 'individual_appointments').id;
		case 'invoice_id':
			return pick(state, 'invoices').id;
		case 'patient_form_id':
			return pick(state, 'patient_forms', (r) => typeof r.signature_id === 'string').id;
		case 'patient_id':
			if (c.kind === 'get-referral-source' || c.kind === 'update-referral-source') return String(pick(state, 'referral_sources').patient_id);
			return pick(state, 'patients').id;
		default: {
			const collection = REFERENCES[param] ?? `${param.replace(/_id$/, '')}s`;
			return pick(state, collection === 'bookings' ? 'individual_appointments' : collection).id;
		}
	}
}

/** Fields a create must send, with values that pass the spec and the simulator's rules. */
function createBody(op: SpecOperation, c: ClassifiedOperation, state: ClinikoState): Record<string, unknown> {
	const doc = loadClinikoSpec();
	const schema = deref(doc, op.requestBody!);
	const rng = seededRandom(7);
	const at = isoSeconds(state.clock.now() + 2 * 86_400_000);
	const body: Record<string, unknown> = {};
	for (const field of resource(c.collection).requiredOnCreate ?? []) {
		const property = schema.properties?.[field];
		if (!property) continue;
		if (field === 'booking_id') body[field] = pick(state, 'group_appointments').id;
		else if (field === 'appointment_type_id' && c.collection === 'group_appointments') body[field] = pick(state, 'appointment_types', (t) => Number(t.max_attendees) > 1).id;
		else if (REFERENCES[field]) body[field] = pick(state, REFERENCES[field]).id;
		else if (field === 'upload_url') body[field] = `https://cliniko-files-example-bucket.s3.amazonaws.com/1/patients/1/attachments/temp/abc/report.pdf`;
		else if (field === 'ends_at') body[field] = isoSeconds(Date.parse(at) + 3_600_000);
		else body[field] = generateValue(field, property, { rng, at });
	}
	if (c.collection === 'patients') Object.assign(body, { first_name: 'Example', last_name: 'Patient' });
	return body;
}

/** One valid request for an operation against the current state (lists ask for `perPage` records). */
export function exampleRequest(op: SpecOperation, state: ClinikoState, perPage = 5): ExampleRequest {
	const c = classifyOperation(op);
	const values: Record<string, string> = {};
	if (c.kind === 'available-times' || c.kind === 'next-available-time') {
		const day = pick(state, 'daily_availabilities');
		const type = pick(state, 'appointment_types', (t) => (t.practitioner_ids as string[]).includes(String(day.practitioner_id)) && Number(t.max_attendees) === 1);
		Object.assign(values, { business_id: String(day.business_id), practitioner_id: String(day.practitioner_id), appointment_type_id: type.id });
	} else {
		for (const param of op.pathParams) {
			if (param === 'id') values.id = c.kind === 'signature' ? String(state.row('patient_forms', parentId('patient_form_id', c, state))!.signature_id) : target(c, state).id;
			else values[param] = parentId(param, c, state);
		}
	}
	let path = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeURIComponent(values[name]));
	if (c.kind === 'available-times' || c.kind === 'next-available-time') {
		const today = localDate(CLINIKO_ACCOUNT_TIME_ZONE, state.clock.now());
		path += `?from=${addDays(today, 1)}&to=${addDays(today, 7)}`;
	}
	if (c.kind === 'list' || c.kind === 'available-times') path += `${path.includes('?') ? '&' : '?'}per_page=${perPage}`;
	let body: Record<string, unknown> | undefined;
	if (c.kind === 'create') body = createBody(op, c, state);
	else if (c.kind === 'cancel') body = { cancellation_reason: 50, cancellation_note: 'Example cancellation' };
	else if (op.requestBody) body = {};
	return { method: op.method, path: `/v1${path}`, body };
}
