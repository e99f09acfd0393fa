// Deterministic Saveris data: every record is a pure function of its resource and slot number, so a
// test can compute exactly which rows a window holds. Columns follow research §7 (OAS x-file-content).
import { createHash } from 'node:crypto';

export type Row = Record<string, string | number | boolean | null>;

export function uuidFrom(seed: string): string {
	const h = createHash('sha1').update(seed).digest('hex');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const TENANT_UUID = uuidFrom('tenant:0');
export const SENSORS = [0, 1, 2].map((i) => ({
	uuid: uuidFrom(`sensor:${i}`),
	serial: String(20208111 + i),
	site: `Site ${i + 1}`,
	unit: i === 2 ? '%rF' : 'CELSIUS',
	property: i === 2 ? 'Humidity' : 'Temperature',
	offsetMs: i * 97_000,
}));

/** A measurement every 5 minutes per sensor (sensor i shifted by i × 97 s). */
export const MEASUREMENT_PERIOD_MS = 5 * 60_000;
/** An alarm event every 40 minutes, shifted 13 minutes. */
export const ALARM_PERIOD_MS = 40 * 60_000;
export const ALARM_OFFSET_MS = 13 * 60_000;
/** An executed task step every 3 hours, shifted 7 minutes. */
export const TASK_PERIOD_MS = 3 * 60 * 60_000;
export const TASK_OFFSET_MS = 7 * 60_000;

const iso = (ms: number) => new Date(ms).toISOString();

function slots(fromMs: number, untilMs: number, period: number, offset: number): number[] {
	const out: number[] = [];
	for (let k = Math.ceil((fromMs - offset) / period); k * period + offset < untilMs; k++) out.push(k);
	return out;
}

export function measurementsIn(fromMs: number, untilMs: number): Row[] {
	const rows: Array<{ at: number; row: Row }> = [];
	for (const [i, s] of SENSORS.entries()) {
		for (const k of slots(fromMs, untilMs, MEASUREMENT_PERIOD_MS, s.offsetMs)) {
			const at = k * MEASUREMENT_PERIOD_MS + s.offsetMs;
			rows.push({
				at,
				row: {
					uuid: uuidFrom(`measurement:${i}:${k}`),
					sensor_uuid: s.uuid,
					channel_no: 1,
					serial_no: s.serial,
					model_code: '0572 2031',
					tenant_uuid: TENANT_UUID,
					customer_site: s.site,
					timestamp: iso(at),
					timestamp_local: iso(at + 3_600_000).replace('Z', ''),
					measurement: Number((4 + ((k * 7 + i * 3) % 50) / 10).toFixed(1)),
					physical_property_name: s.property,
					physical_unit: s.unit,
					physical_extension: '',
					processed_at: iso(at + 30_000),
				},
			});
		}
	}
	return rows.sort((a, b) => a.at - b.at).map((r) => r.row);
}

export function alarmsIn(fromMs: number, untilMs: number): Row[] {
	return slots(fromMs, untilMs, ALARM_PERIOD_MS, ALARM_OFFSET_MS).map((k) => {
		const at = k * ALARM_PERIOD_MS + ALARM_OFFSET_MS;
		const s = SENSORS[Math.abs(k) % SENSORS.length];
		const isAlarm = k % 2 === 0;
		return {
			uuid: uuidFrom(`alarm:${k}`),
			alarm_reason: isAlarm ? 'Upper limit exceeded' : 'Back to normal',
			alarm_status: isAlarm ? 'Alarm' : 'Ok',
			last_status_change_time: iso(at),
			alarm_condition_type: 'upper_violation',
			alarm_severity: isAlarm ? 'Alarm' : 'Warning',
			alarm_time: iso(at),
			alarm_time_local: iso(at + 3_600_000).replace('Z', ''),
			alarm_value: 8.5,
			physical_unit: '°C',
			physical_value: 'Temperature',
			physical_value_extension: '',
			alarm_source_uuid: s.uuid,
			serial_no: s.serial,
			tenant_uuid: TENANT_UUID,
			customer_site_uuid: uuidFrom(`site:${s.site}`),
			alarm_type: 'measurement_alarm',
			source_alarm_event_uuid: isAlarm ? '' : uuidFrom(`alarm:${k - 1}`),
			processed_at: iso(at + 60_000),
		};
	});
}

export function tasksIn(fromMs: number, untilMs: number): Row[] {
	return slots(fromMs, untilMs, TASK_PERIOD_MS, TASK_OFFSET_MS).map((k) => {
		const at = k * TASK_PERIOD_MS + TASK_OFFSET_MS;
		return {
			uuid: uuidFrom(`task:${k}`),
			quality_manual_uuid: uuidFrom('qm:0'),
			quality_manual_version_title: 'HACCP 2024',
			process_control_title: 'Goods receipt',
			task_title: 'Check fridge temperature',
			task_uuid: uuidFrom('task-def:0'),
			task_execution_uuid: uuidFrom(`task-exec:${k}`),
			task_type: 'PLANNED',
			has_corrective_action: k % 3 === 0,
			task_status: 'FINISHED',
			tenant_uuid: TENANT_UUID,
			marked_as_deleted: false,
			username: 'kitchen@example.com',
			sequence_no: 1,
			timestamp: iso(at),
			content: 'Temperature 4.2 °C, "ok"',
			parameters: JSON.stringify({ limit: 7 }),
			context: JSON.stringify({ shift: 'early' }),
			processed_at: iso(at + 60_000),
		};
	});
}

/** The snapshot resources (no time range): small fixed lists. */
export const SNAPSHOTS: Record<string, Row[]> = {
	equipment: [0, 1, 2].map((i) => ({
		tenant_uuid: TENANT_UUID,
		equipment_parts_uuid: uuidFrom(`eqp:${i}`),
		equipment_parts_title: `Compartment ${i + 1}`,
		equipment_uuid: uuidFrom(`eq:${i % 2}`),
		equipment_title: `Fridge ${(i % 2) + 1}`,
		equipment_type_title: 'Fridge',
		area_title: 'Kitchen',
		processed_at: '2024-06-01T00:00:00.000Z',
		is_active: true,
		door_contact_delay_in_ms: 60000,
		alarm_delay: 900000,
		lower_violation: 0,
		lower_warning: 1,
		upper_violation: 8,
		upper_warning: 7,
		measuring_rate: 300000,
		valid_from_time: 0,
		valid_until_time: 86400000,
	})),
	tenant: [
		{ tenant_uuid: TENANT_UUID, parent_uuid: '', is_operator: true, organisation_name: 'Demo Foods GmbH', organisation_id: 'DF-1', organisation_email: 'ops@example.com', country: 'DE', main_timezone: 'Europe/Berlin', main_language: 'de_DE', register_time: '2021-03-01T08:00:00.000Z' },
		{ tenant_uuid: uuidFrom('tenant:1'), parent_uuid: TENANT_UUID, is_operator: false, organisation_name: 'Demo Foods, Store 2', organisation_id: 'DF-2', organisation_email: 'store2@example.com', country: 'AT', main_timezone: 'Europe/Vienna', main_language: 'de_AT', register_time: '2022-05-10T08:00:00.000Z' },
	],
	deviceStatus: SENSORS.map((s, i) => ({
		device_uuid: uuidFrom(`device:${i}`),
		tenant_uuid: TENANT_UUID,
		customer_site: s.site,
		serial_no: s.serial,
		model_code: '0572 2031',
		production_date: '2020-01-15',
		connection_type: i === 1 ? 'ETHERNET' : 'WIFI',
		radio_level_percent: 80 - i * 10,
		battery_level_percent: 90 - i * 20,
		battery_temperature: 21.5,
		is_powersupply_on: i === 1,
		last_communication_time: '2024-06-01T00:00:00.000Z',
		next_communication_time: '2024-06-01T00:15:00.000Z',
		status_time: '2024-06-01T00:00:00.000Z',
		processed_at: '2024-06-01T00:00:30.000Z',
	})),
	sensorStatus: SENSORS.map((s, i) => ({
		sensor_uuid: s.uuid,
		tenant_uuid: TENANT_UUID,
		customer_site: s.site,
		serial_no: s.serial,
		model_code: '0572 1001',
		production_date: '2020-01-15',
		radio_level_percent: 75,
		battery_level_percent: 60 + i,
		battery_temperature: 20.25,
		battery_voltage_mv: 3000 + i,
		battery_predicted_remaining_operating_days: 400 - i,
		last_communication_time: '2024-06-01T00:00:00.000Z',
		next_communication_time: '2024-06-01T00:15:00.000Z',
		status_time: '2024-06-01T00:00:00.000Z',
		processed_at: '2024-06-01T00:00:30.000Z',
	})),
	deviceProperties: SENSORS.map((s, i) => ({
		tenant_uuid: TENANT_UUID,
		customer_site: s.site,
		device_uuid: uuidFrom(`device:${i}`),
		device_category: 'LOGGER',
		device_serial_no: s.serial,
		device_model_code: '0572 2031',
		device_is_active: 'true',
		device_communication_log_time: 900000,
		device_is_ethernetprobe: i === 1 ? 'true' : 'false',
		device_is_powersuppliable: 'false',
		device_is_wirelessprobe: 'true',
		sensor_uuid: s.uuid,
		sensor_serial_no: s.serial,
		sensor_is_wired: 'false',
		sensor_is_radio: 'true',
		sensor_is_connected: 'true',
		channel_id: 9241001 + i,
		// OAS (POST /v3/devices/properties, x-file-content): integers, and channel_attenuation a number.
		device_measuring_cycle: 300000,
		device_measuring_cycle_effective: 300000,
		sensor_measuring_cycle: 300000,
		sensor_measuring_cycle_effective: 300000,
		channel_no: 1,
		channel_physical_unit_exponent: 1,
		channel_attenuation: 0.5,
		channel_physical_unit: s.unit,
		channel_physical_property_name: s.property,
		channel_is_external: 'false',
		channel_is_calibration_possible: 'true',
	})),
	location: [
		{ tenant_uuid: TENANT_UUID, location_uuid: uuidFrom('loc:0'), parent_uuid: '', name: 'Demo Foods', location_type: 'customer', parent_location_type: '', location_subtype: '', valid_from: '2021-03-01T08:00:00.000Z', last_modified_at: '2024-01-01T00:00:00.000Z' },
		{ tenant_uuid: TENANT_UUID, location_uuid: uuidFrom('loc:1'), parent_uuid: uuidFrom('loc:0'), name: 'Kitchen, "main"', location_type: 'measurement site', parent_location_type: 'customer', location_subtype: 'ventilation', valid_from: '2021-03-01T08:00:00.000Z', last_modified_at: '2024-01-01T00:00:00.000Z' },
	],
	measuringObject: [0, 1].map((i) => ({
		customer_uuid: TENANT_UUID,
		mo_uuid: uuidFrom(`mo:${i}`),
		product_family_id: 'savr',
		customer_site: SENSORS[i].site,
		version_timestamp: '2024-01-01T00:00:00.000Z',
		measurement_alarm_configuration: JSON.stringify({ upper_limit: 8, lower_limit: 0, delay_min: 15 }),
		channel_assignments: JSON.stringify([{ channel_id: 9241001 + i, sensor_uuid: SENSORS[i].uuid }]),
		measuring_instructions: JSON.stringify({ text: 'Check, then "sign"' }),
		valid_from: '2021-03-01T08:00:00.000Z',
	})),
};

export const TIMED: Record<string, (from: number, until: number) => Row[]> = {
	measurement: measurementsIn,
	alarm: alarmsIn,
	executedTask: tasksIn,
};

/** Resource paths of the current async endpoints → resource value. */
export const ASYNC_PATHS: Record<string, { resource: string; timeBased: boolean }> = {
	'/v2/measurements': { resource: 'measurement', timeBased: true },
	'/v3/alarms': { resource: 'alarm', timeBased: true },
	'/v3/tasks': { resource: 'executedTask', timeBased: true },
	'/v4/equipments': { resource: 'equipment', timeBased: false },
	'/v3/tenants': { resource: 'tenant', timeBased: false },
	'/v4/devices/status': { resource: 'deviceStatus', timeBased: false },
	'/v4/sensors/status': { resource: 'sensorStatus', timeBased: false },
	'/v3/devices/properties': { resource: 'deviceProperties', timeBased: false },
	'/v1/locations': { resource: 'location', timeBased: false },
	'/v1/measuring-objects': { resource: 'measuringObject', timeBased: false },
};

export function csvOf(rows: Row[]): string {
	if (rows.length === 0) return '';
	const cols = Object.keys(rows[0]);
	const q = (v: unknown) => `"${v === null || v === undefined ? '' : String(v).replace(/"/g, '""')}"`;
	return [cols.map(q).join(','), ...rows.map((r) => cols.map((c) => q(r[c])).join(','))].join('\n') + '\n';
}

/** Applies `$select` and simple `col eq 'value'` (joined by `and`) filters; the rest is ignored. */
export function applyOdata(rows: Row[], odata: { $filter?: string; $select?: string } | undefined): Row[] {
	let out = rows;
	const filter = odata?.$filter?.trim();
	if (filter) {
		const terms = filter.split(/\s+and\s+/i).map((t) => /^(\w+)\s+eq\s+'([^']*)'$/.exec(t.trim()));
		if (terms.every((t) => t)) {
			out = out.filter((r) => terms.every((t) => String(r[t![1]]) === t![2]));
		}
	}
	const select = odata?.$select?.trim();
	if (select) {
		const cols = select.split(',').map((c) => c.trim()).filter(Boolean);
		out = out.map((r) => Object.fromEntries(cols.filter((c) => c in r).map((c) => [c, r[c]])));
	}
	return out;
}
