/** runPoll: a polling trigger's poll() as a cron tick, an activation, or "Fetch test event". */
import './n8n-setup';

import { Container } from '@n8n/di';
import { PollContext, PollTriggerExecutor, WorkflowExecute } from 'n8n-core';
import type { IDataObject, INodeExecutionData, IRun } from 'n8n-workflow';

import { withLogs } from './n8n-setup';
import { errorRecord, record } from './record';
import { describeError, plainStaticData } from './results';
import type { RunPollOptions, RunPollResult } from './types';
import { build } from './workflow';


/**
 * Runs a polling trigger's `poll()` once through n8n-core (see RunPollOptions.mode).
 *
 * @example
 * const opts = { nodeType: XavierTrigger, credentials, credentialTypes: [XavierApi] };
 * const first = await runPoll({ ...opts, mode: 'activation', staticData: {} });
 * const tick = await runPoll({ ...opts, mode: 'trigger', staticData: first.staticData });
 * // restart right after `tick`: continue from tick.savedStaticData instead
 */
export async function runPoll(options: RunPollOptions): Promise<RunPollResult> {
	const storedStaticData = plainStaticData(options.staticData ?? {});
	if (options.mode === 'manual') return await runPollManual(options, storedStaticData);

	const built = build({ ...options, mode: 'trigger', withStartNode: false, staticData: storedStaticData });
	const { workflow, node, additionalData, credentialsHelper } = built;
	const activation = options.activation ?? 'activate';

	let emitted: INodeExecutionData[][] | null = null;
	let emittedError: unknown;
	let thrown: unknown;
	let saved = false;
	let savedStaticData = storedStaticData;
	// n8n's WorkflowStaticDataService.saveStaticData: writes only when the data changed.
	const saveStaticData = () => {
		if ((workflow.staticData as IDataObject).__dataChanged === true) {
			savedStaticData = plainStaticData(workflow.staticData);
			saved = true;
			(workflow.staticData as IDataObject).__dataChanged = false;
		}
	};
	// As n8n's ActiveWorkflowManager.getExecutePollFunctions (n8n-core's default __commitCursor).
	const pollFunctions = new PollContext(
		workflow,
		node,
		additionalData,
		'trigger',
		activation,
		(data: INodeExecutionData[][]) => {
			saveStaticData(); // n8n saves static data, then starts the workflow run with `data`
			emitted = data;
		},
		(error: Error) => {
			emittedError = error; // n8n records an error execution and runs the error workflow
		},
	);
	const executor = Container.get(PollTriggerExecutor);
	const executePollTrigger = executor.create(workflow, node, pollFunctions, () => true);

	const { logs, durationMs } = await withLogs(async () => {
		try {
			// ActiveWorkflowTriggers.activatePollTrigger runs the first poll with testingTrigger=true.
			await executePollTrigger(options.mode === 'activation');
			// ActiveWorkflowManager.add saves static data once activation succeeded.
			if (options.mode === 'activation') saveStaticData();
		} catch (error) {
			thrown = error;
		}
	});
	const error = describeError(thrown ?? emittedError);
	const emittedData = emitted as INodeExecutionData[][] | null;
	const mutated = plainStaticData(workflow.staticData);
	// A failed activation discards the Workflow object; the next attempt loads the stored data.
	const next = thrown !== undefined ? savedStaticData : mutated;
	const result: RunPollResult = {
		items: emittedData ? (emittedData[0] ?? []) : null,
		emitted: emittedData,
		staticData: next,
		nodeStaticData: (next[`node:${node.name}`] as IDataObject) ?? {},
		savedStaticData,
		saved,
		mutatedStaticData: mutated,
		error,
		credentials: credentialsHelper.store,
		logs,
		durationMs,
	};
	record('runPoll', options, {
		node: node.type,
		parameters: node.parameters,
		mode: options.mode,
		durationMs,
		items: result.items,
		staticData: next,
		savedStaticData,
		error: errorRecord(error),
		logs,
	});
	return result;
}

async function runPollManual(options: RunPollOptions, storedStaticData: IDataObject): Promise<RunPollResult> {
	// "Fetch test event": the editor runs the workflow in manual mode from the trigger node;
	// WorkflowExecute.executePollNode builds PollContext(…, 'manual', 'manual') and calls poll().
	// n8n does not save static data after manual executions.
	const built = build({ ...options, mode: 'manual', withStartNode: false, staticData: storedStaticData });
	const { workflow, node, additionalData, credentialsHelper } = built;
	let run: IRun | undefined;
	const { logs, durationMs } = await withLogs(async () => {
		run = await new WorkflowExecute(additionalData, 'manual').run({ workflow, startNode: node });
	});
	const finished = run as IRun;
	const task = finished.data.resultData.runData[node.name]?.[0];
	const outputs = task?.data?.main?.map((o) => o ?? []) ?? null;
	const error = describeError(task?.error ?? finished.data.resultData.error);
	const result: RunPollResult = {
		items: outputs && outputs.length ? (outputs[0] ?? []) : null,
		emitted: outputs,
		staticData: storedStaticData,
		nodeStaticData: (storedStaticData[`node:${node.name}`] as IDataObject) ?? {},
		savedStaticData: storedStaticData,
		saved: false,
		mutatedStaticData: plainStaticData(workflow.staticData),
		error,
		credentials: credentialsHelper.store,
		logs,
		durationMs,
	};
	record('runPoll', options, {
		node: node.type,
		parameters: node.parameters,
		mode: 'manual',
		durationMs,
		items: result.items,
		error: errorRecord(error),
		persistedRunData: JSON.parse(JSON.stringify(finished.data.resultData.runData)) as unknown,
		logs,
	});
	return result;
}
