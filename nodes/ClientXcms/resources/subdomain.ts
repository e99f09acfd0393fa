import type { ClientXcmsRow } from '../provider';
import type { BodyField } from './bodies';
import { PICK_MANY, TIMESTAMPS } from './common';
import { crud } from './crud';
import type { ResourceInfo } from './row';

export const subdomain: ResourceInfo = { value: 'subdomain', name: 'Subdomain', label: 'Subdomain', path: '/subdomains', show: 'paginatedShow' };

const FIELDS: BodyField[] = [
	{ key: 'domain', label: 'Domain', kind: 'string', create: true },
	{ key: 'products', label: 'Product Names or IDs', kind: 'multiOptions', loadOptionsMethod: 'getProducts', description: PICK_MANY },
	{ key: 'groups', label: 'Group Names or IDs', kind: 'multiOptions', loadOptionsMethod: 'getGroups', description: PICK_MANY },
];

export const subdomainRows: ClientXcmsRow[] = crud(subdomain, {
	ability: 'subdomains',
	// Sorts are the controller's own `$sorts` (SubdomainHostController.php:31-38 / 42-47).
	list: { envelope: 'paginator', filters: ['id', 'domain', ...TIMESTAMPS], sorts: ['id', 'domain', 'products', 'groups', ...TIMESTAMPS] },
	show: 'paginatedShow',
	fields: FIELDS,
	// SubdomainHostController.php:198-199 empty products and groups when they are not sent.
	merge: { keys: ['domain', 'products', 'groups'] },
});
