import type { OperationDef } from '../../shared/types';
import { customApiCallOperation } from './customApiCall';
import { customerOperations } from './customer';
import { customerGroupOperations } from './customerGroup';
import { expenseOperations } from './expense';
import { itemOperations } from './item';
import { itemCategoryOperations } from './itemCategory';
import { saleOperations } from './sale';

/** Every operation of the XtraKit node, the call to any endpoint last: the table the executor, the editor and the catalogue read. */
export const xtraKitOperations: OperationDef[] = [
	...customerOperations,
	...customerGroupOperations,
	...saleOperations,
	...itemOperations,
	...itemCategoryOperations,
	...expenseOperations,
	customApiCallOperation,
];

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
