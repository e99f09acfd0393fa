import type { ProviderCatalog } from '../shared/catalog';
import { clinikoOperations } from './resources';
import { catalogEvents } from './trigger/events';

export const catalog: ProviderCatalog = {
	provider: 'Cliniko',
	nodes: [
		{ node: 'cliniko', displayName: 'Cliniko', operations: clinikoOperations },
		{ node: 'clinikoTrigger', displayName: 'Cliniko Trigger', events: catalogEvents },
	],
};
