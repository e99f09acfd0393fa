import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { OperationContext } from '../../shared/types';
import { parseJsonValue } from '../../shared/validate';
import type { ClientXcmsRow } from '../provider';
import type { BodyField } from './bodies';
import { PICK_ONE, STATUS } from './common';
import { crud } from './crud';
import { idParam, route } from './row';
import type { ResourceInfo } from './row';

export const product: ResourceInfo = {
	value: 'product',
	name: 'Product',
	label: 'Product',
	path: '/products',
	show: 'paginatedShow',
	searchMethod: 'searchProducts',
};

const FIELDS: BodyField[] = [
	{ key: 'name', label: 'Name', kind: 'string', create: true },
	{ key: 'description', label: 'Description', kind: 'string', create: true },
	{ key: 'status', label: 'Status', kind: 'options', options: STATUS, create: true, default: 'active' },
	{ key: 'group_id', label: 'Group Name or ID', kind: 'options', loadOptionsMethod: 'getGroups', create: true, description: PICK_ONE },
	{ key: 'stock', label: 'Stock', kind: 'number', create: true, default: -1, description: '-1 for unlimited' },
	{ key: 'type', label: 'Type', kind: 'string', create: true, default: 'none', description: '"none" or the key of an installed product type (server module)' },
	{ key: 'pinned', label: 'Pinned', kind: 'boolean', default: false, description: 'Whether the product is pinned. On Update, the node keeps the current value when this is not set (the server would reset it).' },
	// No Sort Order: the server ignores it on create (ProductController.php:209-210 stores validated(),
	// and no rule names it) and on update (UpdateProductRequest.php:119 copies a fixed key list).
	{ key: 'pricing', label: 'Pricing (JSON)', kind: 'json', only: 'update', description: 'Prices by billing cycle, e.g. {"monthly": {"price": 9.99, "setup": 0}}' },
];

/** The product ID as typed, for a message (empty when it cannot be read). */
function productIdOf(opCtx: OperationContext): string {
	try {
		return String(opCtx.ctx.getNodeParameter(idParam(product), opCtx.itemIndex, '', { extractValue: true }));
	} catch {
		return '';
	}
}

/**
 * ProductController::config answers 404 with a `null` body when the product type has no
 * configuration (lines 365-368; updateConfig lines 406-409), e.g. type "none": a 404 that is neither
 * the binding's "No query results for model" nor Laravel's "could not be found" is that one.
 */
function noConfig(text: string, opCtx: OperationContext) {
	if (text.includes('No query results for model') || text.includes('could not be found')) return undefined;
	return {
		message: `Product ${productIdOf(opCtx)} has no module configuration (HTTP 404)`,
		description: 'CLIENTXCMS answered 404: the product exists, but its product type (server module) has no configuration, e.g. type "none".',
	};
}

const config: INodeProperties = { displayName: 'Config (JSON)', name: 'config', type: 'json', default: '{}', required: true, description: 'Module-specific configuration fields' };

export const productRows: ClientXcmsRow[] = [
	...crud(product, {
		ability: 'products',
		since: '2.14',
		list: { envelope: 'paginator', filters: ['id', 'name', 'status', 'description', 'sort_order', 'group_id', 'stock', 'type', 'pinned'], includes: ['metadata', 'pricing', 'group'] },
		show: 'paginatedShow',
		fields: FIELDS,
		// UpdateProductRequest.php:112 merges pinned = false when it is not sent.
		merge: { keys: ['pinned'] },
	}),
	route(product, {
		operation: 'getConfig',
		name: 'Get Config',
		action: "Get a product's config",
		method: 'GET',
		path: '/products/{id}/config',
		ability: 'products:show',
		envelope: 'object',
		explain404: noConfig,
	}),
	route(product, {
		operation: 'updateConfig',
		name: 'Update Config',
		action: "Update a product's config",
		method: 'PUT',
		path: '/products/{id}/config',
		ability: 'products:update',
		envelope: 'object',
		explain404: noConfig,
		fields: [config],
		body: {},
		buildBody: (_body, opCtx) => {
			const raw = opCtx.ctx.getNodeParameter(config.name, opCtx.itemIndex, '{}');
			return (parseJsonValue(opCtx.ctx.getNode(), raw, config.displayName, opCtx.itemIndex, 'object') ?? {}) as IDataObject;
		},
	}),
];
