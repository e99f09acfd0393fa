import { byDisplayName } from '../../shared/alphabetical';
import type { ClientXcmsRow } from '../provider';
import { fieldProperty } from './bodies';
import type { BodyField } from './bodies';
import { STATUS, TIMESTAMPS } from './common';
import { crud } from './crud';
import { route } from './row';
import type { ResourceInfo } from './row';

export const server: ResourceInfo = { value: 'server', name: 'Server', label: 'Server', path: '/servers', show: 'paginatedShow' };

const FIELDS: BodyField[] = [
	{ key: 'hostname', label: 'Hostname', kind: 'string', create: true },
	{ key: 'address', label: 'Address', kind: 'string', create: true, description: 'IP address' },
	{ key: 'name', label: 'Name', kind: 'string' },
	{ key: 'port', label: 'Port', kind: 'number' },
	{ key: 'username', label: 'Username', kind: 'string' },
	{ key: 'password', label: 'Password', kind: 'password' },
	{ key: 'status', label: 'Status', kind: 'options', options: STATUS },
	{ key: 'type', label: 'Type', kind: 'string', description: '"none" or an installed server module' },
	{ key: 'maxaccounts', label: 'Max Accounts', kind: 'number' },
];

// Sorts are the controller's own `$sorts` (ServerController.php:33-44 / 51-60).
const FILTERS = ['id', 'name', 'address', 'hostname', 'type', 'status', ...TIMESTAMPS];
const SORTS = ['id', 'name', 'address', 'hostname', 'port', 'type', 'status', 'maxaccounts', ...TIMESTAMPS];

export const serverRows: ClientXcmsRow[] = [
	...crud(server, {
		ability: 'servers',
		list: { envelope: 'paginator', filters: FILTERS, sorts: SORTS, includes: ['services', 'metadata'] },
		show: 'paginatedShow',
		fields: FIELDS,
		// Hostname and address are required on every update.
		merge: { keys: ['hostname', 'address'] },
	}),
	route(server, {
		operation: 'test',
		name: 'Test Connection',
		action: "Test a server's connection",
		method: 'POST',
		path: '/servers/test',
		ability: 'servers:test',
		envelope: 'object',
		note: 'This operation cannot work on CLIENTXCMS v2.15 – v2.16-fix: the server registers POST /servers/{server} before POST /servers/test, takes "test" as a server ID and answers 404.',
		explain404: (text) =>
			text.includes('Server] test')
				? {
						message: 'Test Connection cannot work on CLIENTXCMS v2.15 – v2.16-fix (HTTP 404)',
						description:
							'routes/api-application.php registers POST /servers/{server} (line 126) before POST /servers/test (line 128), so the server takes "test" as a server ID and answers "No query results for model [App\\Models\\Provisioning\\Server] test". No release up to v2.16-fix can run this test; test the server in the CLIENTXCMS admin.',
					}
				: undefined,
		fields: FIELDS.filter((f) => f.create)
			.map((f) => fieldProperty(f, true))
			.concat([
				{
					displayName: 'Additional Fields',
					name: 'additionalFields',
					type: 'collection',
					placeholder: 'Add Field',
					default: {},
					options: FIELDS.filter((f) => !f.create && f.key !== 'name')
						.map((f) => fieldProperty(f, false))
						.sort(byDisplayName),
				},
			]),
		body: { fields: [{ param: 'hostname', required: true }, { param: 'address', required: true }], collections: ['additionalFields'] },
	}),
];
