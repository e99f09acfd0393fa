/** One exportable Saveris data set: the current version of its asynchronous endpoint pair. */
export interface ExportResource {
	/** Node parameter value. */
	value: string;
	/** Dropdown name (singular nouns read badly for data sets, so the API's plural is kept). */
	name: string;
	/** `POST <path>` submits a job, `GET <path>/{request_uuid}` checks it. */
	path: string;
	/** Takes `date_time_from` / `date_time_until` (measurements, alarms, executed tasks). */
	timeBased: boolean;
	/** The record timestamp the date range selects on (time-based resources). */
	timeField?: string;
	/**
	 * Every column the date range might select on: OAS does not say which (research note). Used only
	 * as an upper bound of that column, so all must be listed.
	 */
	rangeColumns?: string[];
	/** Columns typed as numbers in the OAS `x-file-content` (CSV gives them as text). */
	numbers: string[];
	/** Columns typed as booleans. */
	booleans: string[];
	/** Columns holding JSON text, parsed into objects. */
	json: string[];
	/** What one row is, for descriptions. */
	noun: string;
}

export const EXPORT_RESOURCES: ExportResource[] = [
	{
		value: 'measurement',
		name: 'Measurements',
		path: '/v2/measurements',
		timeBased: true,
		timeField: 'timestamp',
		rangeColumns: ['timestamp', 'processed_at'],
		numbers: ['channel_no', 'measurement'],
		booleans: [],
		json: [],
		noun: 'measurement',
	},
	{
		value: 'alarm',
		name: 'Alarms',
		path: '/v3/alarms',
		timeBased: true,
		timeField: 'alarm_time',
		rangeColumns: ['alarm_time', 'last_status_change_time', 'processed_at'],
		numbers: ['alarm_value'],
		booleans: [],
		json: [],
		noun: 'alarm',
	},
	{
		value: 'executedTask',
		name: 'Executed Tasks',
		path: '/v3/tasks',
		timeBased: true,
		timeField: 'timestamp',
		rangeColumns: ['timestamp', 'processed_at'],
		numbers: ['sequence_no'],
		booleans: ['has_corrective_action', 'marked_as_deleted'],
		json: [],
		noun: 'executed task step',
	},
	{
		value: 'equipment',
		name: 'Equipment',
		path: '/v4/equipments',
		timeBased: false,
		numbers: [
			'door_contact_delay_in_ms',
			'alarm_delay',
			'lower_violation',
			'lower_warning',
			'upper_violation',
			'upper_warning',
			'measuring_rate',
			'valid_from_time',
			'valid_until_time',
		],
		booleans: ['is_active'],
		json: [],
		noun: 'equipment part',
	},
	{
		value: 'tenant',
		name: 'Tenants',
		path: '/v3/tenants',
		timeBased: false,
		numbers: [],
		booleans: ['is_operator'],
		json: [],
		noun: 'tenant',
	},
	{
		value: 'deviceStatus',
		name: 'Device Status',
		path: '/v4/devices/status',
		timeBased: false,
		numbers: ['radio_level_percent', 'battery_level_percent', 'battery_temperature'],
		booleans: ['is_powersupply_on'],
		json: [],
		noun: 'device status',
	},
	{
		value: 'sensorStatus',
		name: 'Sensor Status',
		path: '/v4/sensors/status',
		timeBased: false,
		numbers: [
			'radio_level_percent',
			'battery_level_percent',
			'battery_temperature',
			'battery_voltage_mv',
			'battery_predicted_remaining_operating_days',
		],
		booleans: [],
		json: [],
		noun: 'sensor status',
	},
	{
		value: 'deviceProperties',
		name: 'Device Properties',
		path: '/v3/devices/properties',
		timeBased: false,
		// Integers (channel_attenuation a number) in the OAS x-file-content of POST /v3/devices/properties.
		numbers: [
			'channel_id',
			'device_communication_log_time',
			'device_measuring_cycle',
			'device_measuring_cycle_effective',
			'sensor_measuring_cycle',
			'sensor_measuring_cycle_effective',
			'channel_no',
			'channel_physical_unit_exponent',
			'channel_attenuation',
		],
		// Typed string in the OAS ("true"/"false"), delivered as booleans here.
		booleans: [
			'device_is_active',
			'device_is_ethernetprobe',
			'device_is_powersuppliable',
			'device_is_wirelessprobe',
			'sensor_is_wired',
			'sensor_is_radio',
			'sensor_is_connected',
			'channel_is_external',
			'channel_is_calibration_possible',
		],
		json: [],
		noun: 'device channel',
	},
	{
		value: 'location',
		name: 'Locations',
		path: '/v1/locations',
		timeBased: false,
		numbers: [],
		booleans: [],
		json: [],
		noun: 'location',
	},
	{
		value: 'measuringObject',
		name: 'Measuring Objects',
		path: '/v1/measuring-objects',
		timeBased: false,
		numbers: [],
		booleans: [],
		json: ['measurement_alarm_configuration', 'channel_assignments', 'measuring_instructions'],
		noun: 'measuring object',
	},
];

export function exportResource(value: string): ExportResource | undefined {
	return EXPORT_RESOURCES.find((r) => r.value === value);
}

export const DAY_MS = 24 * 60 * 60_000;

/**
 * 7 days per request at most and 5 minutes at least: stated only in the byuTesto integrator note
 * (skills/integrate/data-api.md), not in testo's OpenAPI, whose examples ask for 2024-06-01 to
 * 2024-12-31 in one request. Kept because a shorter window costs nothing but one more job.
 */
export const MAX_WINDOW_MS = 7 * DAY_MS;
export const MIN_WINDOW_MS = 5 * 60_000;

/**
 * The longest From–Until range of one run: a year, i.e. at most 53 export jobs per item. A longer
 * range (or a typo such as year 20240) would submit hundreds of jobs and keep the run busy for hours.
 */
export const MAX_RANGE_DAYS = 366;

/** Longest "Export and Wait" timeout: a day. */
export const MAX_TIMEOUT_MINUTES = 24 * 60;
