import type { INodeProperties } from 'n8n-workflow';

import { byDisplayName } from '../../shared/alphabetical';
import { locatorProperty } from '../../shared/locator';
import { DATE_FILTERS, dateFilters, dropdown, recordRows } from './records';
import type { RecordType } from './records';

const categoryField = dropdown({
	displayName: 'Category Name or ID',
	name: 'category_id',
	loadOptionsMethod: 'getCategories',
	what: 'The item category.',
	required: true,
});

// Add Item's field table says "available, out of stock"; its samples show "in-stock". All three are offered.
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

const item: RecordType = {
	resource: 'item',
	one: 'an inventory item',
	many: 'inventory items',
	path: '/inventory/items',
	key: 'item',
	listKey: 'items',
	id: {
		param: 'itemCode',
		label: 'Item',
		field: (verb) =>
			locatorProperty({
				name: 'itemCode',
				displayName: 'Item',
				searchListMethod: 'searchItems',
				idPlaceholder: 'e.g. Jce84a50',
				description: `The item to ${verb}, by its item code`,
			}),
	},
	notFound: (code) => `Inventory item not found: no item with code "${code}"`,
	// Add / Edit Item (docs.xtrakit.com).
	types: {
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
	},
	required: requiredFields,
	optional: optionalFields,
};

export const itemOperations = recordRows(item, {
	getAll: {
		description: 'List inventory items, optionally by category or date',
		filterTypes: { category_id: 'int', ...DATE_FILTERS },
		filters: [{ ...categoryField, required: false }, ...dateFilters('inventory items')].sort(byDisplayName),
	},
	get: 'Get one inventory item with its images',
	create: { description: 'Add an item to the inventory' },
	update: { description: 'Change fields of an item by its item code (the node sends the whole item, as XtraKit requires)' },
});
