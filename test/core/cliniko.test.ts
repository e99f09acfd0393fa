import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { ClinikoApi } from '../../credentials/ClinikoApi.credentials';
import { Cliniko } from '../../nodes/Cliniko/Cliniko.node';
import { specBodies, specOperations } from '../../nodes/Cliniko/generated/spec';
import { UNAUTHORIZED_MESSAGE } from '../../nodes/Cliniko/provider';
import { clinikoOperations } from '../../nodes/Cliniko/resources';
import { CREATE_CURATION, LOCATOR_ENTITIES } from '../../nodes/Cliniko/resources/curation';
import type { SpecField, SpecOperation } from '../../nodes/Cliniko/resources/types';
import { CLINIKO_ACCOUNT_TIME_ZONE, CLINIKO_TEST_KEY, CLINIKO_TEST_USER_AGENT, startClinikoSimulator } from '../simulators/cliniko';
import type { ClinikoSimulator, Row } from '../simulators/cliniko';
import { addDays, localDate } from '../simulators/cliniko/time';
import { registerSecret } from '../helpers/secrets';
import { locator } from '../helpers/locator';
import { runListSearch, runLoadOptions, runNode, testCredential } from './harness';
import { useSimulator } from '../helpers/simulator';

// The node paces itself per credential and base URL (200 requests a minute, as Cliniko allows); the
// table of every operation runs on a simulator of its own so that it does not use up the budget of
// the focused tests.
let sim: ClinikoSimulator;
const credentials = (extra: Record<string, string> = {}) => ({ clinikoApi: { ...sim.credentials, ...extra } });
const common = () => ({ credentials: credentials(), credentialTypes: [ClinikoApi] });
const run = (parameters: IDataObject, extra: Partial<Parameters<typeof runNode>[0]> = {}) =>
	runNode({ nodeType: Cliniko, parameters: parameters as never, ...common(), ...extra });

// The documented limit (200/min) is the node's own pacer's business; the limiter is switched on
// where a test is about it.
useSimulator(() => startClinikoSimulator({ rateLimit: null }), (s) => (sim = s));

// ------------------------------------------------------------------------------------------------
// Seeded records to run operations on
// ------------------------------------------------------------------------------------------------

const live = (collection: string, where?: (row: Row) => boolean): Row => sim.state.liveRow(collection, where);

const ENTITY_COLLECTION: Record<string, string> = {
	appointment: 'individual_appointments',
	booking: 'group_appointments',
	contact: 'contacts',
};

function collectionOf(entity: string): string {
	if (ENTITY_COLLECTION[entity]) return ENTITY_COLLECTION[entity];
	const snake = entity.replace(/([A-Z])/g, '_$1').toLowerCase();
	if (/[^aeiou]y$/.test(snake)) return `${snake.slice(0, -1)}ies`;
	if (/(s|x|ch|sh)$/.test(snake)) return `${snake}es`;
	return `${snake}s`;
}

/** The record an operation works on, chosen so the operation can succeed. */
function targetRow(spec: SpecOperation): Row {
	const collection = spec.pathParams.find((p) => p.key === 'id') ? collectionOf(spec.resource) : '';
	switch (`${spec.resource}.${spec.operation}`) {
		case 'communication.update':
		case 'communication.archive':
			return live('communications', (r) => r.category_code === 12);
		case 'attendee.cancel':
			return live('attendees', (r) => r.cancelled_at == null && sim.state.raw('group_appointments', String(r.booking_id)) !== undefined);
		case 'signature.get':
			return live('signatures');
		case 'referralSource.get':
		case 'referralSource.update':
			return live('referral_sources');
		default:
			return collection ? live(collection) : ({} as Row);
	}
}

function pathValues(spec: SpecOperation): IDataObject {
	const row = targetRow(spec);
	const values: IDataObject = {};
	const availability = spec.resource === 'availableTime' ? live('daily_availabilities') : undefined;
	for (const p of spec.pathParams) {
		let id: string;
		if (p.key === 'id') id = row.id;
		else if (row[p.key] !== undefined && row[p.key] !== null) id = String(row[p.key]);
		else if (availability && availability[p.key]) id = String(availability[p.key]);
		else id = live(collectionOf(p.entity)).id;
		values[p.param] = LOCATOR_ENTITIES[p.entity] ? locator(id) : id;
	}
	return values;
}

function sampleValue(field: SpecField, top: boolean): unknown {
	switch (field.kind) {
		case 'id': {
			const id = live(collectionOf(field.entity ?? field.key.replace(/_id$/, ''))).id;
			return top && LOCATOR_ENTITIES[field.entity ?? ''] ? locator(id) : id;
		}
		case 'dateTime':
			return field.key === 'ends_at' ? '2030-01-15T11:00:00Z' : '2030-01-15T10:00:00Z';
		case 'date':
			return '2030-01-15';
		case 'options':
			return field.options?.[0]?.value;
		case 'decimal':
			return '5';
		case 'number':
			return field.min && field.min > 0 ? field.min : 1;
		case 'boolean':
			return true;
		default:
			return field.key === 'upload_url'
				? 'https://cliniko-files-example-bucket.s3.amazonaws.com/1/patients/2/attachments/temp/3/report.pdf'
				: 'Test value';
	}
}

const camel = (key: string) => key.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

/** Valid parameters for one operation: seeded IDs, minimal bodies. */
function parametersFor(spec: SpecOperation): IDataObject {
	const params: IDataObject = { resource: spec.resource, operation: spec.operation, ...pathValues(spec) };
	const fields = spec.body ? specBodies[spec.body] : [];
	if (spec.kind === 'create') {
		for (const key of CREATE_CURATION[spec.resource]?.required ?? []) {
			params[camel(key)] = sampleValue(fields.find((f) => f.key === key) as SpecField, true) as IDataObject[string];
		}
		if (spec.resource === 'attendee') params.bookingId = live('group_appointments').id;
		if (spec.resource === 'patientForm') params.additionalFields = { patient_form_template_id: live('patient_form_templates').id };
		// A create without a body breaks the spec (the node refuses it): one field at least.
		if (!CREATE_CURATION[spec.resource]?.required.length) params.additionalFields = { [fields[0].key]: sampleValue(fields[0], false) as IDataObject[string] };
	}
	if (spec.kind === 'update') {
		const field = ['notes', 'name', 'description', 'title', 'first_name', 'reference_number']
			.map((k) => fields.find((f) => f.key === k))
			.find((f) => f !== undefined);
		// An update needs something to send (the spec requires a body): otherwise the first field.
		params.updateFields = field ? { [field.key]: 'Changed by the n8n test' } : { [fields[0].key]: sampleValue(fields[0], false) as IDataObject[string] };
	}
	if (spec.kind === 'cancel') params.cancellationReason = 50;
	if (spec.kind === 'list') Object.assign(params, { returnAll: false, limit: 3 });
	if (spec.resource === 'availableTime') {
		const today = localDate(CLINIKO_ACCOUNT_TIME_ZONE, Date.now());
		Object.assign(params, { from: today, to: addDays(today, 6) });
	}
	return params;
}

// ------------------------------------------------------------------------------------------------
// Every operation, once
// ------------------------------------------------------------------------------------------------

describe('Cliniko node: every catalogued operation against the simulator', () => {
	let shared: ClinikoSimulator;
	beforeAll(async () => {
		shared = sim;
		sim = await startClinikoSimulator({ rateLimit: null });
	});
	afterAll(async () => {
		await sim.close();
		sim = shared;
	});
	beforeEach(() => sim.reset());

	it('covers the whole catalogue', () => {
		expect(specOperations).toHaveLength(184);
		expect(clinikoOperations).toHaveLength(184);
	});

	it.each(specOperations.map((s) => [`${s.resource} › ${s.name} (${s.method} ${s.path})`, s] as const))('%s', async (_title, spec) => {
		const parameters = parametersFor(spec);
		const { items, error } = await run(parameters);
		expect({ error: error?.message, description: error?.description }).toEqual({ error: undefined, description: undefined });
		expect(sim.violations).toEqual([]);
		const calls = sim.log.filter((e) => !e.path.startsWith('/__sim'));
		expect(calls).toHaveLength(1);
		expect(calls[0].method).toBe(spec.method);
		const template = `^/v1${spec.path.replace(/\{\w+\}/g, '\\d+')}$`;
		expect(calls[0].path).toMatch(new RegExp(template));
		if (spec.kind === 'list') {
			expect(items.length).toBeLessThanOrEqual(3);
			expect(calls[0].query.per_page).toBe('3');
		} else if (spec.empty) {
			expect(items).toHaveLength(1);
			expect(items[0].json.success).toBe(true);
		} else {
			expect(items).toHaveLength(1);
		}
		if (spec.kind === 'create') expect(calls[0].status).toBe(201);
	});
});

// ------------------------------------------------------------------------------------------------
// Focused behaviour
// ------------------------------------------------------------------------------------------------

describe('Cliniko node: patients round trip', () => {
	it('creates, gets, updates, finds with a filter, archives and unarchives a patient', async () => {
		const created = await run({
			resource: 'patient',
			operation: 'create',
			firstName: 'Ada',
			lastName: 'Zwicky-Lovelace',
			additionalFields: { email: 'ada@example.com', date_of_birth: '1980-12-10T00:00:00', reminder_type: 'SMS & Email' },
		});
		expect(created.error).toBeUndefined();
		const patient = created.items[0].json;
		expect(patient).toMatchObject({ first_name: 'Ada', last_name: 'Zwicky-Lovelace', email: 'ada@example.com', date_of_birth: '1980-12-10' });
		const id = String(patient.id);
		expect(id).toMatch(/^\d{19}$/);
		expect(sim.log[0].body).toEqual({
			first_name: 'Ada',
			last_name: 'Zwicky-Lovelace',
			email: 'ada@example.com',
			date_of_birth: '1980-12-10',
			reminder_type: 'SMS & Email',
		});

		const got = await run({ resource: 'patient', operation: 'get', patientId: locator(id) });
		expect(got.items[0].json.id).toBe(id);

		const updated = await run({ resource: 'patient', operation: 'update', patientId: locator(id), updateFields: { occupation: 'Engineer' } });
		expect(updated.items[0].json).toMatchObject({ id, occupation: 'Engineer', first_name: 'Ada' });
		expect(sim.log.at(-1)?.method).toBe('PATCH');
		expect(sim.log.at(-1)?.body).toEqual({ occupation: 'Engineer' });

		const filters = { conditions: [{ field: 'last_name', operator: 'equals', value: 'Zwicky-Lovelace' }] };
		const found = await run({ resource: 'patient', operation: 'getAll', returnAll: true, filters });
		expect(found.items.map((i) => i.json.id)).toEqual([id]);

		const archived = await run({ resource: 'patient', operation: 'archive', patientId: locator(id) });
		expect(archived.items[0].json).toEqual({ success: true, id, archived: true });
		expect(sim.log.at(-1)).toMatchObject({ method: 'POST', path: `/v1/patients/${id}/archive`, status: 204 });

		const hidden = await run({ resource: 'patient', operation: 'getAll', returnAll: true, filters });
		expect(hidden.items).toHaveLength(0);
		const shown = await run({ resource: 'patient', operation: 'getAll', returnAll: true, filters, options: { includeArchived: true } });
		expect(shown.items.map((i) => i.json.id)).toEqual([id]);
		expect(shown.items[0].json.archived_at).toEqual(expect.any(String));
		expect(sim.log.at(-1)?.query.q).toEqual(['last_name:=Zwicky-Lovelace', 'archived_at:*']);

		const restored = await run({ resource: 'patient', operation: 'unarchive', patientId: locator(id) });
		expect(restored.items[0].json).toMatchObject({ id, archived_at: null });
		expect(sim.violations).toEqual([]);
	});

	it('takes a patient by the address of its Cliniko page', async () => {
		const patient = live('patients');
		const { items, error } = await run({
			resource: 'patient',
			operation: 'get',
			patientId: locator(`https://harbourside.au1.cliniko.com/patients/${patient.id}`, 'url'),
		});
		expect(error).toBeUndefined();
		expect(items[0].json.id).toBe(patient.id);
	});
});

describe('Cliniko node: appointments', () => {
	it('creates an appointment with int64 IDs as strings and times converted to UTC', async () => {
		const patient = live('patients');
		const practitioner = live('practitioners');
		const business = live('businesses');
		const type = live('appointment_types');
		const { items, error } = await run(
			{
				resource: 'individualAppointment',
				operation: 'create',
				patientId: locator(patient.id),
				practitionerId: locator(practitioner.id, 'list'),
				appointmentTypeId: locator(type.id),
				businessId: locator(business.id),
				startsAt: '2030-01-15T10:00:00',
				additionalFields: { notes: 'First visit', repeat_rule: '{"repeat_type":"Weekly","repeating_interval":1,"number_of_repeats":2}' },
			},
			{ timezone: 'Australia/Sydney' },
		);
		expect(error).toBeUndefined();
		expect(sim.log[0].body).toEqual({
			patient_id: patient.id,
			practitioner_id: practitioner.id,
			appointment_type_id: type.id,
			business_id: business.id,
			starts_at: '2030-01-14T23:00:00Z',
			notes: 'First visit',
			repeat_rule: { repeat_type: 'Weekly', repeating_interval: 1, number_of_repeats: 2 },
		});
		// IDs beyond 2^53 survive the round trip exactly.
		const raw = sim.state.raw('individual_appointments', String(items[0].json.id));
		expect(raw?.patient_id).toBe(patient.id);
		expect(BigInt(patient.id) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
	});

	it('cancels an appointment with a reason, then finds it only with Include Cancelled', async () => {
		const appointment = live('individual_appointments', (r) => r.cancelled_at == null && r.archived_at == null);
		const cancelled = await run({
			resource: 'individualAppointment',
			operation: 'cancel',
			individualAppointmentId: appointment.id,
			cancellationReason: 20,
			cancellationNote: 'Feeling worse',
			applyToRepeats: false,
		});
		expect(cancelled.items[0].json).toEqual({ success: true, id: appointment.id, cancelled: true });
		expect(sim.log[0]).toMatchObject({ method: 'PATCH', path: `/v1/individual_appointments/${appointment.id}/cancel`, status: 204 });
		expect(sim.log[0].body).toEqual({ cancellation_reason: 20, cancellation_note: 'Feeling worse', apply_to_repeats: false });

		const hidden = await run({ resource: 'individualAppointment', operation: 'get', individualAppointmentId: appointment.id });
		expect(hidden.error?.message).toContain(`no individual appointment with ID "${appointment.id}"`);
		const shown = await run({
			resource: 'individualAppointment',
			operation: 'get',
			individualAppointmentId: appointment.id,
			options: { includeCancelled: true, addLinkedIds: true },
		});
		expect(shown.error).toBeUndefined();
		expect(shown.items[0].json).toMatchObject({ id: appointment.id, cancellation_reason: 20, cancellation_note: 'Feeling worse' });
		expect(sim.log.at(-1)?.query.q).toEqual(['cancelled_at:*']);
	});

	it('Add Linked IDs adds <name>_id fields from the link objects and keeps the links', async () => {
		const appointment = live('individual_appointments');
		const plain = await run({ resource: 'individualAppointment', operation: 'get', individualAppointmentId: appointment.id });
		expect(plain.items[0].json).not.toHaveProperty('patient_id');
		const { items } = await run({
			resource: 'individualAppointment',
			operation: 'get',
			individualAppointmentId: appointment.id,
			options: { addLinkedIds: true },
		});
		const json = items[0].json;
		expect(json.patient_id).toBe(appointment.patient_id);
		expect(json.practitioner_id).toBe(appointment.practitioner_id);
		expect(json.business_id).toBe(appointment.business_id);
		expect(json.appointment_type_id).toBe(appointment.appointment_type_id);
		expect(json.patient).toEqual(plain.items[0].json.patient);
		expect(json).not.toHaveProperty('attendees_id');
	});

	it('finds available times in a window of at most 7 days', async () => {
		const availability = live('daily_availabilities');
		const type = live('appointment_types');
		const today = localDate(CLINIKO_ACCOUNT_TIME_ZONE, Date.now());
		const base = {
			resource: 'availableTime',
			operation: 'getAll',
			businessId: locator(String(availability.business_id)),
			practitionerId: locator(String(availability.practitioner_id)),
			appointmentTypeId: locator(type.id),
			returnAll: true,
		};
		const { items, error } = await run({ ...base, from: today, to: addDays(today, 7) });
		expect(error).toBeUndefined();
		expect(items.length).toBeGreaterThan(0);
		expect(items[0].json.appointment_start).toMatch(/Z$/);
		expect(sim.log[0].query).toMatchObject({ from: today, to: addDays(today, 7), per_page: '100' });

		sim.resetLog();
		const tooLong = await run({ ...base, from: today, to: addDays(today, 8) });
		expect(tooLong.error?.message).toBe('From and To are 8 days apart; Cliniko allows at most 7');
		expect(sim.log).toHaveLength(0);
	});
});

describe('Cliniko node: lists', () => {
	it('returns all patients page by page with per_page=100, following links.next', async () => {
		const { items, error } = await run({ resource: 'patient', operation: 'getAll', returnAll: true });
		expect(error).toBeUndefined();
		const expected = sim.state.rows('patients').filter((r) => r.deleted_at == null);
		expect(items).toHaveLength(expected.length);
		expect(new Set(items.map((i) => i.json.id)).size).toBe(expected.length);
		expect(sim.log).toHaveLength(Math.ceil(expected.length / 100));
		expect(sim.log[0].query.per_page).toBe('100');
		expect(sim.log[1].rawQuery).toContain('page=2');
		expect(items.every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);
	}, 60_000);

	it('stops at Limit and asks only for what it needs', async () => {
		const { items } = await run({ resource: 'patient', operation: 'getAll', returnAll: false, limit: 120 });
		expect(items).toHaveLength(120);
		expect(sim.log).toHaveLength(2);
		expect(sim.log[0].query.per_page).toBe('100');
	});

	it('sends filters as repeated q[] keys, with sort', async () => {
		await run({
			resource: 'individualAppointment',
			operation: 'getAll',
			returnAll: false,
			limit: 5,
			filters: {
				conditions: [
					{ field: 'starts_at', operator: 'greaterThanOrEqual', value: '2025-01-01T00:00:00Z' },
					{ field: 'starts_at', operator: 'lessThan', value: '2025-02-01T00:00:00Z' },
					{ field: 'practitioner_id', operator: 'equals', value: `${live('practitioners').id}` },
				],
			},
			sort: { fields: [{ field: 'starts_at', direction: 'desc' }] },
		});
		const entry = sim.log[0];
		expect(entry.rawQuery).toMatch(/^q%5B%5D=starts_at%3A%3E%3D2025-01-01T00%3A00%3A00Z&q%5B%5D=starts_at%3A%3C2025-02-01T00%3A00%3A00Z&q%5B%5D=practitioner_id%3A%3D\d+&sort=starts_at%3Adesc&per_page=5$/);
		expect(entry.query.q).toHaveLength(3);
		expect(sim.violations).toEqual([]);
	});

	it('refuses a filter whose operator does not suit the field, before sending', async () => {
		const { error } = await run({
			resource: 'patient',
			operation: 'getAll',
			returnAll: true,
			filters: { conditions: [{ field: 'updated_at', operator: 'contains', value: '2024' }] },
		});
		expect(error?.className).toBe('NodeOperationError');
		expect(error?.message).toBe('"Contains" does not apply to Updated At (a date and time): use Greater Than or Equal, Greater Than, Less Than or Equal, Less Than, Is Not Empty, Is Empty or Any Value (Including Empty)');
		expect(sim.log).toHaveLength(0);
	});
});

describe('Cliniko node: errors', () => {
	it('lists every field error of a 422', async () => {
		const { error } = await run({
			resource: 'individualAppointment',
			operation: 'create',
			patientId: locator('1'),
			practitionerId: locator('2'),
			appointmentTypeId: locator('3'),
			businessId: locator('4'),
			startsAt: '2030-01-15T10:00:00Z',
		});
		expect(error?.className).toBe('NodeApiError');
		expect(error?.httpCode).toBe('422');
		expect(error?.message).toMatch(/ \(HTTP 422\)$/);
		const fields = String(error?.message).replace(/ \(HTTP 422\)$/, '').split('; ').sort();
		expect(fields).toEqual(['appointment_type: must exist', 'business: must exist', 'patient: must exist', 'practitioner: must exist']);
	});

	it('shows Cliniko’s "can’t be blank" messages field by field', async () => {
		sim.faults.add({
			kind: 'status',
			status: 422,
			path: '^/v1/patients$',
			body: { message: 'Validation Failed', errors: { first_name: 'can’t be blank', last_name: 'can’t be blank' } },
		});
		const { error } = await run({ resource: 'patient', operation: 'create', firstName: 'A', lastName: 'B' });
		expect(error?.message).toBe('first_name: can’t be blank; last_name: can’t be blank (HTTP 422)');
	});

	it('refuses an empty or non-numeric ID before sending', async () => {
		// n8n itself applies the locator's ID pattern before the node runs.
		await expect(run({ resource: 'patient', operation: 'get', patientId: locator('12ab') })).rejects.toThrow('A Cliniko ID is a whole number of up to 19 digits');
		const empty = await run({ resource: 'medicalAlert', operation: 'get', medicalAlertId: '  ' });
		expect(empty.error?.message).toBe('Medical Alert ID is empty');
		const text = await run({ resource: 'medicalAlert', operation: 'get', medicalAlertId: '12ab' });
		expect(text.error?.message).toBe('Medical Alert ID must be a Cliniko ID (digits only), not "12ab"');
		expect(sim.log).toHaveLength(0);
	});

	it('says which record was not found', async () => {
		const { error } = await run({ resource: 'patient', operation: 'get', patientId: locator('999') });
		expect(error?.httpCode).toBe('404');
		expect(error?.message).toBe(
			'Patient not found: no patient with ID "999" (an archived record is only found with Options › Include Archived) (HTTP 404)',
		);
		const nested = await run({ resource: 'treatmentNote', operation: 'getAllForPatient', patientId: locator('999'), returnAll: true });
		expect(nested.error?.message).toContain('Patient not found: no patient with ID "999"');
	});

	it('continues on fail item by item, each result paired with its item', async () => {
		const good = live('patients').id;
		const inputItems: INodeExecutionData[] = [{ json: { id: good } }, { json: { id: '999' } }];
		const { items, error } = await run(
			{ resource: 'patient', operation: 'get', patientId: locator('={{ $json.id }}') },
			{ inputItems, continueOnFail: true },
		);
		expect(error).toBeUndefined();
		expect(items.map((i) => [i.json.id ?? i.json.httpCode, (i.pairedItem as { item: number }).item])).toEqual([
			[good, 0],
			['404', 1],
		]);
	});

	it('with On Error "Continue (using error output)", a refused item takes the error output with its message', async () => {
		// n8n moves an item to the error output when the item carries `error`, or when its json is only
		// error/message(/details) (n8n-core WorkflowExecute.handleNodeErrorOutput, 1.123 and 2.41): a json
		// with a description or an HTTP code beside the error stayed on the success output, so a webhook
		// workflow answered "created" for a form the node had refused (issue 18). n8n 2.x then keeps
		// only `{ error }` in such an item's json; the description stays on the item's error.
		const good = live('patients').id;
		const inputItems: INodeExecutionData[] = [{ json: { id: good } }, { json: { id: '999' } }, { json: { id: ' ' } }];
		const { outputs, error } = await run(
			{ resource: 'patient', operation: 'get', patientId: locator('={{ $json.id }}') },
			{ inputItems, onError: 'continueErrorOutput' },
		);
		expect(error).toBeUndefined();
		expect(outputs[0].map((i) => i.json.id)).toEqual([good]);
		expect(outputs[1].map((i) => [i.json.error, i.error?.description, (i.pairedItem as { item: number }).item])).toEqual([
			[expect.stringMatching(/^Patient not found: no patient with ID "999".* \(HTTP 404\)$/), 'Cliniko answered HTTP 404. Message: Not found', 1],
			['Patient ID is empty', 'Enter a value for "Patient ID".', 2],
		]);
		expect((outputs[1][0].error as { httpCode?: string }).httpCode).toBe('404');
	});
});

describe('Cliniko node: transport', () => {
	it('identifies itself with the User-Agent from the credential, Basic auth with the key, and Accept JSON', async () => {
		await run({ resource: 'user', operation: 'getCurrent' });
		const headers = sim.log[0].headers;
		expect(headers['user-agent']).toBe(CLINIKO_TEST_USER_AGENT);
		expect(headers.accept).toBe('application/json');
		expect(headers.authorization).toBe(`Basic ${Buffer.from(`${CLINIKO_TEST_KEY}:`).toString('base64')}`);
	});

	it('explains a 401 from a key of another shard, without showing the key', async () => {
		const wrongShardKey = registerSecret(CLINIKO_TEST_KEY.replace(/-au1$/, '-uk1'));
		const { error } = await run({ resource: 'patient', operation: 'getAll', returnAll: false, limit: 1 }, {
			credentials: credentials({ apiKey: wrongShardKey }),
		});
		expect(error?.httpCode).toBe('401');
		expect(error?.message).toBe(`${UNAUTHORIZED_MESSAGE} (HTTP 401)`);
		expect(JSON.stringify(error)).not.toContain('5e2b8d');
	});

	it('refuses a key whose ending is not a shard, before any request', async () => {
		const { error } = await run({ resource: 'user', operation: 'getCurrent' }, {
			credentials: credentials({ apiKey: registerSecret('cliniko_test_key_5e2b8d-au'), baseUrl: '' }),
		});
		expect(error?.message).toContain('ends in "-au", which is not a shard');
		expect(sim.log).toHaveLength(0);
	});

	it('waits for X-RateLimit-Reset after a 429, then carries on', async () => {
		const resetAt = Math.ceil(Date.now() / 1000) + 1;
		sim.faults.add({ kind: 'status', status: 429, path: '^/v1/user$', headers: { 'X-RateLimit-Reset': String(resetAt) }, body: { message: 'Too many requests' } });
		const started = Date.now();
		const { items, error } = await run({ resource: 'user', operation: 'getCurrent' });
		expect(error).toBeUndefined();
		expect(items[0].json.id).toBe(sim.state.currentUserId);
		expect(Date.now()).toBeGreaterThanOrEqual(resetAt * 1000);
		expect(Date.now() - started).toBeLessThan(10_000);
	}, 20_000);

	it('fails for rate limiting only when the wait would exceed Max Rate-Limit Wait', async () => {
		sim.faults.add({
			kind: 'status',
			status: 429,
			path: '^/v1/user$',
			headers: { 'X-RateLimit-Reset': String(Math.ceil(Date.now() / 1000) + 600) },
			body: { message: 'Too many requests' },
		});
		const started = Date.now();
		const { error } = await run({ resource: 'user', operation: 'getCurrent', options: { maxWaitSeconds: 5 } });
		expect(error?.httpCode).toBe('429');
		expect(error?.description).toMatch(/asks to wait \d+ s, longer than the 5 s this node waits/);
		expect(Date.now() - started).toBeLessThan(5_000);
	});

	it('stays under the simulator’s 200 requests a minute with many input items', async () => {
		sim.rateLimit.set({ limit: 200, windowMs: 60_000 });
		const inputItems: INodeExecutionData[] = Array.from({ length: 30 }, () => ({ json: {} }));
		const { items, error } = await run({ resource: 'user', operation: 'getCurrent' }, { inputItems });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(30);
		expect(sim.log.every((e) => e.status === 200)).toBe(true);
	});
});

describe('Cliniko node: pickers and dropdowns', () => {
	const ctx = () => ({ nodeType: Cliniko, ...common() });

	it('searches patients by name in Cliniko, page by page with a pagination token', async () => {
		const first = await runListSearch(ctx(), 'searchPatients', { filter: 'a' });
		expect(first.results.length).toBeGreaterThan(0);
		expect(first.paginationToken).toEqual(expect.any(String));
		expect(sim.log.map((e) => e.query.q)).toEqual([['last_name:~a'], ['first_name:~a']]);
		const second = await runListSearch(ctx(), 'searchPatients', { filter: 'a', paginationToken: first.paginationToken });
		expect(second.results.length).toBeGreaterThan(0);
		const firstIds = new Set(first.results.map((r) => r.value));
		expect(second.results.some((r) => !firstIds.has(r.value))).toBe(true);
		expect(sim.log.slice(2).every((e) => e.rawQuery.includes('page=2'))).toBe(true);

		const patient = live('patients');
		const full = await runListSearch(ctx(), 'searchPatients', { filter: `${String(patient.first_name)} ${String(patient.last_name)}` });
		expect(full.results.map((r) => r.value)).toContain(patient.id);
		const exact = await runListSearch(ctx(), 'searchPatients', { filter: patient.id });
		expect(exact.results.map((r) => r.value)).toEqual([patient.id]);
		const everyone = await runListSearch(ctx(), 'searchPatients', {});
		expect(everyone.results).toHaveLength(50);
		expect(sim.log.at(-1)?.query).toMatchObject({ sort: 'last_name,first_name', per_page: '50' });
		expect(sim.violations).toEqual([]);
	});

	it('refuses a pagination token pointing at another server', async () => {
		const token = JSON.stringify({ links: ['https://evil.example.com/v1/patients?page=2'] });
		await expect(runListSearch(ctx(), 'searchPatients', { filter: 'a', paginationToken: token })).rejects.toThrow('another server');
		expect(sim.log).toHaveLength(0);
	});

	it('lists practitioners, businesses and appointment types for the pickers', async () => {
		const practitioners = await runListSearch(ctx(), 'searchPractitioners', {});
		expect(practitioners.results.length).toBe(sim.state.rows('practitioners').filter((r) => r.active !== false).length);
		const businesses = await runListSearch(ctx(), 'searchBusinesses', {});
		expect(businesses.results.length).toBeGreaterThan(0);
		const type = live('appointment_types');
		const types = await runListSearch(ctx(), 'searchAppointmentTypes', { filter: String(type.name).slice(0, 4) });
		expect(types.results.map((r) => r.value)).toContain(type.id);
	});

	it('lists the Field choices of Filters and Sort for the form’s resource and operation, without a request', async () => {
		// The list is loaded rather than written into the description (issue 17). Called as n8n's editor
		// calls it from inside a filter condition: the form's resource and operation come from the root.
		const parameters = { resource: 'patient', operation: 'getAll', filters: { conditions: [{ field: 'updated_at' }] } };
		const { options } = await runLoadOptions({ ...ctx(), parameters, path: 'parameters.filters.conditions[0].field' }, 'getFilterFields');
		expect(options.map((o) => o.value)).toEqual(expect.arrayContaining(['updated_at', 'last_name', 'date_of_birth', 'archived_at']));
		expect(options.find((o) => o.value === 'updated_at')).toEqual({ name: 'Updated At', value: 'updated_at', description: 'Date and time' });
		const practitioner = await runLoadOptions({ ...ctx(), parameters: { resource: 'practitioner', operation: 'getAllInactive' } }, 'getFilterFields');
		expect(practitioner.options.map((o) => o.value)).not.toContain('date_of_birth');
		expect(sim.log).toHaveLength(0);
	});

	it('fills dropdowns from the account', async () => {
		const { options } = await runLoadOptions(ctx(), 'getUnavailableBlockTypes');
		expect(options.length).toBe(sim.state.rows('unavailable_block_types').length);
		expect(options.every((o) => typeof o.value === 'string' && /^\d+$/.test(o.value))).toBe(true);
		const names = options.map((o) => o.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
	});
});

describe('Cliniko credential', () => {
	it('tests OK against GET /user', async () => {
		const result = await testCredential(ClinikoApi, { ...sim.credentials });
		expect(result).toMatchObject({ status: 'OK' });
		expect(sim.log[0]).toMatchObject({ method: 'GET', path: '/v1/user' });
		expect(sim.log[0].headers['user-agent']).toBe(CLINIKO_TEST_USER_AGENT);
	});

	it('explains a refused key', async () => {
		const result = await testCredential(ClinikoApi, { ...sim.credentials, apiKey: registerSecret('revoked_key_91d0c4-au1') });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^Cliniko refused the API Key/);
	});

	it('trims a key pasted with spaces or a line break, in the test and in the node', async () => {
		const pasted = { ...sim.credentials, apiKey: ` ${sim.credentials.apiKey}\n` };
		expect(await testCredential(ClinikoApi, pasted)).toMatchObject({ status: 'OK' });
		const { items, error } = await runNode({
			nodeType: Cliniko,
			parameters: { resource: 'user', operation: 'getCurrent' } as never,
			credentials: { clinikoApi: pasted },
			credentialTypes: [ClinikoApi],
		});
		expect(error).toBeUndefined();
		expect(items.length).toBe(1);
	});

	it('names the credential field when the contact e-mail is empty, before sending anything', async () => {
		const result = await testCredential(ClinikoApi, { ...sim.credentials, contactEmail: '' });
		expect(result.status).toBe('Error');
		expect(result.message).toContain('Contact Email');
		sim.resetLog();
		const { error } = await runNode({
			nodeType: Cliniko,
			parameters: { resource: 'user', operation: 'getCurrent' } as never,
			credentials: { clinikoApi: { ...sim.credentials, contactEmail: ' ' } },
			credentialTypes: [ClinikoApi],
		});
		expect(error?.message).toMatch(/Contact Email/);
		expect(error?.message).toMatch(/Cliniko credential/);
		expect(sim.log).toHaveLength(0);
	});
});
