import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, JsonObject } from 'n8n-workflow';

import { asItems, runOperation } from '../../shared/executor';
import type { OperationContext, OperationDef } from '../../shared/types';
import { API_PREFIX, errorText } from '../provider';
import type { ClientXcmsRow } from '../provider';
import type { BodyField } from './bodies';
import { STATUS, TIMESTAMPS } from './common';
import { crud } from './crud';
import { fetchRecord } from './current';
import { readId } from './row';
import type { ResourceInfo } from './row';

export const group: ResourceInfo = {
	value: 'group',
	name: 'Product Group',
	label: 'Product group',
	path: '/groups',
	// The show route is broken (see getFromList): a group is read from the list.
	show: 'list',
	searchMethod: 'searchGroups',
};

const FIELDS: BodyField[] = [
	{ key: 'name', label: 'Name', kind: 'string', create: true },
	{ key: 'description', label: 'Description', kind: 'string', create: true },
	{ key: 'status', label: 'Status', kind: 'options', options: STATUS, create: true, default: 'active' },
	{ key: 'slug', label: 'Slug', kind: 'string', create: true, description: 'Unique. On Update, the current slug is kept when not set.' },
	{ key: 'sort_order', label: 'Sort Order', kind: 'number', create: true, default: 0 },
	{ key: 'badge_title', label: 'Badge Title', kind: 'string' },
	{ key: 'badge_color', label: 'Badge Color', kind: 'string' },
	{ key: 'badge_icon', label: 'Badge Icon', kind: 'string' },
	{ key: 'pinned', label: 'Pinned', kind: 'boolean', default: false, description: 'Whether the group is pinned. On Update, the node keeps the current value when this is not set.' },
	{ key: 'parent_id', label: 'Parent Group ID', kind: 'string', description: 'A group ID, or "none"' },
	{
		key: 'use_image_as_background',
		label: 'Use Image as Background',
		kind: 'boolean',
		default: false,
		description: 'Whether the group image is shown as background. On Update, the node keeps the current value when this is not set (the server would clear it).',
	},
];

const LIST_ABILITY = 'groups:index';

/**
 * Group "Get": GET /groups/{id} answers an empty new group for any ID (routes/api-application.php:69
 * names the parameter {product}, GroupController::show expects $group, so nothing is bound). An
 * answer without an ID is therefore looked up in the group list instead.
 */
async function getFromList(opCtx: OperationContext, row: OperationDef): Promise<INodeExecutionData[]> {
	const records = await runOperation(row, opCtx);
	if (records.length === 1 && records[0].id !== undefined && records[0].id !== null) return asItems(records);
	const id = readId(opCtx, group);
	try {
		return asItems([await fetchRecord(opCtx.ctx, group, id, opCtx.itemIndex)]);
	} catch (error) {
		// The 403 is the list's: name the ability that read needs, not groups:show (which the key has).
		if (error instanceof NodeApiError && error.httpCode === '403' && errorText(error).includes('Invalid ability provided')) {
			const message = `The API key lacks the "${LIST_ABILITY}" ability that Get (Product Group) needs to look the group up in the group list (HTTP 403)`;
			const description = `CLIENTXCMS's GET /groups/{id} answers an empty group for any ID (routes/api-application.php:69 names the parameter {product}, GroupController::show expects $group), so the node reads GET ${API_PREFIX}/groups instead, which answered "Invalid ability provided.". Give the key the "${LIST_ABILITY}" ability, or "*".`;
			throw new NodeApiError(opCtx.ctx.getNode(), { message, description, httpCode: '403' } as JsonObject, { message, description, httpCode: '403', itemIndex: opCtx.itemIndex });
		}
		// Wrapping an existing NodeApiError hands back the same error, context intact.
		if (error instanceof NodeApiError) throw new NodeApiError(opCtx.ctx.getNode(), error as unknown as JsonObject);
		throw new NodeOperationError(opCtx.ctx.getNode(), error as Error, { itemIndex: opCtx.itemIndex });
	}
}

export const groupRows: ClientXcmsRow[] = crud(group, {
	ability: 'groups',
	since: '2.14',
	list: { envelope: 'paginator', filters: ['name', 'slug', 'status', 'description', 'sort_order', ...TIMESTAMPS], includes: ['products', 'groups', 'metadata'] },
	show: 'object',
	fields: FIELDS,
	// UpdateGroupRequest.php:72-74 reset parent_id, pinned and slug when they are not sent; lines 93-97
	// clear the use-image-as-background flag unless the key is sent.
	merge: {
		keys: ['slug', 'pinned', 'parent_id', 'use_image_as_background'],
		// The background flag is a metadata row, not a column.
		include: 'metadata',
		readBack: {
			parent_id: (record) => (record.parent_id === null ? 'none' : record.parent_id),
			use_image_as_background: (record) => {
				if (!Array.isArray(record.metadata)) return undefined;
				return (record.metadata as IDataObject[]).some((m) => m && m.key === 'use_image_as_background' && String(m.value) === 'true');
			},
		},
		mustReadBack: ['use_image_as_background'],
	},
	// The server sets the background flag whenever the key is present (StoreGroupRequest.php:85-87,
	// UpdateGroupRequest.php:93-97): it is sent only when on, and as the text "true" on update (its
	// rule there is `string|in:true,false`, UpdateGroupRequest.php:65).
	finishBody: (body, kind) => {
		if ('use_image_as_background' in body) {
			if (body.use_image_as_background === true) body.use_image_as_background = kind === 'update' ? 'true' : true;
			else delete body.use_image_as_background;
		}
		return body;
	},
	extra: { get: { run: getFromList } },
});
