import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { apiRequestBody } from '../../shared/http';
import { recordsAt } from '../../shared/pagination';
import { xavier } from '../provider';

// Levels the docs show or imply; the account's own values are added to these.
const KNOWN_ALERT_LEVELS = ['success', 'warning', 'danger'];

async function allClients(ctx: ILoadOptionsFunctions): Promise<IDataObject[]> {
	const body = await apiRequestBody.call(ctx, xavier, { method: 'GET', path: '/clients' });
	return recordsAt(ctx, xavier, body, undefined);
}

/** "From list" of the Client locator: every client, filtered by name or ID as the user types. */
export async function searchClients(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const needle = (filter ?? '').trim().toLowerCase();
	const results = (await allClients(this))
		.filter(
			(c) => needle === '' || String(c.name ?? '').toLowerCase().includes(needle) || String(c.id).toLowerCase() === needle,
		)
		.sort((a, b) => String(a.name ?? '').localeCompare(String(b.name ?? '')))
		.map((c) => ({ name: `${String(c.name ?? c.id)}`, value: String(c.id) }));
	return { results };
}

/** Alert levels present in the account, plus the documented ones. */
export async function getAlertLevels(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const levels = new Set(KNOWN_ALERT_LEVELS);
	for (const c of await allClients(this)) {
		if (typeof c.alertLevel === 'string' && c.alertLevel !== '') levels.add(c.alertLevel.toLowerCase());
	}
	return [...levels].sort().map((level) => ({ name: level.charAt(0).toUpperCase() + level.slice(1), value: level }));
}
