import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';

import { eventProperty } from '../shared/description';
import { eventOptions, SALE_EVENTS } from './trigger/events';

export class XtraKitTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'XtraKit Trigger',
		name: 'xtraKitTrigger',
		icon: { light: 'file:xtrakit.svg', dark: 'file:xtrakit.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts the workflow when XtraKit records a sale or a customer or inventory item is added or changed',
		defaults: { name: 'XtraKit Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'xtraKitApi', required: true }],
		properties: [
			eventProperty(eventOptions, 'newSale', { required: true }),
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				displayOptions: { show: { event: SALE_EVENTS } },
				options: [
					{
						displayName: 'Include Line Items',
						name: 'includeLineItems',
						type: 'boolean',
						default: false,
						description:
							'Whether to fetch each sale to add its line items ("sales-item"); one extra request per sale',
					},
				],
			},
			{
				displayName:
					'XtraKit has no webhooks: this trigger polls the whole list. The first activation remembers what exists and emits nothing; later polls emit each new or changed record once.',
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
