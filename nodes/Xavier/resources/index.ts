import type { INodeProperties } from 'n8n-workflow';

import { operationFields, operationProperties, resourceProperty } from '../../shared/description';
import type { OperationDef } from '../../shared/types';
import { clientOperations } from './client';

/** Every operation of the Xavier node: the table the executor and the catalogue read. */
export const xavierOperations: OperationDef[] = [...clientOperations];

/** The node's parameters: Resource (only Client), Operation, and each operation's fields. */
export function xavierProperties(): INodeProperties[] {
	return [
		resourceProperty([{ name: 'Client', value: 'client' }]),
		...operationProperties(xavierOperations, { client: 'getAll' }),
		...operationFields(xavierOperations),
	];
}
