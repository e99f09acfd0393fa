import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, INodeProperties, JsonObject } from 'n8n-workflow';

import type { OperationContext, OperationDef } from '../../shared/types';
import { parameterError } from '../../shared/errors';
import { locatorProperty } from '../../shared/locator';
import { optionalNumberInRange, textList, textOf } from '../../shared/validate';

const clientIdLocator = locatorProperty({
	name: 'clientId',
	displayName: 'Client',
	description: 'The client (a bookkeeping organisation) to read',
	searchListMethod: 'searchClients',
	idPlaceholder: 'e.g. 8eb3l',
});

const clientFilters: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	description: 'Xavier returns every client at once; these filters are applied by the node',
	options: [
		{
			displayName: 'Alert Level Names or IDs',
			name: 'alertLevels',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getAlertLevels' },
			default: [],
			description:
				'Only clients with one of these traffic-light levels. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Maximum Health Score',
			name: 'maxHealthScore',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 100 },
			default: 100,
			description: 'Only clients whose health score is at most this (0–100)',
		},
		{
			displayName: 'Minimum Health Score',
			name: 'minHealthScore',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 100 },
			default: 0,
			description: 'Only clients whose health score is at least this (0–100)',
		},
		{
			displayName: 'Name Contains',
			name: 'nameContains',
			type: 'string',
			default: '',
			placeholder: 'e.g. Demo Company',
			description: 'Only clients whose name contains this text (case-insensitive)',
		},
	],
};

interface ClientFilters {
	minHealthScore?: number;
	maxHealthScore?: number;
	alertLevels?: string[];
	nameContains?: string;
}

function readFilters({ ctx, itemIndex }: OperationContext): Required<Omit<ClientFilters, 'nameContains'>> & {
	nameContains: string;
} {
	const raw = ctx.getNodeParameter('filters', itemIndex, {}) as ClientFilters;
	const node = ctx.getNode();
	const min = optionalNumberInRange(node, raw.minHealthScore, 'Minimum Health Score', 0, 100, itemIndex) ?? 0;
	const max = optionalNumberInRange(node, raw.maxHealthScore, 'Maximum Health Score', 0, 100, itemIndex) ?? 100;
	if (min > max) {
		throw parameterError(
			node,
			`Minimum Health Score (${min}) is greater than Maximum Health Score (${max})`,
			itemIndex,
			'No client can match; lower the minimum or raise the maximum.',
		);
	}
	return {
		minHealthScore: min,
		maxHealthScore: max,
		alertLevels: textList(node, raw.alertLevels, 'Alert Level Names or IDs', itemIndex).map((l) => l.toLowerCase()),
		nameContains: textOf(node, raw.nameContains, 'Name Contains', itemIndex).toLowerCase(),
	};
}

/** The detail route was once documented as a one-element array; accept both. */
export function unwrapClient(body: unknown): IDataObject {
	if (Array.isArray(body)) {
		if (body.length === 1 && body[0] && typeof body[0] === 'object') return body[0] as IDataObject;
		throw new Error(`expected one client, got a list of ${body.length}`);
	}
	if (body && typeof body === 'object') return body as IDataObject;
	throw new Error('expected a client object');
}

/** What the rows about one client share: the client in the path, picked with the locator, and the 404's words. */
const oneClient: Pick<OperationDef, 'pathParams' | 'notFound' | 'fields'> = {
	pathParams: [{ param: 'clientId', label: 'Client' }],
	notFound: ({ clientId }) => `Client not found: no client with ID "${clientId}"`,
	fields: [clientIdLocator],
};

export const clientOperations: OperationDef[] = [
	{
		resource: 'client',
		operation: 'getAll',
		name: 'Get Many',
		action: 'Get many clients',
		description: 'List the clients the token can see, with their health score and alert level',
		method: 'GET',
		path: '/clients',
		pagination: { type: 'none' },
		validate: (opCtx) => {
			readFilters(opCtx);
		},
		postProcess: (records, opCtx) => {
			const f = readFilters(opCtx);
			return records.filter((client) => {
				const score = typeof client.healthScore === 'number' ? client.healthScore : undefined;
				const level = String(client.alertLevel ?? '').toLowerCase();
				const name = String(client.name ?? '').toLowerCase();
				// A client without a score only passes when no score bound is set.
				if (score === undefined && (f.minHealthScore > 0 || f.maxHealthScore < 100)) return false;
				if (score !== undefined && (score < f.minHealthScore || score > f.maxHealthScore)) return false;
				if (f.alertLevels.length > 0 && !f.alertLevels.includes(level)) return false;
				if (f.nameContains !== '' && !name.includes(f.nameContains)) return false;
				return true;
			});
		},
		fields: [clientFilters],
	},
	{
		resource: 'client',
		operation: 'get',
		name: 'Get',
		action: 'Get a client',
		description: 'Get one client with its details and metrics',
		method: 'GET',
		path: '/clients/{clientId}',
		...oneClient,
		unwrap: (body, { ctx, itemIndex }) => {
			try {
				return unwrapClient(body);
			} catch (error) {
				throw new NodeApiError(ctx.getNode(), {} as JsonObject, {
					message: `Xavier Analytics answered with an unexpected shape: ${(error as Error).message}`,
					itemIndex,
				});
			}
		},
	},
	{
		resource: 'client',
		operation: 'getActivityStats',
		name: 'Get Activity Stats',
		action: 'Get activity stats of a client',
		description: 'Get turnover and transaction counts: annual, monthly and quarterly averages',
		method: 'GET',
		path: '/clients/{clientId}/activity-stats',
		...oneClient,
	},
];
