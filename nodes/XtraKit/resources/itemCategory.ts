import { DATE_FILTERS, dateFilters, listRow } from './records';

// Item categories are only listed: docs.xtrakit.com documents no fetch, add or edit for them.
export const itemCategoryOperations = [
	listRow(
		{ resource: 'itemCategory', many: 'item categories', path: '/inventory/categories', listKey: 'item-categories' },
		{
			description: 'List the inventory item categories, optionally by name or date',
			filterTypes: { ...DATE_FILTERS },
			filters: [
				{ displayName: 'Category Name', name: 'category_name', type: 'string', default: '', placeholder: 'e.g. Electronics' },
				...dateFilters('item categories'),
			],
		},
	),
];
