import type { OperationDef } from './types';

/** A trigger event and the call it polls. */
export interface CatalogEvent {
	event: string;
	name: string;
	method: string;
	path: string;
}

/** What `npm run catalog` and the README's operations table are made from. */
export interface ProviderCatalog {
	provider: string;
	nodes: Array<{
		node: string;
		displayName: string;
		operations?: OperationDef[];
		events?: CatalogEvent[];
	}>;
}
