import type { INodePropertyOptions } from 'n8n-workflow';

/** The two entries of a "sort direction" dropdown, as every provider's list options offer them (`asc` / `desc`). */
export const SORT_DIRECTIONS: INodePropertyOptions[] = [
	{ name: 'Ascending', value: 'asc' },
	{ name: 'Descending', value: 'desc' },
];
