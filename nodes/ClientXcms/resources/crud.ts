import type { ClientXcmsRow, Since } from '../provider';
import { bodyFields, createBody, updateBody } from './bodies';
import type { BodyField, FinishBody, MergeSpec } from './bodies';
import { route } from './row';
import type { ResourceInfo, RouteSpec } from './row';

type CrudOperation = 'getAll' | 'create' | 'get' | 'update' | 'delete';

interface CrudSpec {
	/** The abilities' prefix (`customers` → customers:index, customers:store, …). */
	ability: string;
	since?: Since;
	list: { envelope: 'collection' | 'paginator'; filters: string[]; sorts?: string[]; includes?: string[] };
	/** What the show route answers. */
	show: 'object' | 'paginatedShow';
	/** The create and update routes' body fields. */
	fields?: BodyField[];
	/** What an Update takes from the current record (see MergeSpec). */
	merge?: MergeSpec;
	finishBody?: FinishBody;
	/** Operations whose `{id}` also takes the UUID. */
	uuid?: CrudOperation[];
	/** What a row adds to the plain route (its extra UI fields, query, notes). */
	extra?: Partial<Record<CrudOperation, Partial<RouteSpec>>>;
}

/** The index / store / show / update / delete rows of one resource (GET, POST, GET, POST, DELETE). */
export function crud(resource: ResourceInfo, spec: CrudSpec): ClientXcmsRow[] {
	const { ability, since, list, show, fields = [], merge, finishBody, uuid = [], extra = {} } = spec;
	const base = resource.path;
	const row = (operation: CrudOperation, routeSpec: Omit<RouteSpec, 'operation' | 'since' | 'uuid'>): ClientXcmsRow => {
		const more = extra[operation] ?? {};
		const body = operation === 'create' || operation === 'update' ? bodyFields(fields, operation, merge) : undefined;
		return route(resource, {
			...routeSpec,
			...more,
			operation,
			since,
			uuid: uuid.includes(operation),
			fields: [...(body?.fields ?? []), ...(more.fields ?? [])],
			...(body ? { body: body.body } : {}),
		});
	};
	// Groups are read from the list (their show route is broken), everything else from its show route.
	const readAbility = merge ? `${ability}:${resource.show === 'list' ? 'index' : 'show'}` : undefined;
	return [
		row('getAll', {
			name: 'Get Many',
			method: 'GET',
			path: base,
			ability: `${ability}:index`,
			envelope: list.envelope,
			filters: list.filters,
			sorts: list.sorts ?? list.filters,
			includes: list.includes,
		}),
		row('create', { name: 'Create', method: 'POST', path: base, ability: `${ability}:store`, envelope: 'object', buildBody: createBody(fields, finishBody) }),
		row('get', {
			name: 'Get',
			method: 'GET',
			path: `${base}/{id}`,
			ability: `${ability}:show`,
			envelope: show,
			...(show === 'paginatedShow' ? { includes: list.includes } : {}),
		}),
		row('update', {
			name: 'Update',
			method: 'POST',
			path: `${base}/{id}`,
			ability: `${ability}:update`,
			envelope: 'object',
			readAbility,
			buildBody: updateBody(resource, fields, merge, finishBody),
		}),
		row('delete', { name: 'Delete', method: 'DELETE', path: `${base}/{id}`, ability: `${ability}:delete`, envelope: 'object' }),
	];
}
