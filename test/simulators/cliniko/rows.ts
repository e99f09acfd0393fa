// What happens to a row when it is written, shared by the seed, the API handlers and the test
// helpers: Cliniko's derived fields (label, patient_name, ends_at from the appointment type,
// descriptions of codes, closed_at/completed_at/finalized_at from their booleans) and the filling of
// every property the response schema has but the write did not set.
import type { SeededRandom } from '../core';
import type { OpenApiSchema } from './spec';
import { generateValue } from './generator';
import { CANCELLATION_REASONS, schemaInfo, schemaNameFor, type Row } from './resources';

/** Read access to the other rows while one is written. */
export interface RowLookup {
	row(collection: string, id: string): Row | undefined;
	/** The current time as Cliniko writes it (ISO, whole seconds, Z). */
	nowIso(): string;
}

const CONTACT_TYPES: Record<number, string> = { 0: 'Standard', 1: 'Doctor', 2: '3rd Party Payer' };
const RELATIONS: Record<number, string> = { 10: 'Parent', 20: 'Child', 30: 'Sibling', 40: 'Spouse', 50: 'Partner', 60: 'Relative', 70: 'Other' };
const INVOICE_STATUSES: Record<number, string> = { 10: 'Open', 20: 'Paid', 30: 'Closed', 40: 'Open credit' };
const CALCULATION_METHODS: Record<number, string> = { 1: 'Legacy', 2: 'Tax exclusive', 3: 'Tax inclusive' };
const COMMUNICATION_TYPES: Record<number, string> = { 1: 'SMS', 2: 'Email', 3: 'Phone call', 4: 'Other' };
const DIRECTIONS: Record<number, string> = { 1: 'Sent', 2: 'Received' };

function has(input: Record<string, unknown>, key: string): boolean {
	return Object.prototype.hasOwnProperty.call(input, key);
}

function endFromDuration(lookup: RowLookup, row: Row): string | null {
	const type = typeof row.appointment_type_id === 'string' ? lookup.row('appointment_types', row.appointment_type_id) : undefined;
	if (typeof row.starts_at !== 'string') return null;
	const minutes = typeof type?.duration_in_minutes === 'number' ? type.duration_in_minutes : 30;
	return new Date(Date.parse(row.starts_at) + minutes * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Derives Cliniko's computed fields on `row` (already merged with `input`, the fields this write
 * set). `previous` is the row before an update, null on create.
 */
export function applySemantics(collection: string, row: Row, input: Record<string, unknown>, previous: Row | null, lookup: RowLookup): void {
	const now = () => lookup.nowIso();
	const isCreate = previous === null;
	switch (collection) {
		case 'patients': {
			row.label = [row.first_name, row.last_name].filter((p) => typeof p === 'string' && p !== '').join(' ');
			if (input.unsubscribe_sms_marketing === true) row.accepted_sms_marketing = false;
			delete row.unsubscribe_sms_marketing;
			break;
		}
		case 'individual_appointments':
		case 'group_appointments': {
			// OAS: "If not provided on create or set to null on update, this will be based on the duration of the appointment type."
			if ((isCreate && (row.ends_at === undefined || row.ends_at === null)) || (has(input, 'ends_at') && input.ends_at === null)) {
				row.ends_at = endFromDuration(lookup, row);
			} else if (previous && has(input, 'starts_at') && !has(input, 'ends_at') && typeof previous.starts_at === 'string' && typeof previous.ends_at === 'string') {
				// INFERENCE: moving an appointment by its start keeps its length.
				const length = Date.parse(previous.ends_at) - Date.parse(previous.starts_at);
				row.ends_at = new Date(Date.parse(String(row.starts_at)) + length).toISOString().replace(/\.\d{3}Z$/, 'Z');
			}
			if (collection === 'individual_appointments' && typeof row.patient_id === 'string') {
				const patient = lookup.row('patients', row.patient_id);
				if (patient) {
					row.patient_name = patient.label ?? `${String(patient.first_name)} ${String(patient.last_name)}`;
					row.has_patient_appointment_notes = typeof patient.appointment_notes === 'string' && patient.appointment_notes !== '';
				}
			}
			if (collection === 'group_appointments' && isCreate && (row.max_attendees === undefined || row.max_attendees === null)) {
				const type = typeof row.appointment_type_id === 'string' ? lookup.row('appointment_types', row.appointment_type_id) : undefined;
				row.max_attendees = typeof type?.max_attendees === 'number' ? type.max_attendees : 1;
			}
			break;
		}
		case 'contacts':
			if (typeof row.type_code === 'number') row.type = CONTACT_TYPES[row.type_code] ?? null;
			else if (isCreate) {
				row.type_code = 0;
				row.type = 'Standard';
			}
			break;
		case 'relationships':
			if (typeof row.relation === 'number') row.relation_description = RELATIONS[row.relation] ?? null;
			break;
		case 'invoices':
			if (typeof row.status === 'number') row.status_description = INVOICE_STATUSES[row.status] ?? null;
			if (typeof row.calculation_method === 'number') row.calculation_method_description = CALCULATION_METHODS[row.calculation_method] ?? null;
			break;
		case 'communications':
			if (isCreate && (row.category_code === undefined || row.category_code === null)) row.category_code = 12;
			if (row.category_code === 12) row.category = 'Memo';
			if (typeof row.type_code === 'number') row.type = COMMUNICATION_TYPES[row.type_code] ?? null;
			if (typeof row.direction_code === 'number') row.direction_description = DIRECTIONS[row.direction_code] ?? null;
			break;
		case 'patient_cases':
			if (has(input, 'closed')) row.closed_at = input.closed === true ? (typeof row.closed_at === 'string' ? row.closed_at : now()) : null;
			row.closed = typeof row.closed_at === 'string';
			break;
		case 'treatment_notes':
			if (has(input, 'draft') || isCreate) {
				const draft = row.draft !== false;
				row.draft = draft;
				row.finalized_at = draft ? null : typeof row.finalized_at === 'string' ? row.finalized_at : now();
			}
			break;
		case 'patient_forms':
			if (has(input, 'completed')) row.completed_at = input.completed === true ? (typeof row.completed_at === 'string' ? row.completed_at : now()) : null;
			delete row.completed;
			break;
		case 'appointment_types':
			if (has(input, 'online_payments_mode')) row.online_payments_enabled = input.online_payments_mode !== null;
			break;
		case 'products': {
			if (typeof input.price === 'number') row.price_ex_tax = input.price.toFixed(2);
			const supplier = typeof row.product_supplier_id === 'string' ? lookup.row('product_suppliers', row.product_supplier_id) : undefined;
			if (supplier) row.product_supplier_name = supplier.name;
			delete row.price;
			break;
		}
		case 'patient_attachments':
			if (isCreate && typeof row.upload_url === 'string') {
				const file = decodeURIComponent(new URL(row.upload_url).pathname.split('/').pop() ?? 'attachment');
				if (typeof row.filename !== 'string' || row.filename === '') row.filename = file;
				row.content_type ??= /\.pdf$/i.test(file) ? 'application/pdf' : /\.(png|jpe?g)$/i.test(file) ? `image/${file.split('.').pop()!.toLowerCase().replace('jpg', 'jpeg')}` : 'text/plain';
				row.size ??= 1024;
				row.processed_at ??= now();
				row.processing_completed ??= true;
			}
			break;
		case 'referral_sources':
			if (typeof row.referrer_id === 'string') row.referrer_type = lookup.row('contacts', row.referrer_id) ? 'Contact' : 'Patient';
			break;
		default:
			break;
	}
	if (typeof row.cancellation_reason === 'number') row.cancellation_reason_description = CANCELLATION_REASONS[row.cancellation_reason] ?? null;
}

/**
 * What a database column left out of a create holds (INFERENCE: Rails/Postgres defaults): false, 0,
 * "0.0", an empty list. Strings and objects get a generated value (a name, a colour) instead.
 */
function columnDefault(schema: OpenApiSchema): unknown {
	if (schema.enum && schema.enum.length > 0) return schema.enum[0];
	switch (schema.type) {
		case 'boolean':
			return false;
		case 'integer':
		case 'number': {
			const min = schema.minimum ?? 0;
			return schema.exclusiveMinimum === true ? min + 1 : min;
		}
		case 'array':
			return [];
		case 'string':
			return schema.format === 'decimal' ? (schema.minimum !== undefined && schema.minimum > 0 ? String(schema.minimum) : '0.0') : undefined;
		default:
			return undefined;
	}
}

interface RowShape {
	plain: Array<[string, boolean, OpenApiSchema]>;
	links: Array<[string, unknown]>;
	known: Set<string>;
}

const shapes = new Map<string, RowShape>();

function rowShape(schemaName: string): RowShape {
	let shape = shapes.get(schemaName);
	if (!shape) {
		const info = schemaInfo(schemaName);
		const plain: RowShape['plain'] = [];
		for (const [prop, schema] of info.plain) if (prop !== 'links' && prop !== 'id') plain.push([prop, schema.nullable === true, schema]);
		const links: RowShape['links'] = [];
		for (const link of info.links.values()) {
			if (link.kind === 'one') links.push([link.fk, null]);
			if (link.kind === 'many') links.push([link.fk, []]);
		}
		shape = { plain, links, known: new Set(['id', ...plain.map(([p]) => p), ...links.map(([fk]) => fk)]) };
		shapes.set(schemaName, shape);
	}
	return shape;
}

/**
 * The row with every property of its response schema: null where the schema allows it (every
 * nullable field a write did not set stays null, as in Cliniko), otherwise one generated from the
 * schema; link foreign keys default to null. Built afresh in the schema's property order, so rows of
 * one schema share one object shape (this keeps a 25,000-row seed fast).
 */
export function completeRow(collection: string, row: Row, rng: SeededRandom, mode: 'generate' | 'defaults' = 'generate'): Row {
	const shape = rowShape(schemaNameFor(collection, row));
	const out: Record<string, unknown> = { id: row.id };
	for (const [prop, nullable, schema] of shape.plain) {
		const value = row[prop];
		// A foreign key without its record stays null even where the spec says non-nullable (Product.product_supplier_id).
		if (value !== undefined) out[prop] = value;
		else if (nullable || (schema.format === 'int64' && prop.endsWith('_id'))) out[prop] = null;
		else out[prop] = (mode === 'defaults' ? columnDefault(schema) : undefined) ?? generateValue(prop, schema, { rng, at: row.created_at });
	}
	for (const [fk, empty] of shape.links) {
		if (out[fk] !== undefined && row[fk] === undefined) continue; // a plain property of the same name (Product.product_supplier_id)
		const value = row[fk];
		out[fk] = value !== undefined ? value : Array.isArray(empty) ? [] : null;
	}
	for (const key of Object.keys(row)) if (!shape.known.has(key) && row[key] !== undefined) out[key] = row[key];
	return out as Row;
}
