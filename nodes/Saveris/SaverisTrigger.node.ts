import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';

import { EXPORT_RESOURCES, exportResource } from './resources/definitions';
import { manualNewRecords, pollExportFinished, pollNewRecords } from './trigger/state';
import type { ExportFinishedState, NewRecordsState } from './trigger/state';

const TIMED = EXPORT_RESOURCES.filter((r) => r.timeBased);

export class SaverisTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'testo Saveris Trigger',
		name: 'saverisTrigger',
		icon: { light: 'file:saveris.svg', dark: 'file:saveris.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["mode"]}}',
		description: 'Starts the workflow on new Saveris measurements, alarms or tasks, or when an export finishes',
		defaults: { name: 'testo Saveris Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'saverisApi', required: true }],
		properties: [
			{
				displayName: 'Mode',
				name: 'mode',
				type: 'options',
				noDataExpression: true,
				default: 'newRecords',
				options: [
					{
						name: 'Export Finished',
						value: 'exportFinished',
						description: 'Watch one request_uuid (e.g. from Start Export) and fire once with its rows when it completes',
					},
					{
						name: 'New Records',
						value: 'newRecords',
						description: 'Export each new time window in the background and emit every new record exactly once',
					},
				],
			},
			{
				displayName: 'Resource',
				name: 'recordResource',
				type: 'options',
				noDataExpression: true,
				default: 'measurement',
				options: TIMED.map((r) => ({ name: r.name, value: r.value })),
				displayOptions: { show: { mode: ['newRecords'] } },
			},
			{
				displayName: 'Resource',
				name: 'exportResource',
				type: 'options',
				default: 'measurement',
				options: EXPORT_RESOURCES.map((r) => ({ name: r.name, value: r.value })),
				displayOptions: { show: { mode: ['exportFinished'] } },
			},
			{
				displayName: 'Request UUID',
				name: 'requestUuid',
				type: 'string',
				default: '',
				required: true,
				placeholder: 'e.g. 1f0c5a0e-8d3b-4a53-9a52-3c1e2f6b7d90',
				description: 'The request_uuid of the export to watch',
				displayOptions: { show: { mode: ['exportFinished'] } },
			},
			{
				displayName: 'Start Date',
				name: 'startDate',
				type: 'dateTime',
				default: '',
				description: 'Deliver records from this date on the first activation; empty: only records from activation on',
				displayOptions: { show: { mode: ['newRecords'] } },
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Delay (Minutes)',
						name: 'lagMinutes',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 10,
						description: 'Export only up to this long ago, so late-processed records are in place',
						displayOptions: { show: { '/mode': ['newRecords'] } },
					},
					{
						displayName: 'File Format',
						name: 'fileFormat',
						type: 'options',
						default: 'CSV',
						options: [
							{ name: 'CSV', value: 'CSV' },
							{ name: 'JSON (Newline-Delimited)', value: 'JSON' },
						],
					},
					{
						displayName: 'Filter ($Filter)',
						name: 'filter',
						type: 'string',
						default: '',
						placeholder: "e.g. alarm_status eq 'Alarm'",
						displayOptions: { show: { '/mode': ['newRecords'] } },
					},
					{
						displayName: 'Max Tries per Window',
						name: 'maxTries',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 5,
						description: 'Failed exports of one window (with growing pauses) before an error is reported; the window is never skipped',
						displayOptions: { show: { '/mode': ['newRecords'] } },
					},
					{
						displayName: 'Select ($Select)',
						name: 'select',
						type: 'string',
						default: '',
						placeholder: 'e.g. uuid,timestamp,measurement',
						description: 'Comma-separated columns; keep uuid so records can be de-duplicated',
						displayOptions: { show: { '/mode': ['newRecords'] } },
					},
				],
			},
			{
				displayName:
					'Each poll does one short step: submit the next window, check the running export once, or deliver it. The first activation starts from now (or the Start Date).',
				name: 'notice',
				type: 'notice',
				default: '',
				displayOptions: { show: { mode: ['newRecords'] } },
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const mode = this.getNodeParameter('mode') as string;
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const format = String(options.fileFormat || 'CSV');
		const manual = this.getMode() === 'manual';

		if (mode === 'exportFinished') {
			const resource = exportResource(this.getNodeParameter('exportResource') as string);
			const uuid = String(this.getNodeParameter('requestUuid', '') ?? '').trim();
			if (!resource || uuid === '') {
				throw new NodeOperationError(this.getNode(), 'Request UUID is empty', { description: 'Enter the request_uuid of the export to watch.' });
			}
			const state = this.getWorkflowStaticData('node') as ExportFinishedState;
			const rows = await pollExportFinished(this, state, resource, uuid, format, manual);
			return rows ? [this.helpers.returnJsonArray(rows)] : null;
		}

		const resource = exportResource(this.getNodeParameter('recordResource') as string);
		if (!resource || !resource.timeBased) {
			throw new NodeOperationError(this.getNode(), 'Choose Measurements, Alarms or Executed Tasks');
		}
		const lagMinutes = Number(options.lagMinutes ?? 10);
		const maxTries = Math.max(1, Math.floor(Number(options.maxTries ?? 5)));
		const startDate = String(this.getNodeParameter('startDate', '') ?? '').trim();
		const settings = {
			resource,
			query: { format, filter: options.filter as string, select: options.select as string },
			lagMs: (Number.isFinite(lagMinutes) && lagMinutes >= 0 ? lagMinutes : 10) * 60_000,
			maxTries,
			startDate: startDate || undefined,
			config: `newRecords|${resource.value}|${startDate}`,
		};
		if (manual) return [this.helpers.returnJsonArray(await manualNewRecords(this, settings))];
		const state = this.getWorkflowStaticData('node') as NewRecordsState;
		const rows = await pollNewRecords(this, state, settings);
		return rows ? [this.helpers.returnJsonArray(rows)] : null;
	}
}
