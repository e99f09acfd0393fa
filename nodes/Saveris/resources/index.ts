import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { OperationDef } from '../../shared/types';
import { DEFAULT_MAX_MEGABYTES, DEFAULT_MAX_ROWS, MAX_MEGABYTES_LIMIT, MAX_ROWS_LIMIT } from '../parse/limits';
import { EXPORT_RESOURCES } from './definitions';

export const EXPORT_OPERATIONS = ['exportAndWait', 'startExport', 'getExportStatus', 'getExportResults'] as const;
export type ExportOperation = (typeof EXPORT_OPERATIONS)[number];

/** The four operations of every exportable resource, as rows (executed by the export module). */
export const exportOperations: OperationDef[] = EXPORT_RESOURCES.flatMap((r): OperationDef[] => {
	const lower = r.name.toLowerCase();
	return [
		{
			resource: r.value,
			operation: 'exportAndWait',
			name: 'Export and Wait',
			action: `Export ${lower} and wait for the rows`,
			description: `Submit an export of ${lower}, wait until it completes, then download and parse the files`,
			method: 'POST',
			path: r.path,
		},
		{
			resource: r.value,
			operation: 'startExport',
			name: 'Start Export',
			action: `Start an export of ${lower}`,
			description: 'Submit an export job and return its request_uuid without waiting',
			method: 'POST',
			path: r.path,
		},
		{
			resource: r.value,
			operation: 'getExportStatus',
			name: 'Get Export Status',
			action: `Get the status of a ${lower} export`,
			description: 'Check an export job once: Submitted, In Progress, Completed or Error',
			method: 'GET',
			path: `${r.path}/{request_uuid}`,
		},
		{
			resource: r.value,
			operation: 'getExportResults',
			name: 'Get Export Results',
			action: `Get the results of a ${lower} export`,
			description: 'Download and parse the files of a completed export job',
			method: 'GET',
			path: `${r.path}/{request_uuid}`,
		},
	];
});

const unwrapKey =
	(key: string) =>
	(body: unknown): IDataObject[] => {
		const list = body && typeof body === 'object' ? (body as IDataObject)[key] : undefined;
		return Array.isArray(list) ? (list as IDataObject[]) : [];
	};

/** The deprecated synchronous endpoints (newest sync version of each; limited to 6 MB answers). */
export const legacyOperations: OperationDef[] = [
	{
		resource: 'legacy',
		operation: 'getDevicePropertiesSync',
		name: 'Get Device Properties (Deprecated Sync)',
		action: 'Get device properties synchronously (deprecated)',
		description: 'Deprecated GET /v1/devices/properties: probes with their sensors and channels, answers up to 6 MB',
		method: 'GET',
		path: '/v1/devices/properties',
		unwrap: unwrapKey('probes'),
	},
	{
		resource: 'legacy',
		operation: 'getDeviceStatusSync',
		name: 'Get Device Status (Deprecated Sync)',
		action: 'Get device status synchronously (deprecated)',
		description: 'Deprecated GET /v2/devices/status-sync',
		method: 'GET',
		path: '/v2/devices/status-sync',
		unwrap: unwrapKey('devices_status'),
	},
	{
		resource: 'legacy',
		operation: 'getEquipmentSync',
		name: 'Get Equipment (Deprecated Sync)',
		action: 'Get equipment synchronously (deprecated)',
		description: 'Deprecated GET /v2/equipments-sync: equipment with parts and alarm configurations',
		method: 'GET',
		path: '/v2/equipments-sync',
		unwrap: unwrapKey('equipments'),
	},
	{
		resource: 'legacy',
		operation: 'getSensorStatusSync',
		name: 'Get Sensor Status (Deprecated Sync)',
		action: 'Get sensor status synchronously (deprecated)',
		description: 'Deprecated GET /v2/sensors/status-sync',
		method: 'GET',
		path: '/v2/sensors/status-sync',
		unwrap: unwrapKey('sensors_status'),
	},
	{
		resource: 'legacy',
		operation: 'getTenantsSync',
		name: 'Get Tenants (Deprecated Sync)',
		action: 'Get tenants synchronously (deprecated)',
		description: 'Deprecated GET /v3/tenants-sync',
		method: 'GET',
		path: '/v3/tenants-sync',
		unwrap: unwrapKey('tenants'),
	},
];

export const saverisOperations: OperationDef[] = [...exportOperations, ...legacyOperations];

const ALL = EXPORT_RESOURCES.map((r) => r.value);
const TIMED = EXPORT_RESOURCES.filter((r) => r.timeBased).map((r) => r.value);

/** The export fields, declared once and shown for every exportable resource. */
export const exportFields: INodeProperties[] = [
	{
		displayName: 'Request UUID',
		name: 'requestUuid',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 1f0c5a0e-8d3b-4a53-9a52-3c1e2f6b7d90',
		description: 'The request_uuid that Start Export returned',
		displayOptions: { show: { resource: ALL, operation: ['getExportStatus', 'getExportResults'] } },
	},
	{
		displayName: 'From',
		name: 'dateFrom',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'Start of the time range (inclusive). Times without a zone are UTC. Ranges over 7 days run as several jobs.',
		displayOptions: { show: { resource: TIMED, operation: ['exportAndWait', 'startExport'] } },
	},
	{
		displayName: 'Until',
		name: 'dateUntil',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'End of the time range (exclusive). Times without a zone are UTC.',
		displayOptions: { show: { resource: TIMED, operation: ['exportAndWait', 'startExport'] } },
	},
	{
		displayName: 'File Format',
		name: 'fileFormat',
		type: 'options',
		default: 'CSV',
		description: 'Format Saveris writes the result files in; only CSV and JSON can be turned into items',
		options: [
			{ name: 'Avro (Binary Only)', value: 'AVRO' },
			{ name: 'CSV', value: 'CSV' },
			{ name: 'JSON (Newline-Delimited)', value: 'JSON' },
			{ name: 'ORC (Binary Only)', value: 'ORC' },
			{ name: 'Parquet (Binary Only)', value: 'PARQUET' },
			{ name: 'Text File (Binary Only)', value: 'TEXTFILE' },
		],
		displayOptions: { show: { resource: ALL, operation: ['exportAndWait', 'startExport', 'getExportResults'] } },
	},
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		default: 'items',
		options: [
			{ name: 'Items (One per Row)', value: 'items', description: 'Parsed and typed rows' },
			{ name: 'Binary Files', value: 'binary', description: 'The result files as downloaded, one item per file' },
			{ name: 'Both', value: 'both', description: 'The rows, followed by one item per file' },
		],
		displayOptions: { show: { resource: ALL, operation: ['exportAndWait', 'getExportResults'] } },
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		hint: 'The name of the output binary field to put the file in',
		displayOptions: { show: { resource: ALL, operation: ['exportAndWait', 'getExportResults'], output: ['binary', 'both'] } },
	},
	{
		displayName: 'OData Query',
		name: 'odata',
		type: 'collection',
		placeholder: 'Add Query Option',
		default: {},
		displayOptions: { show: { resource: ALL, operation: ['exportAndWait', 'startExport'] } },
		options: [
			{
				displayName: 'Filter ($Filter)',
				name: 'filter',
				type: 'string',
				default: '',
				placeholder: "e.g. alarm_status eq 'Ok'",
				description: 'OData filter: eq ne gt ge lt le and or not, contains/startswith/endswith; text in single quotes',
			},
			{
				displayName: 'Order By ($Orderby)',
				name: 'orderby',
				type: 'string',
				default: '',
				placeholder: 'e.g. timestamp desc',
			},
			{
				displayName: 'Select ($Select)',
				name: 'select',
				type: 'string',
				default: '',
				placeholder: 'e.g. uuid,timestamp,measurement',
				description: 'Comma-separated column names',
			},
		],
	},
	{
		displayName: 'Result Limits',
		name: 'resultOptions',
		type: 'collection',
		placeholder: 'Add Limit',
		default: {},
		description: 'Bounds on what one item reads from its result files; going past one is an error, not a crashed n8n',
		displayOptions: { show: { resource: ALL, operation: ['exportAndWait', 'getExportResults'], output: ['items', 'both'] } },
		options: [
			{
				displayName: 'Max Result Size (MB)',
				name: 'maxMegabytes',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_MEGABYTES_LIMIT },
				default: DEFAULT_MAX_MEGABYTES,
				description: 'Most data read from all result files together, counted after decompression (a small gzip file can unpack to gigabytes)',
			},
			{
				displayName: 'Max Rows',
				name: 'maxRows',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_ROWS_LIMIT },
				default: DEFAULT_MAX_ROWS,
				description: 'Most rows turned into items; n8n keeps every item in memory (about 1 GB for a million rows)',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'waitOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { resource: ALL, operation: ['exportAndWait'] } },
		options: [
			{
				displayName: 'Timeout (Minutes)',
				name: 'timeoutMinutes',
				type: 'number',
				typeOptions: { minValue: 0.1 },
				default: 10,
				description: 'How long to wait for the export jobs before giving up (they keep running at Saveris)',
			},
			{
				displayName: 'First Check After (Seconds)',
				name: 'intervalSeconds',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 2 },
				default: 2,
				description: 'Wait before the first status check; the wait doubles after each check, up to 30 s',
			},
		],
	},
];
