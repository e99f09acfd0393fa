import type { ProviderCatalog } from '../shared/catalog';
import type { OperationDef } from '../shared/types';
import { catalogEvents } from './trigger/events';
import { xtraKitOperations } from './resources';

/** A row whose method the user picks is listed once per method its Method field offers. */
function perMethod(row: OperationDef): OperationDef[] {
	const field = row.methodParam ? row.fields?.find((f) => f.name === row.methodParam) : undefined;
	if (!field) return [row];
	return (field.options ?? []).map((option) => ({ ...row, method: (option as { value: OperationDef['method'] }).value }));
}

export const catalog: ProviderCatalog = {
	provider: 'XtraKit',
	nodes: [
		{ node: 'xtraKit', displayName: 'XtraKit', operations: xtraKitOperations.flatMap(perMethod) },
		{ node: 'xtraKitTrigger', displayName: 'XtraKit Trigger', events: catalogEvents },
	],
};
