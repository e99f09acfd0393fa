import type { OperationDef } from '../../shared/types';
import { DATE_FILTERS, dateFilters, filtersQuery, listPagination } from './common';

export const itemCategoryOperations: OperationDef[] = [
	{
		resource: 'itemCategory',
		operation: 'getAll',
		name: 'Get Many',
		action: 'Get many item categories',
		description: 'List the inventory item categories, optionally by name or date',
		method: 'GET',
		path: '/inventory/categories',
		pagination: listPagination('item-categories', 'item categories'),
		buildQuery: filtersQuery({ ...DATE_FILTERS }),
		fields: [
			{
				displayName: 'Filters',
				name: 'filters',
				type: 'collection',
				placeholder: 'Add Filter',
				default: {},
				options: [
					{ displayName: 'Category Name', name: 'category_name', type: 'string', default: '', placeholder: 'e.g. Electronics' },
					...dateFilters('item categories'),
				],
			},
		],
	},
];
