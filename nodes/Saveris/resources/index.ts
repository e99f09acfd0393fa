import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { operationProperties, resourceProperty } from '../../shared/description';
import type { OperationDef } from '../../shared/types';
import { EXPORT_RESOURCES } from './definitions';
import { exportFields, exportOperations } from './export';
import { legacyOperations } from './legacy';

/** Every operation of the node: the export rows of each data set, then the deprecated synchronous reads. */
export const saverisOperations: OperationDef[] = [...exportOperations, ...legacyOperations];

/** The Resource dropdown: each exportable data set, and the deprecated synchronous endpoints. */
export const saverisResources: INodePropertyOptions[] = [
	...EXPORT_RESOURCES.map((r) => ({ name: r.name, value: r.value })),
	{ name: 'Legacy (Deprecated)', value: 'legacy', description: 'Deprecated synchronous endpoints, limited to 6 MB answers' },
];

/** The operation each resource opens with: Export and Wait for the data sets. */
export const defaultOperations: Record<string, string> = {
	...Object.fromEntries(EXPORT_RESOURCES.map((r) => [r.value, 'exportAndWait'])),
	legacy: 'getDevicePropertiesSync',
};

/**
 * Resource, Operation and the export fields: the node's parameters. scripts/generate-descriptions.js
 * writes them to generated/properties.json, which the node imports (issue 17: cold load).
 */
export function saverisProperties(): INodeProperties[] {
	return [resourceProperty(saverisResources, 'measurement'), ...operationProperties(saverisOperations, defaultOperations), ...exportFields];
}
