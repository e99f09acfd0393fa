import type { INodePropertyOptions } from 'n8n-workflow';

import { byName } from '../../shared/alphabetical';
import type { CatalogEvent } from '../../shared/catalog';
import type { TimestampList } from '../transport/paging';

/** A list the trigger can watch: every Cliniko list that filters on created_at and updated_at. */
export interface WatchedResource {
	value: string;
	name: string;
	path: string;
	/** Key of the records array in the list envelope. */
	key: string;
	archivable: boolean;
	cancellable: boolean;
	/** The list's q[] table has deleted_at: it hides soft-deleted records unless asked for them. */
	deletable: boolean;
}

/**
 * The lists whose q[] table has deleted_at in the spec (generated/spec.json). Written out so that loading
 * the trigger does not parse the spec (issue 17: cold load); test/unit/cliniko/trigger-resources.test.ts
 * checks every hiding field asked for against the spec.
 */
const DELETABLE = new Set([
	'attendee',
	'booking',
	'business',
	'contact',
	'groupAppointment',
	'individualAppointment',
	'invoice',
	'invoiceItem',
	'medicalAlert',
	'treatmentNote',
	'treatmentNoteTemplate',
	'unavailableBlock',
]);

const r = (value: string, name: string, path: string, archivable: boolean, cancellable = false): WatchedResource => ({
	value,
	name,
	path,
	key: path.slice(1),
	archivable,
	cancellable,
	deletable: DELETABLE.has(value),
});

export const watchedResources: WatchedResource[] = [
	r('appointmentType', 'Appointment Type', '/appointment_types', true),
	r('appointmentTypeBillableItem', 'Appointment Type Billable Item', '/appointment_type_billable_items', false),
	r('appointmentTypeProduct', 'Appointment Type Product', '/appointment_type_products', false),
	r('attendee', 'Attendee', '/attendees', true, true),
	r('availabilityBlock', 'Availability Block', '/availability_blocks', false),
	r('billableItem', 'Billable Item', '/billable_items', true),
	r('booking', 'Booking', '/bookings', true, true),
	r('business', 'Business', '/businesses', true),
	r('communication', 'Communication', '/communications', true),
	r('concessionPrice', 'Concession Price', '/concession_prices', false),
	r('concessionType', 'Concession Type', '/concession_types', true),
	r('contact', 'Contact', '/contacts', true),
	r('dailyAvailability', 'Daily Availability', '/daily_availabilities', false),
	r('groupAppointment', 'Group Appointment', '/group_appointments', true),
	r('individualAppointment', 'Individual Appointment', '/individual_appointments', true, true),
	r('invoice', 'Invoice', '/invoices', true),
	r('invoiceItem', 'Invoice Item', '/invoice_items', true),
	r('medicalAlert', 'Medical Alert', '/medical_alerts', true),
	r('patient', 'Patient', '/patients', true),
	r('patientAttachment', 'Patient Attachment', '/patient_attachments', true),
	r('patientCase', 'Patient Case', '/patient_cases', true),
	r('patientForm', 'Patient Form', '/patient_forms', true),
	r('patientFormTemplate', 'Patient Form Template', '/patient_form_templates', true),
	r('practitioner', 'Practitioner', '/practitioners', false),
	r('practitionerReferenceNumber', 'Practitioner Reference Number', '/practitioner_reference_numbers', false),
	r('product', 'Product', '/products', true),
	r('productSupplier', 'Product Supplier', '/product_suppliers', false),
	r('referralSource', 'Referral Source', '/referral_sources', true),
	r('referralSourceType', 'Referral Source Type', '/referral_source_types', true),
	r('relationship', 'Relationship', '/relationships', true),
	r('stockAdjustment', 'Stock Adjustment', '/stock_adjustments', true),
	r('tax', 'Tax', '/taxes', false),
	r('treatmentNote', 'Treatment Note', '/treatment_notes', true),
	r('treatmentNoteTemplate', 'Treatment Note Template', '/treatment_note_templates', true),
	r('unavailableBlock', 'Unavailable Block', '/unavailable_blocks', true),
	r('unavailableBlockType', 'Unavailable Block Type', '/unavailable_block_types', true),
	r('user', 'User', '/users', false),
];

export type ClinikoEvent = 'created' | 'updated' | 'appointmentCancelled' | 'patientArchived';

interface EventDef {
	value: ClinikoEvent;
	/** In the Event dropdown. */
	name: string;
	description: string;
	/** The timestamp that moves when the event happens. */
	field: string;
	/** The one resource the event watches; without it, the event watches the resource the user picks. */
	resource?: string;
	/** A per-resource event's name in the catalogue, before the resource's name ("New Patient"). */
	prefix?: string;
}

/** The trigger's events: the Event dropdown, what a poll watches, and the catalogue all come from here. */
const EVENTS: EventDef[] = [
	{ value: 'created', name: 'New Record', prefix: 'New', description: 'A record of the chosen resource was created', field: 'created_at' },
	{
		value: 'updated',
		name: 'New or Updated Record',
		prefix: 'New or Updated',
		description:
			'A record of the chosen resource was created or changed (including archived, cancelled and, where the list allows it, deleted)',
		field: 'updated_at',
	},
	{
		value: 'appointmentCancelled',
		name: 'Appointment Cancelled',
		description: 'An individual appointment was cancelled',
		field: 'cancelled_at',
		resource: 'individualAppointment',
	},
	{ value: 'patientArchived', name: 'Patient Archived', description: 'A patient was archived', field: 'archived_at', resource: 'patient' },
];

/** The Event dropdown's options, in alphabetical order. */
export const eventOptions: INodePropertyOptions[] = EVENTS.map(({ name, value, description }) => ({ name, value, description })).sort(
	byName,
);

/** The events for which the user picks the resource to watch. */
export const perResourceEvents: ClinikoEvent[] = EVENTS.filter((e) => !e.resource).map((e) => e.value);

const watched = (value: string) => watchedResources.find((w) => w.value === value)!;

/** Every event the trigger offers, per watched resource where the user picks one, and the list each reads. */
export const catalogEvents: CatalogEvent[] = [
	...watchedResources.flatMap((w) =>
		EVENTS.filter((e) => !e.resource).map((e) => ({ event: `${e.value}:${w.value}`, name: `${e.prefix} ${w.name}`, method: 'GET', path: w.path })),
	),
	...EVENTS.filter((e) => e.resource).map((e) => ({ event: e.value, name: e.name, method: 'GET', path: watched(e.resource!).path })),
];

/** What one event watches: which list, by which timestamp, and which hidden records to include. */
export function watchFor(event: ClinikoEvent, resource: string): { watched: WatchedResource; list: TimestampList } | undefined {
	const def = EVENTS.find((e) => e.value === event);
	const found = def && watchedResources.find((w) => w.value === (def.resource ?? resource));
	if (!def || !found) return undefined;
	const { field } = def;
	return {
		watched: found,
		list: { path: found.path, key: found.key, name: found.name, field, filters: (from) => pollFilters(found, field, from) },
	};
}

/**
 * The q[] filters of one poll: records with the watched timestamp at or after `from`, archived,
 * cancelled and deleted ones included — a record archived, cancelled or deleted between two polls
 * must not be missed (deleted ones only where the list filters on deleted_at).
 */
export function pollFilters(watched: WatchedResource, field: string, from: string): string[] {
	const filters = [`${field}:>=${from}`];
	if (watched.archivable && field !== 'archived_at') filters.push('archived_at:*');
	if (watched.cancellable && field !== 'cancelled_at') filters.push('cancelled_at:*');
	if (watched.deletable) filters.push('deleted_at:*');
	return filters;
}
