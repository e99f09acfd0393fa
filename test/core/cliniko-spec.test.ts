// What Cliniko's OpenAPI document says, rather than what was assumed (issue 14).
// Point 13: a field the user adds to Update Fields and leaves empty is cleared. The spec decides what
// that means per field — `nullable` ones are sent as null; a text field that is not nullable (a name,
// a colour with a `pattern`) cannot be empty, so the node refuses it, naming the field, before
// anything is sent.
// Point 16: the trigger sees soft-deleted records on the lists whose q[] table has deleted_at.
import type { IDataObject } from 'n8n-workflow';

import { ClinikoApi } from '../../credentials/ClinikoApi.credentials';
import { Cliniko } from '../../nodes/Cliniko/Cliniko.node';
import { ClinikoTrigger } from '../../nodes/Cliniko/ClinikoTrigger.node';
import { SEED_NOW, startClinikoSimulator } from '../simulators/cliniko';
import type { ClinikoSimulator, Row } from '../simulators/cliniko';
import { locator } from '../helpers/locator';
import { runNode, runPoll } from './harness';
import { useSimulator } from '../helpers/simulator';

let sim: ClinikoSimulator;
const run = (parameters: IDataObject) =>
	runNode({ nodeType: Cliniko, parameters: parameters as never, credentials: { clinikoApi: sim.credentials }, credentialTypes: [ClinikoApi] });

useSimulator(() => startClinikoSimulator({ rateLimit: null }), (s) => (sim = s));

const live = (collection: string, where?: (row: Row) => boolean): Row => sim.state.liveRow(collection, where);

describe('Cliniko node: clearing a field in Update Fields', () => {
	it('sends null for nullable fields, including those with a pattern (email, invoice email, DVA card number)', async () => {
		const patient = live('patients');
		sim.state.modify('patients', patient.id, { email: 'old@example.com', invoice_email: 'bills@example.com', dva_card_number: 'NX123456', notes: 'old' });
		const { items, error } = await run({
			resource: 'patient',
			operation: 'update',
			patientId: locator(patient.id),
			updateFields: { email: '', invoice_email: ' ', dva_card_number: '', notes: '' },
		});
		expect(error).toBeUndefined();
		expect(sim.log.at(-1)?.body).toEqual({ email: null, invoice_email: null, dva_card_number: null, notes: null });
		expect(items[0].json).toMatchObject({ email: null, invoice_email: null, dva_card_number: null, notes: null });
		expect(sim.violations).toEqual([]);
	});

	it.each([
		['Color', 'appointmentType', { appointmentTypeId: locator('') }, 'appointment_types', { color: '' }],
		['Color', 'unavailableBlockType', { unavailableBlockTypeId: '' }, 'unavailable_block_types', { color: '' }],
		['Name', 'medicalAlert', { medicalAlertId: '' }, 'medical_alerts', { name: '' }],
		['First Name', 'patient', { patientId: locator('') }, 'patients', { first_name: ' ' }],
	])('refuses to blank %s of %s, which the spec does not let be null, naming the field', async (label, resource, idParam, collection, updateFields) => {
		const id = live(collection).id;
		const [param, value] = Object.entries(idParam)[0];
		const parameters = { resource, operation: 'update', [param]: typeof value === 'string' ? id : locator(id), updateFields };
		const { error } = await run(parameters);
		expect(error?.className).toBe('NodeOperationError');
		expect(error?.message).toBe(`${label} cannot be empty`);
		expect(error?.description).toContain(`"${label}"`);
		expect(sim.log).toHaveLength(0);
	});
});

describe('Cliniko node: a create or update with nothing to send', () => {
	it('is refused before sending, since the spec requires a body and n8n would send none', async () => {
		const patient = live('patients');
		const update = await run({ resource: 'patient', operation: 'update', patientId: locator(patient.id), updateFields: {} });
		expect(update.error?.message).toBe('Nothing to send: add at least one field under Update Fields');
		const create = await run({ resource: 'contact', operation: 'create', additionalFields: {} });
		expect(create.error?.message).toBe('Nothing to send: add at least one field under Additional Fields');
		expect(sim.log).toHaveLength(0);
	});
});

describe('Cliniko trigger: soft-deleted records', () => {
	const poll = (parameters: IDataObject, mode: 'activation' | 'trigger', staticData: IDataObject = {}) =>
		runPoll({ nodeType: ClinikoTrigger, parameters: parameters as never, mode, staticData, credentials: { clinikoApi: sim.credentials }, credentialTypes: [ClinikoApi] });

	it('New or Updated Record delivers a record deleted between two polls, on a list that filters on deleted_at', async () => {
		sim.state.clock.set(new Date(SEED_NOW + 86_400_000).toISOString());
		const params = { event: 'updated', resource: 'individualAppointment' };
		const seeded = await poll(params, 'activation');
		expect(seeded.error).toBeUndefined();
		sim.state.clock.set(new Date(SEED_NOW + 86_400_000 + 60_000).toISOString());
		const appointment = live('individual_appointments', (r) => r.cancelled_at == null && r.archived_at == null);
		// A deletion in Cliniko's diary sets deleted_at; like any write of the record it moves updated_at
		// (INFERENCE: the spec does not say; a deletion that did not would not be seen by any filter).
		const now = sim.state.nowIso();
		sim.state.modify('individual_appointments', appointment.id, { deleted_at: now, updated_at: now });
		const tick = await poll(params, 'trigger', seeded.savedStaticData);
		expect(tick.error).toBeUndefined();
		expect((tick.items ?? []).map((i) => i.json.id)).toEqual([appointment.id]);
		expect(tick.items?.[0].json.deleted_at).toBe(now);
		const asked = sim.log.filter((e) => e.path === '/v1/individual_appointments').pop();
		expect(asked?.query.q).toEqual([expect.stringMatching(/^updated_at:>=/), 'archived_at:*', 'cancelled_at:*', 'deleted_at:*']);
		expect(sim.violations).toEqual([]);
	});
});

describe('numbers are checked before sending (issue 14, point 18)', () => {
	it('a Duration given as text is refused naming the field, and nothing is sent', async () => {
		sim.resetLog();
		const { error } = await run({ resource: 'appointmentType', operation: 'create', name: 'Consult', durationInMinutes: 'thirty' });
		expect(error?.message).toMatch(/Duration in Minutes/);
		expect(error?.message).toMatch(/thirty/);
		expect(sim.log).toHaveLength(0);
		const { error: inUpdate } = await run({
			resource: 'appointmentType',
			operation: 'update',
			appointmentTypeId: locator(String(live('appointment_types').id)),
			updateFields: { duration_in_minutes: 'thirty' },
		});
		expect(inUpdate?.message).toMatch(/Duration in Minutes/);
		expect(sim.log).toHaveLength(0);
	});
});
