/**
 * Hand-written choices layered over the generated table. Cliniko's OpenAPI document marks no body
 * field as required; these come from Cliniko's create examples (github.com/redguava/cliniko-api,
 * sections/*.md) and the validation errors it answers (e.g. redguava/cliniko-api issue #261: a patient
 * without first_name and last_name gets 422 "can’t be blank"), plus fields without which a record
 * makes no sense.
 */

export interface CreateCuration {
	/** Body fields shown as required top-level parameters, in this order. */
	required: string[];
	/** Body fields shown as optional top-level parameters, with their defaults. */
	topLevel?: Record<string, unknown>;
}

export const CREATE_CURATION: Record<string, CreateCuration> = {
	// Core resources.
	patient: { required: ['first_name', 'last_name'] },
	individualAppointment: { required: ['patient_id', 'practitioner_id', 'appointment_type_id', 'business_id', 'starts_at'] },
	groupAppointment: { required: ['practitioner_id', 'appointment_type_id', 'business_id', 'starts_at'] },
	attendee: { required: ['booking_id', 'patient_id'] },
	medicalAlert: { required: ['patient_id', 'name'] },
	// Cliniko's minimal example creates a draft; a new note starts as one unless the user says otherwise.
	treatmentNote: { required: ['patient_id', 'title'], topLevel: { draft: true } },
	patientCase: { required: ['patient_id', 'name'] },
	appointmentType: { required: ['name'], topLevel: { duration_in_minutes: 30 } },
	business: { required: ['business_name'] },
	availabilityBlock: { required: ['business_id', 'practitioner_id', 'starts_at', 'ends_at'] },
	unavailableBlock: { required: ['business_id', 'practitioner_id', 'starts_at', 'ends_at'] },
	// Long tail: the fields each record is made of.
	appointmentTypeBillableItem: { required: ['appointment_type_id', 'billable_item_id'] },
	appointmentTypeProduct: { required: ['appointment_type_id', 'product_id'] },
	billableItem: { required: ['name', 'item_type', 'price'] },
	communication: { required: ['patient_id', 'content'] },
	concessionType: { required: ['name'] },
	patientAttachment: { required: ['patient_id', 'upload_url'] },
	patientForm: { required: ['patient_id'] },
	patientFormTemplate: { required: ['name'] },
	practitionerReferenceNumber: { required: ['practitioner_id', 'business_id', 'reference_number'] },
	product: { required: ['name'] },
	productSupplier: { required: ['name'] },
	relationship: { required: ['patient_id', 'related_patient_id', 'relation'] },
	stockAdjustment: { required: ['product_id', 'adjustment_type', 'quantity'] },
	tax: { required: ['name', 'rate'] },
	treatmentNoteTemplate: { required: ['name'] },
	unavailableBlockType: { required: ['name'] },
};

/** Cancel operations: every body field is a top-level parameter; the reason is required. */
export const CANCEL_REQUIRED = ['cancellation_reason'];

/** The operation each resource's dropdown starts on. */
export const DEFAULT_OPERATION: Record<string, string> = {
	availableTime: 'getAll',
	setting: 'get',
	signature: 'get',
	user: 'getCurrent',
};

export const DEFAULT_RESOURCE = 'patient';

/** Resources whose IDs get a resource locator (From List with search, By ID, By URL). */
export const LOCATOR_ENTITIES: Record<string, { label: string; segment: string; searchMethod: string }> = {
	appointmentType: { label: 'Appointment Type', segment: 'appointment_types', searchMethod: 'searchAppointmentTypes' },
	business: { label: 'Business', segment: 'businesses', searchMethod: 'searchBusinesses' },
	patient: { label: 'Patient', segment: 'patients', searchMethod: 'searchPatients' },
	practitioner: { label: 'Practitioner', segment: 'practitioners', searchMethod: 'searchPractitioners' },
};

/**
 * Dropdowns for ID fields inside Additional Fields / Update Fields, filled from the account. Only
 * for records an account has few of (patients and bookings are typed as IDs).
 */
export const LOAD_OPTIONS_ENTITIES: Record<string, { method: string; label: string; plural: string }> = {
	appointmentType: { method: 'getAppointmentTypes', label: 'Appointment Type', plural: 'Appointment Types' },
	billableItem: { method: 'getBillableItems', label: 'Billable Item', plural: 'Billable Items' },
	business: { method: 'getBusinesses', label: 'Business', plural: 'Businesses' },
	concessionType: { method: 'getConcessionTypes', label: 'Concession Type', plural: 'Concession Types' },
	patientFormTemplate: { method: 'getPatientFormTemplates', label: 'Patient Form Template', plural: 'Patient Form Templates' },
	practitioner: { method: 'getPractitioners', label: 'Practitioner', plural: 'Practitioners' },
	product: { method: 'getProducts', label: 'Product', plural: 'Products' },
	productSupplier: { method: 'getProductSuppliers', label: 'Product Supplier', plural: 'Product Suppliers' },
	referralSourceType: { method: 'getReferralSourceTypes', label: 'Referral Source Type', plural: 'Referral Source Types' },
	tax: { method: 'getTaxes', label: 'Tax', plural: 'Taxes' },
	treatmentNoteTemplate: { method: 'getTreatmentNoteTemplates', label: 'Treatment Note Template', plural: 'Treatment Note Templates' },
	unavailableBlockType: { method: 'getUnavailableBlockTypes', label: 'Unavailable Block Type', plural: 'Unavailable Block Types' },
};
