import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { byName } from './alphabetical';
import { compactFields } from './compact';
import type { OperationDef } from './types';

/** The "Resource" dropdown. */
export function resourceProperty(resources: INodePropertyOptions[], defaultValue?: string): INodeProperties {
	const options = [...resources].sort(byName);
	const initial = defaultValue ?? (options[0].value as string);
	return {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options,
		default: initial,
	};
}

/** One "Operation" dropdown per resource, generated from the operations table. */
export function operationProperties(table: OperationDef[], defaults: Record<string, string> = {}): INodeProperties[] {
	const resources = [...new Set(table.map((row) => row.resource))];
	return resources.map((resource) => {
		const rows = table.filter((row) => row.resource === resource).sort(byName);
		const initial = defaults[resource] ?? rows[0].operation;
		return {
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource] } },
			options: rows.map((row) => ({
				name: row.name,
				value: row.operation,
				action: row.action,
				description: row.description,
			})),
			default: initial,
		};
	});
}

/** Return All + Limit, as n8n's built-in nodes show them. */
export function listFields(resource: string, operation: string): INodeProperties[] {
	const show = { resource: [resource], operation: [operation] };
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			displayOptions: { show },
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			displayOptions: { show: { ...show, returnAll: [false] } },
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
		},
	];
}

/**
 * Every operation's fields, each shown only for its resource and operation. Not n8n-workflow's
 * updateDisplayOptions: its deep merge puts a field's own conditions before resource and operation,
 * which reorders the keys of such a field's displayOptions in the description (the same conditions,
 * but no longer the same description JSON: XtraKit's Custom API Call Body).
 */
export function operationFields(table: OperationDef[]): INodeProperties[] {
	const fields: INodeProperties[] = [];
	for (const row of table) {
		const show = { resource: [row.resource], operation: [row.operation] };
		if (row.pagination) fields.push(...listFields(row.resource, row.operation));
		for (const field of row.fields ?? []) {
			const ownShow = field.displayOptions?.show ?? {};
			fields.push({ ...field, displayOptions: { ...field.displayOptions, show: { ...show, ...ownShow } } });
		}
	}
	// Identical fields of several operations become one (n8n sends the description to every editor).
	return compactFields(fields, table);
}

/**
 * A trigger's event selector (its first parameter): what it watches for, from the one event list in
 * its trigger/events.ts that the catalogue reads too.
 */
export function eventProperty(
	options: INodePropertyOptions[],
	defaultValue: string,
	settings: { name?: string; displayName?: string; required?: boolean } = {},
): INodeProperties {
	return {
		displayName: settings.displayName ?? 'Event',
		name: settings.name ?? 'event',
		type: 'options',
		noDataExpression: true,
		...(settings.required ? { required: true } : {}),
		default: defaultValue,
		options,
	};
}
