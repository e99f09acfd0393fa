import type { INodeProperties } from 'n8n-workflow';

import { operationFields, operationProperties, resourceProperty } from '../../shared/description';
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
	// n8n adds its own "Custom API Call" beside it (the HTTP Request node with this credential), and a
	// node cannot hide that entry. Ours is kept because it does what that one cannot (test/core/xtrakit.test.ts):
	// the path is joined to the credential's base URL (no full URL typed, no credential sent elsewhere),
	// a failure XtraKit reports inside HTTP 200 is an error, and calls are paced under XtraKit's limit with
	// the node's others and retried. The dropdown says so, so the two are not a guess.
	{
		name: 'Any Endpoint',
		value: 'customApiCall',
		description:
			"Any XtraKit path, unlike n8n's Custom API Call: joined to the credential's base URL, failures XtraKit reports inside HTTP 200 become errors, paced and retried with the node's other calls",
	},
	{ name: 'Customer', value: 'customer' },
	{ name: 'Customer Group', value: 'customerGroup' },
	{ name: 'Expense', value: 'expense' },
	{ name: 'Inventory Item', value: 'item' },
	{ name: 'Item Category', value: 'itemCategory' },
	{ name: 'Sale', value: 'sale' },
];

/**
 * Resource, Operation and every operation's fields: the node's parameters. scripts/generate-descriptions.js
 * writes them to generated/properties.json, which the node imports (issue 17: cold load).
 */
export function xtraKitProperties(): INodeProperties[] {
	return [
		resourceProperty(xtraKitResources, 'sale'),
		...operationProperties(xtraKitOperations, {
			customer: 'getAll',
			customerGroup: 'getAll',
			sale: 'getAll',
			item: 'getAll',
			itemCategory: 'getAll',
			expense: 'get',
		}),
		...operationFields(xtraKitOperations),
	];
}
