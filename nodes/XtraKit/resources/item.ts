import type { INodeProperties } from 'n8n-workflow';

import type { OperationDef } from '../../shared/types';
import {
	DATE_FILTERS,
	createBody,
	requiredTextOf,
	dateFilters,
	filtersQuery,
	listPagination,
	locator,
	mergeForUpdate,
	unwrapRecord,
} from './common';
import type { FieldTypes } from './common';

/** Documented body fields of Add / Edit Item (research §2.5). */
export const itemTypes: FieldTypes = {
	item_name: 'string',
	category_id: 'int',
	unit: 'string',
	description: 'string',
	unit_cost: 'money',
	item_price: 'money',
	previous_price: 'money',
	quantity: 'numberString',
	minimum_qty_alert: 'numberString',
	online: 'flag',
	status: 'string',
	barcode: 'string',
	sku: 'string',
	warehouse_id: 'int',
	item_location: 'string',
	item_slug: 'string',
};

const notFound = (code: string) => `Inventory item not found: no item with code "${code}"`;

const itemLocator = (description: string): INodeProperties =>
	locator({
		name: 'itemCode',
		displayName: 'Item',
		searchListMethod: 'searchItems',
		placeholder: 'e.g. Jce84a50',
		description: `${description}, by its item code`,
	});

const categoryField: INodeProperties = {
	displayName: 'Category Name or ID',
	name: 'category_id',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getCategories' },
	default: '',
	required: true,
	description:
		'The item category. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

// FACT: the field table says "available, out of stock"; the samples show "in-stock". All three are offered.
const statusOptions = [
	{ name: 'Available', value: 'available' },
	{ name: 'In Stock', value: 'in-stock', description: 'The value the docs’ samples show' },
	{ name: 'Out of Stock', value: 'out of stock' },
];

const price = (displayName: string, name: string, description: string, required = true): INodeProperties => ({
	displayName,
	name,
	type: 'number',
	typeOptions: { minValue: 0, numberPrecision: 2 },
	default: 0,
	required,
	description,
});

const requiredFields: INodeProperties[] = [
	{ displayName: 'Item Name', name: 'item_name', type: 'string', default: '', required: true, placeholder: 'e.g. HP Laptop' },
	categoryField,
	{ displayName: 'Unit', name: 'unit', type: 'string', default: 'pcs', required: true, placeholder: 'e.g. pcs, kg, liters', description: 'Unit of measure' },
	price('Unit Cost', 'unit_cost', 'Cost price of one unit'),
	price('Item Price', 'item_price', 'Selling price of one unit'),
	{ displayName: 'Quantity', name: 'quantity', type: 'number', typeOptions: { minValue: 0 }, default: 0, required: true, description: 'Stock available' },
	{ displayName: 'Online', name: 'online', type: 'boolean', default: false, required: true, description: 'Whether the item is available online (in the Storefront)' },
	{ displayName: 'Status', name: 'status', type: 'options', options: statusOptions, default: 'available', required: true },
];

const optionalFields: INodeProperties[] = [
	{ displayName: 'Barcode', name: 'barcode', type: 'string', default: '', placeholder: 'e.g. 123456789' },
	{ displayName: 'Description', name: 'description', type: 'string', default: '' },
	{ displayName: 'Item Location', name: 'item_location', type: 'string', default: '', description: 'Where the item sits in the warehouse' },
	{ displayName: 'Item Slug', name: 'item_slug', type: 'string', default: '', placeholder: 'e.g. hp-laptop', description: 'URL-friendly name used in Storefront links' },
	{ displayName: 'Minimum Quantity Alert', name: 'minimum_qty_alert', type: 'number', typeOptions: { minValue: 0 }, default: 0, description: 'Alert when the stock falls below this' },
	price('Previous Price', 'previous_price', 'The previous selling price', false),
	{ displayName: 'SKU', name: 'sku', type: 'string', default: '', placeholder: 'e.g. LAPTOP001' },
	{ displayName: 'Warehouse ID', name: 'warehouse_id', type: 'number', typeOptions: { minValue: 0 }, default: 0 },
];

export const itemOperations: OperationDef[] = [
	{
		resource: 'item',
		operation: 'getAll',
		name: 'Get Many',
		action: 'Get many inventory items',
		description: 'List inventory items, optionally by category or date',
		method: 'GET',
		path: '/inventory/items',
		pagination: listPagination('items', 'inventory items'),
		buildQuery: filtersQuery({ category_id: 'int', ...DATE_FILTERS }),
		fields: [
			{
				displayName: 'Filters',
				name: 'filters',
				type: 'collection',
				placeholder: 'Add Filter',
				default: {},
				options: [{ ...categoryField, required: false }, ...dateFilters('inventory items')].sort((a, b) =>
					a.displayName.localeCompare(b.displayName),
				),
			},
		],
	},
	{
		resource: 'item',
		operation: 'get',
		name: 'Get',
		action: 'Get an inventory item',
		description: 'Get one inventory item with its images',
		method: 'GET',
		path: '/inventory/items/{itemCode}',
		pathParams: [{ param: 'itemCode', label: 'Item' }],
		notFound: ({ itemCode }) => notFound(itemCode),
		unwrap: unwrapRecord('item', { param: 'itemCode', message: notFound }),
		fields: [itemLocator('The item to get')],
	},
	{
		resource: 'item',
		operation: 'create',
		name: 'Create',
		action: 'Create an inventory item',
		description: 'Add an item to the inventory',
		method: 'POST',
		path: '/inventory/items/add',
		body: {
			fields: requiredFields.map((f) => ({ param: f.name, required: true, label: f.displayName })),
			collections: ['additionalFields'],
		},
		buildBody: createBody(itemTypes, requiredTextOf(requiredFields)),
		unwrap: unwrapRecord('item'),
		fields: [
			...requiredFields,
			{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options: optionalFields },
		],
	},
	{
		resource: 'item',
		operation: 'update',
		name: 'Update',
		action: 'Update an inventory item',
		description: 'Change fields of an item by its item code (the node sends the whole item, as XtraKit requires)',
		method: 'PUT',
		path: '/inventory/items/{itemCode}',
		pathParams: [{ param: 'itemCode', label: 'Item' }],
		notFound: ({ itemCode }) => notFound(itemCode),
		body: { collections: ['updateFields'] },
		buildBody: mergeForUpdate({
			path: '/inventory/items/{itemCode}',
			param: 'itemCode',
			label: 'Item',
			key: 'item',
			types: itemTypes,
			notFound,
			required: requiredTextOf(requiredFields),
		}),
		unwrap: unwrapRecord('item', { param: 'itemCode', message: notFound }),
		fields: [
			itemLocator('The item to update'),
			{
				displayName: 'Update Fields',
				name: 'updateFields',
				type: 'collection',
				placeholder: 'Add Field',
				default: {},
				options: [...requiredFields.map((f) => ({ ...f, required: false })), ...optionalFields].sort((a, b) =>
					a.displayName.localeCompare(b.displayName),
				),
			},
		],
	},
];
