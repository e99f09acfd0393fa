import type { ProviderCatalog } from '../shared/catalog';
import { clientXcmsOperations } from './resources';

export const catalog: ProviderCatalog = {
	provider: 'CLIENTXCMS',
	nodes: [{ node: 'clientXcms', displayName: 'CLIENTXCMS', operations: clientXcmsOperations }],
};
