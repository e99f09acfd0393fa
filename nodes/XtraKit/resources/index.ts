import type { OperationDef } from '../../shared/types';
import { customApiCallOperation } from './customApiCall';
import { customerOperations } from './customer';
import { customerGroupOperations } from './customerGroup';
import { expenseOperations } from './expense';
import { itemOperations } from './item';
import { itemCategoryOperations } from './itemCategory';
import { saleOperations } from './sale';

/** Every documented operation of the XtraKit node: the table the executor and the catalogue read. */
export const xtraKitOperations: OperationDef[] = [
	...customerOperations,
	...customerGroupOperations,
	...saleOperations,
	...itemOperations,
	...itemCategoryOperations,
	...expenseOperations,
];

/** The operations as the node shows them: the documented ones, then the call to any endpoint. */
export const xtraKitNodeOperations: OperationDef[] = [...xtraKitOperations, customApiCallOperation];

export const xtraKitResources = [
	// Not named "Custom API Call": n8n adds its own entry of that name (it opens the HTTP Request node).
	{ name: 'Any Endpoint', value: 'customApiCall' },
	{ name: 'Customer', value: 'customer' },
	{ name: 'Customer Group', value: 'customerGroup' },
	{ name: 'Expense', value: 'expense' },
	{ name: 'Inventory Item', value: 'item' },
	{ name: 'Item Category', value: 'itemCategory' },
	{ name: 'Sale', value: 'sale' },
];
