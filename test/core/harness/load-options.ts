/**
 * runLoadOptions / runListSearch: `methods.loadOptions` and `methods.listSearch` called through
 * n8n-core's LoadOptionsContext, the way n8n's DynamicNodeParametersService calls them.
 */
import './n8n-setup';

import { LoadOptionsContext } from 'n8n-core';
import type { ILoadOptionsFunctions, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';
import { UnexpectedError } from 'n8n-workflow';

import { withLogs, type LogLine } from './n8n-setup';
import { errorRecord, record } from './record';
import { describeError } from './results';
import type { CredentialStore, LoadOptionsCallOptions } from './types';
import { build } from './workflow';

type Method<T> = (this: ILoadOptionsFunctions, ...args: Array<string | undefined>) => Promise<T>;

/** Finds `methods[kind][methodName]`, calls it with `args` in a LoadOptionsContext, records the call. */
async function callMethod<T>(
	kind: 'loadOptions' | 'listSearch',
	options: LoadOptionsCallOptions,
	methodName: string,
	args: Array<string | undefined>,
	initial: T,
	extra: Record<string, unknown> = {},
): Promise<{ value: T; credentials: CredentialStore; logs: LogLine[] }> {
	const built = build({ ...options, mode: 'internal', withStartNode: false });
	const { workflow, node, additionalData } = built;
	// As n8n's DynamicNodeParametersService: the editor's current parameters travel in additionalData.
	additionalData.currentNodeParameters = node.parameters;
	const context = new LoadOptionsContext(workflow, node, additionalData, options.path ?? `parameters.${methodName}`);
	const method = (built.nodeType.methods?.[kind] as Record<string, Method<T>> | undefined)?.[methodName];
	if (!method) throw new UnexpectedError(`Node has no ${kind} method "${methodName}"`);
	let value = initial;
	let thrown: unknown;
	const { logs, durationMs } = await withLogs(async () => {
		try {
			value = await method.call(context, ...args);
		} catch (error) {
			thrown = error;
		}
	});
	record(kind, options, {
		method: methodName,
		...extra,
		durationMs,
		result: value,
		error: errorRecord(describeError(thrown)),
		logs,
	});
	if (thrown) throw thrown;
	return { value, credentials: built.credentialsHelper.store, logs };
}

/** Calls `methods.loadOptions[methodName]` through n8n-core's LoadOptionsContext. */
export async function runLoadOptions(
	options: LoadOptionsCallOptions,
	methodName: string,
): Promise<{ options: INodePropertyOptions[]; credentials: CredentialStore; logs: LogLine[] }> {
	const { value, credentials, logs } = await callMethod<INodePropertyOptions[]>('loadOptions', options, methodName, [], []);
	return { options: value, credentials, logs };
}

/** Calls `methods.listSearch[methodName](filter, paginationToken)` through LoadOptionsContext. */
export async function runListSearch(
	options: LoadOptionsCallOptions,
	methodName: string,
	search: { filter?: string; paginationToken?: string } = {},
): Promise<INodeListSearchResult & { credentials: CredentialStore; logs: LogLine[] }> {
	const { value, credentials, logs } = await callMethod<INodeListSearchResult>(
		'listSearch',
		options,
		methodName,
		[search.filter, search.paginationToken],
		{ results: [] },
		{ search },
	);
	return { ...value, credentials, logs };
}
