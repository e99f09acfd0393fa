import type { ProviderCatalog } from '../shared/catalog';
import { saverisOperations } from './resources';
import { triggerEvents } from './trigger/events';

export const catalog: ProviderCatalog = {
	provider: 'testo Saveris',
	nodes: [
		{ node: 'saveris', displayName: 'testo Saveris', operations: saverisOperations },
		{
			node: 'saverisTrigger',
			displayName: 'testo Saveris Trigger',
			events: triggerEvents.map(({ event, name, method, path }) => ({ event, name, method, path })),
		},
	],
};
