import type { ClientXcmsRow } from '../provider';
import { TIMESTAMPS, flag, text } from './common';
import { route } from './row';
import type { ResourceInfo } from './row';

export const service: ResourceInfo = {
	value: 'service',
	name: 'Service',
	label: 'Service',
	path: '/services',
	show: 'paginatedShow',
	searchMethod: 'searchServices',
	actionResult: true,
};

const FIELDS = ['id', 'customer_id', 'status', ...TIMESTAMPS];
const INCLUDES = ['customer', 'metadata', 'pricing', 'configoptions'];

// No create or update: the application API has neither for services (routes/api-application.php).
export const serviceRows: ClientXcmsRow[] = [
	route(service, { operation: 'getAll', name: 'Get Many', method: 'GET', path: '/services', ability: 'services:index', envelope: 'collection', since: '2.14', filters: FIELDS, sorts: FIELDS, includes: INCLUDES }),
	// The binding tries the UUID, then the ID.
	route(service, { operation: 'get', name: 'Get', method: 'GET', path: '/services/{id}', ability: 'services:show', envelope: 'paginatedShow', since: '2.14', includes: INCLUDES, uuid: true }),
	route(service, { operation: 'delete', name: 'Delete', method: 'DELETE', path: '/services/{id}', ability: 'services:delete', envelope: 'object', since: '2.14' }),
	route(service, {
		operation: 'suspend',
		name: 'Suspend',
		method: 'POST',
		path: '/services/{id}/suspend',
		ability: 'services:suspend',
		envelope: 'object',
		since: '2.14',
		uuid: true,
		fields: [text('Reason', 'reason'), flag('Notify Customer', 'notify', 'Whether to email the customer')],
		body: { fields: [{ param: 'reason' }] },
		buildBody: (body, opCtx) => (opCtx.ctx.getNodeParameter('notify', opCtx.itemIndex, false) ? { ...body, notify: true } : body),
	}),
	route(service, {
		operation: 'expire',
		name: 'Expire',
		method: 'POST',
		path: '/services/{id}/expire',
		ability: 'services:expire',
		envelope: 'object',
		since: '2.14',
		uuid: true,
		fields: [flag('Force', 'force', 'Whether to set the status even if the server module fails')],
		body: {},
		buildBody: (body, opCtx) => ({ ...body, force: opCtx.ctx.getNodeParameter('force', opCtx.itemIndex, false) as boolean }),
	}),
	route(service, { operation: 'unsuspend', name: 'Unsuspend', method: 'POST', path: '/services/{id}/unsuspend', ability: 'services:unsuspend', envelope: 'object', since: '2.14', body: {} }),
];
