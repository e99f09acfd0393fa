import type { ClientXcmsRow } from '../provider';
import { route } from './row';
import type { ResourceInfo } from './row';

export const log: ResourceInfo = {
	value: 'log',
	name: 'Action Log',
	label: 'Log entry',
	path: '/logs',
	show: 'paginatedShow',
	plural: 'log entries',
	idName: 'Log Entry ID',
};

const FIELDS = ['id', 'action', 'model', 'model_id', 'staff_id', 'customer_id', 'created_at'];
const INCLUDES = ['customer', 'staff', 'entries'];

// Read only: the action log has no write routes.
export const logRows: ClientXcmsRow[] = [
	route(log, { operation: 'getAll', name: 'Get Many', method: 'GET', path: '/logs', ability: 'logs:index', envelope: 'paginator', filters: FIELDS, sorts: FIELDS, includes: INCLUDES }),
	route(log, { operation: 'get', name: 'Get', method: 'GET', path: '/logs/{id}', ability: 'logs:show', envelope: 'paginatedShow', includes: INCLUDES }),
];
