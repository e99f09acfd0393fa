import type { INodePropertyOptions } from 'n8n-workflow';

import type { OperationDef } from '../../shared/types';
import { EXPORT_RESOURCES } from './definitions';
import { exportOperations } from './export';
import { legacyOperations } from './legacy';

export { exportFields } from './export';

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
