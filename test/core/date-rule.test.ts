// One date-time rule for every node (issue 16 item 6): a date-time parameter is read in the workflow's
// time zone unless the value carries an offset (or Z). Each provider, in a workflow zone that is not UTC,
// with and without an offset, and a bad date (an error naming the field, nothing sent).
import type { IDataObject } from 'n8n-workflow';

import { ClientXcmsApi } from '../../credentials/ClientXcmsApi.credentials';
import { ClinikoApi } from '../../credentials/ClinikoApi.credentials';
import { SaverisApi } from '../../credentials/SaverisApi.credentials';
import { XtraKitApi } from '../../credentials/XtraKitApi.credentials';
import { ClientXcms } from '../../nodes/ClientXcms/ClientXcms.node';
import { Cliniko } from '../../nodes/Cliniko/Cliniko.node';
import { Saveris } from '../../nodes/Saveris/Saveris.node';
import { SaverisTrigger } from '../../nodes/Saveris/SaverisTrigger.node';
import { resetTokenCache } from '../../nodes/Saveris/transport/session';
import { XtraKit } from '../../nodes/XtraKit/XtraKit.node';
import { startClientXcmsSimulator } from '../simulators/clientxcms';
import type { ClientXcmsSimulator } from '../simulators/clientxcms';
import { startClinikoSimulator } from '../simulators/cliniko';
import type { ClinikoSimulator } from '../simulators/cliniko';
import { startSaverisSimulator } from '../simulators/saveris';
import type { SaverisSimulator } from '../simulators/saveris';
import { startXtraKitSimulator } from '../simulators/xtrakit';
import type { XtraKitSimulator } from '../simulators/xtrakit';
import { locator } from '../helpers/locator';
import { useSimulator } from '../helpers/simulator';
import { runNode, runPoll } from './harness';

const SYDNEY = { timezone: 'Australia/Sydney' };
const NEW_YORK = { timezone: 'America/New_York' };

describe('Saveris: From / Until and the trigger Start Date in the workflow time zone', () => {
	let sim: SaverisSimulator;
	useSimulator(() => startSaverisSimulator(), (s) => (sim = s), () => resetTokenCache());
	const run = (parameters: IDataObject, extra: IDataObject = {}) =>
		runNode({
			nodeType: Saveris,
			parameters: { resource: 'measurement', operation: 'exportAndWait', waitOptions: { intervalSeconds: 0.01, timeoutMinutes: 1 }, ...parameters } as never,
			credentials: { saverisApi: { ...sim.credentials } },
			credentialTypes: [SaverisApi],
			...extra,
		});
	const window = () => {
		const body = sim.log.find((e) => e.method === 'POST' && e.path === '/v2/measurements')?.body as IDataObject;
		return [body.date_time_from, body.date_time_until];
	};

	it('reads a time without a zone in the workflow zone (Sydney, UTC+10 in June)', async () => {
		const { error } = await run({ dateFrom: '2024-06-01T10:00:00', dateUntil: '2024-06-01T12:00:00' }, SYDNEY);
		expect(error).toBeUndefined();
		expect(window()).toEqual(['2024-06-01T00:00:00.000Z', '2024-06-01T02:00:00.000Z']);
	});

	it('keeps the instant of a value with an offset or Z', async () => {
		const { error } = await run({ dateFrom: '2024-06-01T00:00:00Z', dateUntil: '2024-06-01T04:00:00+02:00' }, SYDNEY);
		expect(error).toBeUndefined();
		expect(window()).toEqual(['2024-06-01T00:00:00.000Z', '2024-06-01T02:00:00.000Z']);
	});

	it('refuses a bad date naming the field, before anything is sent', async () => {
		const { error } = await run({ dateFrom: '2024-02-30T00:00:00', dateUntil: '2024-03-01T00:00:00' }, NEW_YORK);
		expect(error?.message).toBe('From is not a valid date and time: "2024-02-30T00:00:00"');
		expect(error?.description).toContain("the workflow's time zone (America/New_York)");
		expect(sim.log).toHaveLength(0);
	});

	it('the trigger reads its Start Date the same way: its first window starts at that instant', async () => {
		const now = Date.parse('2024-06-10T00:00:00.000Z');
		const spy = jest.spyOn(Date, 'now').mockImplementation(() => now);
		try {
			sim.settings.inProgressPolls = 0;
			const parameters = { mode: 'newRecords', recordResource: 'alarm', startDate: '2024-06-09T10:00:00', options: { fileFormat: 'JSON', lookbackMinutes: 0 } };
			await runPoll({ nodeType: SaverisTrigger, parameters: parameters as never, mode: 'activation', staticData: {}, credentials: { saverisApi: { ...sim.credentials } }, credentialTypes: [SaverisApi], ...SYDNEY });
			const post = sim.log.find((e) => e.method === 'POST' && e.path === '/v3/alarms')?.body as IDataObject;
			expect(post.date_time_from).toBe('2024-06-09T00:00:00.000Z');
		} finally {
			spy.mockRestore();
		}
	});
});

describe('XtraKit: zone-less times are the wall clock of the workflow time zone', () => {
	let sim: XtraKitSimulator;
	useSimulator(() => startXtraKitSimulator(), (s) => (sim = s));
	const run = (parameters: IDataObject, extra: IDataObject = {}) =>
		runNode({ nodeType: XtraKit, parameters: parameters as never, credentials: { xtraKitApi: { apiKey: sim.apiKey, baseUrl: sim.baseUrl } }, credentialTypes: [XtraKitApi], ...extra });
	const query = () => sim.log.find((e) => e.path === '/api/v1/customers')?.query;

	it('sends a value without a zone as written, and one with an offset as the Sydney wall clock', async () => {
		await run({ resource: 'customer', operation: 'getAll', returnAll: true, filters: { created_at: '2024-07-01T10:30:00' } }, SYDNEY);
		expect(query()).toEqual({ created_at: '2024-07-01 10:30:00' });
		sim.resetLog();
		await run({ resource: 'customer', operation: 'getAll', returnAll: true, filters: { created_at: '2024-07-01T10:30:00Z', updated_at: '2024-09-30T23:00:00Z' } }, SYDNEY);
		expect(query()).toEqual({ created_at: '2024-07-01 20:30:00', updated_at: '2024-10-01' });
	});

	it('refuses a bad date naming the field, before anything is sent', async () => {
		const { error } = await run({ resource: 'customer', operation: 'getAll', returnAll: true, filters: { created_at: '2024-07-01T25:00:00' } }, NEW_YORK);
		expect(error?.message).toMatch(/^Created at must be a date and time/);
		expect(sim.log).toHaveLength(0);
	});
});

describe('CLIENTXCMS: date-times and calendar dates under the same rule', () => {
	let sim: ClientXcmsSimulator;
	useSimulator(() => startClientXcmsSimulator(), (s) => (sim = s));
	const run = (parameters: IDataObject, extra: IDataObject = {}) =>
		runNode({ nodeType: ClientXcms, parameters: parameters as never, credentials: { clientXcmsApi: { baseUrl: sim.baseUrl, apiKey: sim.apiKey } }, credentialTypes: [ClientXcmsApi], ...extra });
	const sent = (path: string) => sim.log.find((e) => e.method === 'POST' && e.path === `/api/application${path}`)?.body as IDataObject;

	it('sends a date-time as the New York wall clock: as written without a zone, converted with one', async () => {
		const first = await run({ resource: 'invoice', operation: 'update', invoiceId: locator(1), updateFields: { paid_at: '2024-06-01T08:00:00' } }, NEW_YORK);
		expect(first.error).toBeUndefined();
		expect(sent('/invoices/1').paid_at).toBe('2024-06-01 08:00:00');
		sim.resetLog();
		await run({ resource: 'invoice', operation: 'update', invoiceId: locator(1), updateFields: { paid_at: '2024-06-01T08:00:00Z' } }, NEW_YORK);
		expect(sent('/invoices/1').paid_at).toBe('2024-06-01 04:00:00');
	});

	it('takes the calendar date of an instant in the workflow zone', async () => {
		await run({ resource: 'invoice', operation: 'export', invoiceId: locator(1), format: 'csv', exportFilters: { date_from: '2024-06-01T02:00:00Z', date_to: '2024-06-30T00:00:00' } }, NEW_YORK);
		expect(sent('/invoices/1/export')).toMatchObject({ date_from: '2024-05-31', date_to: '2024-06-30' });
	});

	it('refuses a bad date naming the field, before anything is sent', async () => {
		const { error } = await run({ resource: 'invoice', operation: 'update', invoiceId: locator(1), updateFields: { paid_at: '2024-13-01T00:00:00' } }, SYDNEY);
		expect(error?.message).toBe('Paid At is not a valid date and time: "2024-13-01T00:00:00"');
		expect(sim.log).toHaveLength(0);
	});
});

describe('Cliniko: calendar dates under the same rule as its date-times', () => {
	let sim: ClinikoSimulator;
	useSimulator(() => startClinikoSimulator(), (s) => (sim = s));
	const run = (parameters: IDataObject, extra: IDataObject = {}) =>
		runNode({ nodeType: Cliniko, parameters: parameters as never, credentials: { clinikoApi: { ...sim.credentials } }, credentialTypes: [ClinikoApi], ...extra });
	const patient = (dateOfBirth: string) => ({ resource: 'patient', operation: 'create', firstName: 'Ada', lastName: 'Lovelace', additionalFields: { date_of_birth: dateOfBirth } });

	it('a date without a zone stays as written; an instant becomes its Sydney date', async () => {
		await run(patient('1980-12-10T00:00:00'), SYDNEY);
		expect((sim.log[0].body as IDataObject).date_of_birth).toBe('1980-12-10');
		sim.resetLog();
		await run(patient('1980-12-10T20:00:00Z'), SYDNEY);
		expect((sim.log[0].body as IDataObject).date_of_birth).toBe('1980-12-11');
	});

	it('refuses a bad date naming the field, before anything is sent', async () => {
		const { error } = await run(patient('1980-02-30'), NEW_YORK);
		expect(error?.message).toMatch(/Date of Birth/i);
		expect(sim.log).toHaveLength(0);
	});
});
