import type { ProviderCatalog } from '../shared/catalog';
import { xavierOperations } from './resources';
import { catalogEvents } from './trigger/events';

export const catalog: ProviderCatalog = {
	provider: 'Xavier Analytics (Dext Precision)',
	nodes: [
		{ node: 'xavier', displayName: 'Xavier Analytics', operations: xavierOperations },
		{ node: 'xavierTrigger', displayName: 'Xavier Analytics Trigger', events: catalogEvents },
	],
};
