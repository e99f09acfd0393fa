import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

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
	/**
	 * Every column the date range might select on: testo's OpenAPI document does not say which, so
	 * every timestamp column of the resource is listed. Used only as an upper bound of that column,
	 * so all must be listed.
	 */
	rangeColumns?: string[];
	/** Columns typed as numbers in the `x-file-content` of testo's OpenAPI document (CSV gives them as text). */
	numbers: string[];
	/** Columns typed as booleans. */
	booleans: string[];
	/** Columns holding JSON text, parsed into objects. */
	json: string[];
}

export const EXPORT_RESOURCES: ExportResource[] = [
	{
		value: 'measurement',
		name: 'Measurements',
		path: '/v2/measurements',
		timeBased: true,
		rangeColumns: ['timestamp', 'processed_at'],
		numbers: ['channel_no', 'measurement'],
		booleans: [],
		json: [],
	},
	{
		value: 'alarm',
		name: 'Alarms',
		path: '/v3/alarms',
		timeBased: true,
		rangeColumns: ['alarm_time', 'last_status_change_time', 'processed_at'],
		numbers: ['alarm_value'],
		booleans: [],
		json: [],
	},
	{
		value: 'executedTask',
		name: 'Executed Tasks',
		path: '/v3/tasks',
		timeBased: true,
		rangeColumns: ['timestamp', 'processed_at'],
		numbers: ['sequence_no'],
		booleans: ['has_corrective_action', 'marked_as_deleted'],
		json: [],
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
	},
	{
		value: 'tenant',
		name: 'Tenants',
		path: '/v3/tenants',
		timeBased: false,
		numbers: [],
		booleans: ['is_operator'],
		json: [],
	},
	{
		value: 'deviceStatus',
		name: 'Device Status',
		path: '/v4/devices/status',
		timeBased: false,
		numbers: ['radio_level_percent', 'battery_level_percent', 'battery_temperature'],
		booleans: ['is_powersupply_on'],
		json: [],
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
	},
	{
		value: 'deviceProperties',
		name: 'Device Properties',
		path: '/v3/devices/properties',
		timeBased: false,
		// Integers (channel_attenuation a number) in the x-file-content of POST /v3/devices/properties in testo's OpenAPI document.
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
		// Typed string in testo's OpenAPI document ("true"/"false"), delivered as booleans here.
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
	},
	{
		value: 'location',
		name: 'Locations',
		path: '/v1/locations',
		timeBased: false,
		numbers: [],
		booleans: [],
		json: [],
	},
	{
		value: 'measuringObject',
		name: 'Measuring Objects',
		path: '/v1/measuring-objects',
		timeBased: false,
		numbers: [],
		booleans: [],
		json: ['measurement_alarm_configuration', 'channel_assignments', 'measuring_instructions'],
	},
];

export function exportResource(value: string): ExportResource | undefined {
	return EXPORT_RESOURCES.find((r) => r.value === value);
}

/** The result file formats an export job can write (`options.result_file_format`), by name. */
export const FILE_FORMATS: INodePropertyOptions[] = [
	{ name: 'Avro (Binary Only)', value: 'AVRO' },
	{ name: 'CSV', value: 'CSV' },
	{ name: 'JSON (Newline-Delimited)', value: 'JSON' },
	{ name: 'ORC (Binary Only)', value: 'ORC' },
	{ name: 'Parquet (Binary Only)', value: 'PARQUET' },
	{ name: 'Text File (Binary Only)', value: 'TEXTFILE' },
];

/** The formats whose files are parsed into items (the trigger emits items, so it offers only these). */
export const PARSABLE_FORMATS = FILE_FORMATS.filter((f) => f.value === 'CSV' || f.value === 'JSON');

/** The Request UUID of one export job: asked for by the node's job operations and the trigger's Export Finished. */
export function requestUuidField(description: string, show: NonNullable<INodeProperties['displayOptions']>['show']): INodeProperties {
	return {
		displayName: 'Request UUID',
		name: 'requestUuid',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 1f0c5a0e-8d3b-4a53-9a52-3c1e2f6b7d90',
		description,
		displayOptions: { show },
	};
}
