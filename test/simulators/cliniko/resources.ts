// The resource collections and how their records render, derived from the spec's response schemas.
//
// A stored row keeps plain fields under their API names and relations as foreign keys
// (`patient_id`, `practitioner_ids`, ...). Rendering walks the response schema: plain properties
// are copied, link properties become `{links: {self: <absolute URL>}}`. Which link property is a
// to-one relation and which a child collection is read off the spec's own example URLs:
//
//   "patient":   .../v1/patients/1                          → to-one, foreign key `patient_id`
//   "invoices":  .../v1/patients/1/invoices                 → child collection of this record
//   "attendees": .../v1/attendees?q%5B%5D=patient_id%3A%3D1 → child collection of this record
import { deref, loadClinikoSpec, type OpenApiSchema } from './spec';

export type Row = Record<string, unknown> & { id: string; created_at: string; updated_at: string };

export type LinkSpec =
	/** To-one relation: `${base}/${target}/${row[fk]}`, or null when the key is null. */
	| { prop: string; kind: 'one'; fk: string; target: string | ((row: Row) => string | null) }
	/** A URL built from the record's own ID (`{id}` in the template). */
	| { prop: string; kind: 'own'; template: string }
	/** An array of link objects (Service.practitioners): one per ID in `row[fk]`. */
	| { prop: string; kind: 'many'; fk: string; target: string };

export interface SchemaInfo {
	name: string;
	schema: OpenApiSchema;
	/** Property names in spec order. */
	props: string[];
	/** Plain (non-link) properties. */
	plain: Map<string, OpenApiSchema>;
	links: Map<string, LinkSpec>;
	/** Scalar properties: what `sort` accepts. */
	sortable: Set<string>;
}

const LINK_OVERRIDES: Record<string, Record<string, LinkSpec>> = {
	// The example says /patient_attachments/1, the file's content lives under /content (as FullPatientExport says).
	UploadedPatientAttachment: { content: { prop: 'content', kind: 'own', template: '/patient_attachments/{id}/content' } },
	// A form's signature: GET /patient_forms/{patient_form_id}/signatures/{id}.
	PatientForm: {
		signatures: { prop: 'signatures', kind: 'one', fk: 'signature_id', target: (row) => `patient_forms/${row.id}/signatures` },
	},
	// The referrer is a patient or a contact, by referrer_type.
	ReferralSource: {
		referrer: { prop: 'referrer', kind: 'one', fk: 'referrer_id', target: (row) => (row.referrer_type === 'Contact' ? 'contacts' : 'patients') },
	},
	ReferralSourceType: { referrers: { prop: 'referrers', kind: 'own', template: '/patients' } },
	Service: { practitioners: { prop: 'practitioners', kind: 'many', fk: 'practitioner_ids', target: 'practitioners' } },
};

function isLinkObject(schema: OpenApiSchema): boolean {
	return schema.type === 'object' && !!schema.properties && Object.keys(schema.properties).length === 1 && 'links' in schema.properties;
}

function exampleSelf(schema: OpenApiSchema): string {
	const self = schema.properties?.links?.properties?.self;
	const example = typeof self?.example === 'string' ? self.example : '';
	return example.replace(/^https?:\/\/[^/]+\/v1/, '');
}

const infoCache = new Map<string, SchemaInfo>();

/** Props, links and sortable columns of a component schema. */
export function schemaInfo(name: string): SchemaInfo {
	const cached = infoCache.get(name);
	if (cached) return cached;
	const doc = loadClinikoSpec();
	const schema = deref(doc, { $ref: `#/components/schemas/${name}` });
	const props = Object.keys(schema.properties ?? {});
	const plain = new Map<string, OpenApiSchema>();
	const links = new Map<string, LinkSpec>();
	const sortable = new Set<string>();
	for (const prop of props) {
		const property = deref(doc, schema.properties![prop]);
		const override = LINK_OVERRIDES[name]?.[prop];
		if (override) {
			links.set(prop, override);
			continue;
		}
		if (prop !== 'links' && isLinkObject(property)) {
			const path = exampleSelf(property);
			const toOne = /^\/([a-z_]+)\/\d+$/.exec(path);
			if (toOne) links.set(prop, { prop, kind: 'one', fk: `${prop}_id`, target: toOne[1] });
			else links.set(prop, { prop, kind: 'own', template: path.replace(/\/1(?=\/|$|\?)/g, '/{id}').replace(/(%3D|=)1$/, '$1{id}') });
			continue;
		}
		plain.set(prop, property);
		if (prop !== 'links' && ['string', 'integer', 'number', 'boolean'].includes(property.type ?? '')) sortable.add(prop);
	}
	const info: SchemaInfo = { name, schema, props, plain, links, sortable };
	infoCache.set(name, info);
	return info;
}

export interface ResourceDef {
	collection: string;
	/** The component schema a row renders with (a function for the polymorphic collections). */
	schema: string | ((row: Row) => string);
	/** Every schema the collection can render with (sorting and generation use their union). */
	schemas: string[];
	/** Appointments and attendees: `PATCH .../cancel`, left out of lists unless `cancelled_at` is filtered. */
	cancellable?: boolean;
	/**
	 * Fields a create must carry, answered with 422 "can’t be blank" otherwise. FACT for patients
	 * (ISS #261) and the appointment/attendee/medical alert/treatment note examples (research §12);
	 * INFERENCE for the rest (a record without them would be meaningless in Cliniko's UI).
	 */
	requiredOnCreate?: string[];
}

function def(collection: string, schema: string, extra: Partial<ResourceDef> = {}): ResourceDef {
	return { collection, schema, schemas: [schema], ...extra };
}

export const RESOURCES: ResourceDef[] = [
	def('appointment_types', 'AppointmentType', { requiredOnCreate: ['name'] }),
	def('appointment_type_billable_items', 'AppointmentTypeBillableItem', { requiredOnCreate: ['appointment_type_id', 'billable_item_id'] }),
	def('appointment_type_products', 'AppointmentTypeProduct', { requiredOnCreate: ['appointment_type_id', 'product_id'] }),
	def('attendees', 'Attendee', { cancellable: true, requiredOnCreate: ['booking_id', 'patient_id'] }),
	def('availability_blocks', 'AvailabilityBlock', { requiredOnCreate: ['business_id', 'practitioner_id', 'starts_at', 'ends_at'] }),
	def('billable_items', 'BillableItem', { requiredOnCreate: ['name'] }),
	def('businesses', 'Business'),
	{
		collection: 'communications',
		// category_code 12 is a memo; the others are e-mails (type_code 2) or SMS/other messages.
		schema: (row) => (row.category_code === 12 ? 'MemoCommunication' : row.type_code === 2 ? 'EmailCommunication' : 'SmsCommunication'),
		schemas: ['MemoCommunication', 'EmailCommunication', 'SmsCommunication'],
		requiredOnCreate: ['patient_id'],
	},
	def('concession_prices', 'ConcessionPrice'),
	def('concession_types', 'ConcessionType', { requiredOnCreate: ['name'] }),
	def('contacts', 'Contact'),
	def('daily_availabilities', 'DailyAvailability'),
	def('group_appointments', 'GroupAppointment', { requiredOnCreate: ['starts_at', 'practitioner_id', 'appointment_type_id', 'business_id'] }),
	def('individual_appointments', 'IndividualAppointment', {
		cancellable: true,
		requiredOnCreate: ['starts_at', 'patient_id', 'practitioner_id', 'appointment_type_id', 'business_id'],
	}),
	def('invoices', 'Invoice'),
	def('invoice_items', 'InvoiceItem'),
	def('medical_alerts', 'MedicalAlert', { requiredOnCreate: ['name', 'patient_id'] }),
	def('patients', 'Patient', { requiredOnCreate: ['first_name', 'last_name'] }),
	{
		collection: 'patient_attachments',
		schema: (row) => (row.attachment_kind === 'export' ? 'FullPatientExport' : 'UploadedPatientAttachment'),
		schemas: ['UploadedPatientAttachment', 'FullPatientExport'],
		requiredOnCreate: ['patient_id', 'upload_url'],
	},
	def('patient_cases', 'PatientCase', { requiredOnCreate: ['name', 'patient_id'] }),
	def('patient_forms', 'PatientForm', { requiredOnCreate: ['patient_id', 'patient_form_template_id'] }),
	def('patient_form_templates', 'PatientFormTemplate', { requiredOnCreate: ['name'] }),
	def('practitioners', 'Practitioner'),
	def('practitioner_reference_numbers', 'PractitionerReferenceNumber', { requiredOnCreate: ['practitioner_id', 'business_id'] }),
	def('products', 'Product', { requiredOnCreate: ['name'] }),
	def('product_suppliers', 'ProductSupplier', { requiredOnCreate: ['name'] }),
	def('referral_sources', 'ReferralSource'),
	def('referral_source_types', 'ReferralSourceType'),
	def('relationships', 'Relationship', { requiredOnCreate: ['patient_id', 'related_patient_id', 'relation'] }),
	def('signatures', 'Signature'),
	def('stock_adjustments', 'StockAdjustment', { requiredOnCreate: ['product_id', 'adjustment_type', 'quantity'] }),
	def('taxes', 'Tax', { requiredOnCreate: ['name', 'rate'] }),
	def('treatment_notes', 'TreatmentNote', { requiredOnCreate: ['patient_id'] }),
	def('treatment_note_templates', 'TreatmentNoteTemplate', { requiredOnCreate: ['name'] }),
	def('unavailable_blocks', 'UnavailableBlock', { requiredOnCreate: ['business_id', 'practitioner_id', 'starts_at', 'ends_at'] }),
	def('unavailable_block_types', 'UnavailableBlockType', { requiredOnCreate: ['name'] }),
	def('users', 'User'),
];

export const RESOURCE_BY_COLLECTION = new Map(RESOURCES.map((r) => [r.collection, r]));

export type Collection = string;

export function resource(collection: string): ResourceDef {
	const found = RESOURCE_BY_COLLECTION.get(collection);
	if (!found) throw new Error(`Cliniko simulator: unknown collection "${collection}"`);
	return found;
}

export function schemaNameFor(collection: string, row: Row): string {
	const r = resource(collection);
	return typeof r.schema === 'string' ? r.schema : r.schema(row);
}

/** Union of the sortable columns of every schema a collection renders with. */
export function sortableColumns(collection: string): Set<string> {
	const out = new Set<string>();
	for (const name of resource(collection).schemas) for (const col of schemaInfo(name).sortable) out.add(col);
	return out;
}

/**
 * Request `*_id` fields and the collection they point at; a create or update naming a record that
 * does not exist answers 422 `{"<relation>": "must exist"}` (INFERENCE: Rails' belongs_to message;
 * in 2018 Cliniko answered such a request with a 500, ISS #215).
 */
export const REFERENCES: Record<string, string> = {
	patient_id: 'patients',
	related_patient_id: 'patients',
	business_id: 'businesses',
	practitioner_id: 'practitioners',
	appointment_type_id: 'appointment_types',
	patient_case_id: 'patient_cases',
	booking_id: 'bookings',
	attendee_id: 'attendees',
	concession_type_id: 'concession_types',
	referring_doctor_id: 'contacts',
	contact_id: 'contacts',
	tax_id: 'taxes',
	product_id: 'products',
	billable_item_id: 'billable_items',
	product_supplier_id: 'product_suppliers',
	treatment_note_template_id: 'treatment_note_templates',
	unavailable_block_type_id: 'unavailable_block_types',
	referral_source_type_id: 'referral_source_types',
	patient_form_template_id: 'patient_form_templates',
};

/** Request array fields of IDs and their collection (checked like REFERENCES). */
export const ARRAY_REFERENCES: Record<string, string> = {
	practitioner_ids: 'practitioners',
	business_ids: 'businesses',
	attendee_ids: 'attendees',
	patient_attachment_ids: 'patient_attachments',
};

export const CANCELLATION_REASONS: Record<number, string> = {
	10: 'Feeling Better',
	20: 'Condition Worse',
	30: 'Sick',
	31: 'COVID-19 related',
	40: 'Away',
	50: 'Other',
	60: 'Work',
};
