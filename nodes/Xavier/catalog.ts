import type { ProviderCatalog } from '../shared/catalog';
import { xavierOperations } from './resources';

export const catalog: ProviderCatalog = {
	provider: 'Xavier Analytics (Dext Precision)',
	nodes: [
		{ node: 'xavier', displayName: 'Xavier Analytics', operations: xavierOperations },
		{
			node: 'xavierTrigger',
			displayName: 'Xavier Analytics Trigger',
			events: [
				{ event: 'newClient', name: 'New Client', method: 'GET', path: '/clients' },
				{ event: 'healthScoreDropped', name: 'Health Score Dropped Below Threshold', method: 'GET', path: '/clients' },
				{ event: 'alertLevelChanged', name: 'Alert Level Changed', method: 'GET', path: '/clients' },
			],
		},
	],
};
