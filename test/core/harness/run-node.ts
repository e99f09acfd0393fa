/** runNode: one run of `start → node` through n8n-core's WorkflowExecute. */
import './n8n-setup';

import { WorkflowExecute } from 'n8n-core';
import type { IRun } from 'n8n-workflow';

import { withLogs } from './n8n-setup';
import { errorRecord, record } from './record';
import { describeError, plainStaticData } from './results';
import type { RunNodeOptions, RunNodeResult } from './types';
import { build, START_NODE_NAME } from './workflow';

/**
 * Runs `start → node` through `WorkflowExecute` (n8n-core) and returns the node's output.
 *
 * @example
 * const { items, error } = await runNode({
 *   nodeType: Xavier,
 *   parameters: { resource: 'client', operation: 'getAll', returnAll: true },
 *   credentials: { xavierApi: { apiToken: TEST_SECRETS.xavierToken, baseUrl: sim.url } },
 *   credentialTypes: [XavierApi],
 * });
 */
export async function runNode(options: RunNodeOptions): Promise<RunNodeResult> {
	const mode = options.mode ?? 'manual';
	const built = build({
		...options,
		mode,
		withStartNode: true,
		onError: options.onError ?? (options.continueOnFail ? 'continueRegularOutput' : undefined),
	});
	const { workflow, node, additionalData, credentialsHelper, recorded } = built;

	let run: IRun | undefined;
	const { logs, durationMs } = await withLogs(async () => {
		const workflowExecute = new WorkflowExecute(additionalData, mode);
		run = await workflowExecute.run({ workflow, startNode: workflow.getNode(START_NODE_NAME) ?? undefined });
	});
	const finished = run as IRun;
	const runData = finished.data.resultData.runData;
	const task = runData[node.name]?.[0];
	const outputs = (task?.data?.main ?? []).map((o) => o ?? []);
	// The node's own error; with continueOnFail n8n records none (the error became an item).
	const error = describeError(task?.error ?? finished.data.resultData.error, task?.error ? recorded.thrown[0] : undefined);

	const result: RunNodeResult = {
		items: outputs[0] ?? [],
		outputs,
		rawOutput: recorded.outputs[0],
		error,
		runData,
		run: finished,
		credentials: credentialsHelper.store,
		staticData: plainStaticData(workflow.staticData),
		logs,
		durationMs,
		credentialCosts: { decryptions: { ...credentialsHelper.decryptions }, authExpressions: credentialsHelper.authExpressions },
	};
	record('runNode', options, {
		node: node.type,
		parameters: node.parameters,
		mode,
		status: finished.status,
		durationMs,
		items: result.items,
		outputs,
		error: errorRecord(error),
		// What n8n persists for the execution (JSON.stringify honours the errors' toJSON).
		persistedRunData: JSON.parse(JSON.stringify(runData)) as unknown,
		logs,
	});
	return result;
}
