import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeExecutionData, INodeProperties, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';

import { byName, compareText } from '../shared/alphabetical';
import { eventProperty } from '../shared/description';
import { EXPORT_RESOURCES, PARSABLE_FORMATS, requestUuidField } from './resources/definitions';
import { TIMED_RESOURCES, triggerEvents } from './trigger/events';

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
		// The polling code loads on the first poll, not when n8n loads the package (issue 17: cold load).
		const { pollTrigger } = await import('./trigger/poll');
		return await pollTrigger.call(this);
	}
}
