import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';

import { eventProperty } from '../shared/description';
import { timestampPoll } from '../shared/poller';
import { exclusivePoll } from '../shared/lease';
import { cliniko } from './provider';
import { fetchNewest, fetchSince } from './transport/paging';
import { eventOptions, perResourceEvents, watchFor, watchedResources } from './trigger/events';
import type { ClinikoEvent } from './trigger/events';

export class ClinikoTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cliniko Trigger',
		name: 'clinikoTrigger',
		icon: { light: 'file:cliniko.svg', dark: 'file:cliniko.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"] + ($parameter["resource"] ? ": " + $parameter["resource"] : "")}}',
		description: 'Starts the workflow when Cliniko records are created, updated, cancelled, archived or deleted',
		defaults: { name: 'Cliniko Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'clinikoApi', required: true }],
		properties: [
			eventProperty(eventOptions, 'created'),
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				default: 'patient',
				displayOptions: { show: { event: perResourceEvents } },
				options: watchedResources.map((w) => ({ name: w.name, value: w.value })),
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Start Date',
						name: 'startDate',
						type: 'dateTime',
						default: '',
						description:
							'Deliver everything from this date on at the first activation; without it the trigger starts from now',
					},
				],
			},
			{
				displayName:
					'Cliniko has no webhooks: this trigger polls. Each record version is delivered once, including records that share a timestamp, across failed polls and restarts.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		// One poll at a time per trigger node: see shared/lease.ts.
		return await exclusivePoll(this, async () => {
			const event = this.getNodeParameter('event') as ClinikoEvent;
			const resource = perResourceEvents.includes(event) ? (this.getNodeParameter('resource') as string) : '';
			const options = this.getNodeParameter('options', {}) as { startDate?: unknown };
			const watch = watchFor(event, resource);
			if (!watch) {
				throw new NodeOperationError(this.getNode(), `The resource "${resource}" cannot be watched`);
			}
			const { watched, list } = watch;
			const records = await timestampPoll(this, {
				config: `${event}:${watched.value}`,
				startDate: options.startDate === '' || options.startDate === null ? undefined : options.startDate,
				noun: `${watched.name.toLowerCase()} records`,
				fetchSince: async (from) => await fetchSince(this, cliniko, list, from),
				fetchNewest: async () => await fetchNewest(this, cliniko, list),
			});
			return records ? [this.helpers.returnJsonArray(records)] : null;
		});
	}
}
