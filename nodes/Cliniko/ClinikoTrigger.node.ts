import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';

import { eventProperty } from '../shared/description';
import { eventOptions, perResourceEvents, watchedResources } from './trigger/events';

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
		// The polling code loads on the first poll, not when n8n loads the package (issue 17: cold load).
		const { pollTrigger } = await import('./trigger/poll');
		return await pollTrigger.call(this);
	}
}
