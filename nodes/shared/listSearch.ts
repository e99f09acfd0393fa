import type { IDataObject, INodeListSearchItems } from 'n8n-workflow';

import { byName } from './alphabetical';

/** A server value as trimmed text ('' for nothing): what list search shows and matches. */
export function plainText(value: unknown): string {
	return value === undefined || value === null ? '' : String(value).trim();
}

/** The records any of whose `fields` contains the typed filter (case-insensitive); all of them for no filter. */
export function matchingRecords(records: IDataObject[], filter: string | undefined, fields: string[]): IDataObject[] {
	const needle = plainText(filter).toLowerCase();
	if (needle === '') return records;
	return records.filter((record) => fields.some((field) => plainText(record[field]).toLowerCase().includes(needle)));
}

/** List-search entries for records with an ID, named by `label`, sorted by name. */
export function searchItems(records: IDataObject[], label: (record: IDataObject) => string): INodeListSearchItems[] {
	return records
		.filter((record) => plainText(record.id) !== '')
		.map((record) => ({ name: label(record), value: plainText(record.id) }))
		.sort(byName);
}
