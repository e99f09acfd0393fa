import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import { apiRequestBody } from '../../shared/http';
import { matchingRecords, plainText, searchItems } from '../../shared/listSearch';
import { recordsAt } from '../../shared/pagination';
import { xavier } from '../provider';

// Levels the docs show or imply; the account's own values are added to these.
const KNOWN_ALERT_LEVELS = ['success', 'warning', 'danger'];

async function allClients(ctx: ILoadOptionsFunctions): Promise<IDataObject[]> {
	const body = await apiRequestBody.call(ctx, xavier, { method: 'GET', path: '/clients' });
	return recordsAt(ctx, xavier, body, undefined);
}

/** "From list" of the Client locator: every client, filtered by name or exact ID as the user types. */
async function searchClients(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const clients = await allClients(this);
	const needle = plainText(filter).toLowerCase();
	const named = new Set(matchingRecords(clients, needle, ['name']));
	const found = clients.filter((c) => named.has(c) || plainText(c.id).toLowerCase() === needle);
	return { results: searchItems(found, (c) => plainText(c.name) || plainText(c.id)) };
}

/** Alert levels present in the account, plus the documented ones. */
async function getAlertLevels(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const levels = new Set(KNOWN_ALERT_LEVELS);
	for (const c of await allClients(this)) {
		if (typeof c.alertLevel === 'string' && c.alertLevel !== '') levels.add(c.alertLevel.toLowerCase());
	}
	return [...levels].sort().map((level) => ({ name: level.charAt(0).toUpperCase() + level.slice(1), value: level }));
}

export const listSearch = { searchClients };

export const loadOptions = { getAlertLevels };
