import type { ClientXcmsRow } from '../provider';
import type { BodyField } from './bodies';
import { TIMESTAMPS } from './common';
import { crud } from './crud';
import type { ResourceInfo } from './row';

export const department: ResourceInfo = { value: 'department', name: 'Department', label: 'Department', path: '/departments', show: 'paginatedShow' };

const FIELDS: BodyField[] = [
	{ key: 'name', label: 'Name', kind: 'string', create: true },
	{ key: 'description', label: 'Description', kind: 'string', create: true },
	{ key: 'icon', label: 'Icon', kind: 'string', create: true, default: 'bi bi-question-circle', description: 'CSS icon class' },
	{ key: 'sla_first_response_minutes', label: 'SLA First Response (Minutes)', kind: 'number' },
	{ key: 'sla_resolution_minutes', label: 'SLA Resolution (Minutes)', kind: 'number' },
];

export const departmentRows: ClientXcmsRow[] = crud(department, {
	ability: 'departments',
	list: { envelope: 'paginator', filters: ['id', 'name', ...TIMESTAMPS], includes: ['tickets'] },
	show: 'paginatedShow',
	fields: FIELDS,
	// The update takes the create's rules (app/Http/Requests/Helpdesk): these are required every time.
	merge: { keys: ['name', 'description', 'icon'] },
});
