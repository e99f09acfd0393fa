import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, INodeProperties, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';

import { byName, compareText } from '../shared/alphabetical';
import { eventProperty } from '../shared/description';
import { requireDateTime } from '../shared/dates';
import { isBlank, optionalNumberInRange, requireText, textOf } from '../shared/validate';
import { exclusivePoll } from '../shared/lease';
import { EXPORT_RESOURCES, exportResource, PARSABLE_FORMATS, requestUuidField } from './resources/definitions';
import { TIMED_RESOURCES, triggerEvents } from './trigger/events';
import type { ExportFinishedState, NewRecordsState } from './trigger/events';
import { manualNewRecords, pollExportFinished, pollNewRecords } from './trigger/poll';

/** Longest Delay: a week. A longer one is surely a slip, and the trigger would stay silent that long. */
const MAX_LAG_MINUTES = 7 * 24 * 60;
/** Longest Lookback: a day (every export re-reads it, and one export covers at most 7 days). */
const MAX_LOOKBACK_MINUTES = 24 * 60;

/** Shows an option of the Options collection only in "New Records" mode ('/mode': the node's top-level field). */
const newRecordsOnly = (): INodeProperties['displayOptions'] => ({ show: { '/mode': ['newRecords'] } });

/** A number option of "New Records" mode (the editor holds it to minValue; poll() checks its range again). */
const newRecordsNumber = (displayName: string, name: string, minValue: number, value: number, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'number',
	typeOptions: { minValue },
	default: value,
	description,
	displayOptions: newRecordsOnly(),
});

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
			eventProperty(
				// Alphabetical in the editor; the list itself is in trigger/events.ts, shared with the catalogue.
				[...triggerEvents].sort((a, b) => compareText(a.modeName, b.modeName)).map((e) => ({ name: e.modeName, value: e.event, description: e.description })),
				'newRecords',
				{ name: 'mode', displayName: 'Mode' },
			),
			{
				displayName: 'Resource',
				name: 'recordResource',
				type: 'options',
				noDataExpression: true,
				default: 'measurement',
				options: TIMED_RESOURCES.map((r) => ({ name: r.name, value: r.value })),
				displayOptions: { show: { mode: ['newRecords'] } },
			},
			{
				displayName: 'Resource',
				name: 'exportResource',
				type: 'options',
				noDataExpression: true,
				default: 'measurement',
				options: EXPORT_RESOURCES.map((r) => ({ name: r.name, value: r.value })).sort(byName),
				displayOptions: { show: { mode: ['exportFinished'] } },
			},
			requestUuidField('The request_uuid of the export to watch', { mode: ['exportFinished'] }),
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
					newRecordsNumber('Delay (Minutes)', 'lagMinutes', 0, 10, 'Export only up to this long ago, so late-processed records are in place'),
					{
						displayName: 'File Format',
						name: 'fileFormat',
						type: 'options',
						default: 'CSV',
						options: PARSABLE_FORMATS,
					},
					{
						displayName: 'Filter',
						name: 'filter',
						type: 'string',
						default: '',
						placeholder: "e.g. alarm_status eq 'Alarm'",
						description: 'Sent as OData $filter with each export',
						displayOptions: newRecordsOnly(),
					},
					newRecordsNumber('Give Up on an Export After (Minutes)', 'jobTimeoutMinutes', 5, 60, 'An export still submitted or in progress this long is abandoned and the window exported again (counts as a failed try)'),
					newRecordsNumber('Lookback (Minutes)', 'lookbackMinutes', 0, 60, 'Each export also re-reads this long before the last one ended, for measurements that loggers upload late; records already delivered are dropped'),
					newRecordsNumber('Max Tries per Window', 'maxTries', 1, 5, 'Failed exports of one window (with growing pauses) before an error is reported; the window is never skipped'),
					{
						displayName: 'Select',
						name: 'select',
						type: 'string',
						default: '',
						placeholder: 'e.g. uuid,timestamp,measurement',
						description: 'Sent as OData $select: comma-separated columns; keep uuid so records can be de-duplicated',
						displayOptions: newRecordsOnly(),
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
		// One poll at a time per trigger node: see shared/lease.ts.
		return await exclusivePoll(this, async () => {
			const node = this.getNode();
			const mode = this.getNodeParameter('mode') as string;
			const options = this.getNodeParameter('options', {}) as IDataObject;
			const format = textOf(node, options.fileFormat, 'File Format', 0) || 'CSV';
			const manual = this.getMode() === 'manual';

			if (mode === 'exportFinished') {
				const resource = exportResource(this.getNodeParameter('exportResource') as string);
				if (!resource) throw new NodeOperationError(node, 'Choose the resource of the export to watch');
				const uuid = requireText(node, this.getNodeParameter('requestUuid', ''), 'Request UUID', 0);
				const state = this.getWorkflowStaticData('node') as ExportFinishedState;
				const rows = await pollExportFinished(this, state, resource, uuid, format, manual);
				return rows ? [this.helpers.returnJsonArray(rows)] : null;
			}

			const resource = exportResource(this.getNodeParameter('recordResource') as string);
			if (!resource || !resource.timeBased) {
				throw new NodeOperationError(node, 'Choose Measurements, Alarms or Executed Tasks');
			}
			// Checked on every poll, so a bad value is reported instead of a trigger that silently never fires.
			const lagMinutes = optionalNumberInRange(node, options.lagMinutes, 'Delay (Minutes)', 0, MAX_LAG_MINUTES, 0) ?? 10;
			const lookbackMinutes = optionalNumberInRange(node, options.lookbackMinutes, 'Lookback (Minutes)', 0, MAX_LOOKBACK_MINUTES, 0) ?? 60;
			const jobTimeoutMinutes = optionalNumberInRange(node, options.jobTimeoutMinutes, 'Give Up on an Export After (Minutes)', 5, MAX_LAG_MINUTES, 0) ?? 60;
			const maxTries = Math.floor(optionalNumberInRange(node, options.maxTries, 'Max Tries per Window', 1, 1000, 0) ?? 5);
			const startRaw = this.getNodeParameter('startDate', '');
			const unset = isBlank(startRaw);
			// The package's one date-time rule (nodes/shared/dates.ts): without an offset, the workflow's time zone.
			const startMs = unset ? undefined : requireDateTime(node, startRaw, 'Start Date', 0, { timeZone: this.getTimezone() });
			const settings = {
				resource,
				query: {
					format,
					filter: textOf(node, options.filter, 'Filter', 0),
					select: textOf(node, options.select, 'Select', 0),
				},
				lagMs: lagMinutes * 60_000,
				lookbackMs: lookbackMinutes * 60_000,
				jobTimeoutMs: jobTimeoutMinutes * 60_000,
				maxTries,
				startDate: startMs === undefined ? undefined : new Date(startMs).toISOString(),
				// The Start Date only matters on the first activation, so it is not part of the key: an
				// expression such as {{ $now.minus(...) }} evaluates differently on every poll and would
				// otherwise reset the trigger (and submit a new export) each time.
				config: `newRecords|${resource.value}`,
			};
			if (manual) return [this.helpers.returnJsonArray(await manualNewRecords(this, settings))];
			const state = this.getWorkflowStaticData('node') as NewRecordsState;
			const rows = await pollNewRecords(this, state, settings);
			return rows ? [this.helpers.returnJsonArray(rows)] : null;
		});
	}
}
