import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';

import { eventProperty } from '../shared/description';
import { deferred } from '../shared/deferred';
import { eventOptions } from './trigger/events';

export class XavierTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Xavier Analytics Trigger',
		name: 'xavierTrigger',
		icon: { light: 'file:xavier.svg', dark: 'file:xavier.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts the workflow when a client is added, its health score drops or its alert level changes',
		defaults: { name: 'Xavier Analytics Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'xavierApi', required: true }],
		properties: [
			eventProperty(eventOptions, 'newClient', { required: true }),
			{
				displayName: 'Threshold',
				name: 'threshold',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 100 },
				default: 60,
				description: 'Fire when a health score falls below this value (0–100)',
				displayOptions: { show: { event: ['healthScoreDropped'] } },
			},
			{
				displayName: 'To Alert Level Names or IDs',
				name: 'toLevels',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getAlertLevels' },
				default: [],
				description:
					'Only fire for changes to these levels; leave empty for any change. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				displayOptions: { show: { event: ['alertLevelChanged'] } },
			},
			{
				displayName:
					'The first activation remembers the current clients and emits nothing; later polls emit each change once.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
		],
	};

	// Its code loads on the first call (shared/deferred.ts), as the Xavier node's do.
	methods = { loadOptions: deferred(async () => (await import('./methods')).loadOptions, ['getAlertLevels']) };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		// The polling code loads on the first poll, not when n8n loads the package (issue 17: cold load).
		const { pollTrigger } = await import('./trigger/poll');
		return await pollTrigger.call(this);
	}
}
