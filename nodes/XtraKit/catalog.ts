import type { ProviderCatalog } from '../shared/catalog';
import { WATCHED } from './trigger/events';
import type { XtraKitEvent } from './trigger/events';
import { xtraKitOperations } from './resources';
import { CUSTOM_CALL_METHODS, customApiCallOperation } from './resources/customApiCall';

export const catalog: ProviderCatalog = {
	provider: 'XtraKit',
	nodes: [
		{
			node: 'xtraKit',
			displayName: 'XtraKit',
			operations: [
				...xtraKitOperations,
				// One row per method Any Endpoint › Call can send; the path is the user's.
				...CUSTOM_CALL_METHODS.map((method) => ({ ...customApiCallOperation, method })),
			],
		},
		{
			node: 'xtraKitTrigger',
			displayName: 'XtraKit Trigger',
			events: (Object.keys(WATCHED) as XtraKitEvent[]).map((event) => ({
				event,
				name: WATCHED[event].name,
				method: 'GET',
				path: WATCHED[event].list.path,
			})),
		},
	],
};
