import type { ProviderCatalog } from '../shared/catalog';
import { saverisOperations } from './resources';

export const catalog: ProviderCatalog = {
	provider: 'testo Saveris',
	nodes: [
		{ node: 'saveris', displayName: 'testo Saveris', operations: saverisOperations },
		{
			node: 'saverisTrigger',
			displayName: 'testo Saveris Trigger',
			events: [
				{ event: 'newRecords', name: 'New Records (measurements, alarms, executed tasks)', method: 'POST', path: '/v2/measurements, /v3/alarms, /v3/tasks (+ GET …/{request_uuid})' },
				{ event: 'exportFinished', name: 'Export Finished', method: 'GET', path: '/{version}/{resource}/{request_uuid}' },
			],
		},
	],
};
