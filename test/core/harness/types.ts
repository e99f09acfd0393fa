/** The options and results of the harness calls (runNode, runPoll, loadOptions, testCredential). */
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IRun,
	IRunData,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import type { LogLine } from './n8n-setup';

export const PACKAGE_NAME = 'n8n-nodes-saas-connectors';

export type Ctor<T> = new () => T;
export type NodeTypeInput = INodeType | Ctor<INodeType>;
export type CredentialTypeInput = ICredentialType | Ctor<ICredentialType>;
/** Credential data by credential type name, e.g. `{ xavierApi: { apiToken: '…' } }`. */
export type CredentialStore = Record<string, ICredentialDataDecryptedObject>;

export interface HarnessError {
	/** The error's class, e.g. `NodeApiError`, `NodeOperationError`. */
	className: string;
	name?: string;
	message: string;
	description?: string | null;
	httpCode?: string | null;
	/** NodeApiError: the extra messages n8n collected from the response. */
	messages?: string[];
	context?: IDataObject;
	stack?: string;
	/** The error object as the execution recorded it (n8n stores a plain copy in the task data). */
	raw: Error;
	/** The error instance the node threw, when the harness saw it. */
	thrown?: Error;
}

export interface CommonOptions {
	/** Credential data by credential type name. A copy is used as the run's credential store. */
	credentials?: CredentialStore;
	/** Credential classes (instances or constructors) the credentials helper knows. */
	credentialTypes?: CredentialTypeInput[];
	/** Artifact file name (default: the jest test file's name). */
	artifactName?: string;
	/** Workflow timezone (default n8n's: America/New_York). */
	timezone?: string;
}

export interface RunNodeOptions extends CommonOptions {
	nodeType: NodeTypeInput;
	parameters?: INodeParameters;
	/** Items the start node emits (default: one empty item, like the Manual Trigger). */
	inputItems?: INodeExecutionData[];
	/** Sets the node's "On Error" to "Continue" (`onError: 'continueRegularOutput'`). */
	continueOnFail?: boolean;
	/** Or set `onError` explicitly (e.g. 'continueErrorOutput'). Wins over continueOnFail. */
	onError?: INode['onError'];
	typeVersion?: number;
	nodeName?: string;
	/** Execution mode (default 'manual', as when a user clicks "Execute workflow"). */
	mode?: WorkflowExecuteMode;
	/** Workflow static data to start from (shape `{ 'node:<name>': {...} }`). */
	staticData?: IDataObject;
	/**
	 * Keep a copy of what execute() returned as `rawOutput` (default true). Benchmarks turn it off:
	 * n8n makes no such copy, and for 10,000 items it costs as much as a fifth of the run.
	 */
	recordRawOutput?: boolean;
}

export interface RunNodeResult {
	/** Main output 0 of the node under test, as n8n recorded it. */
	items: INodeExecutionData[];
	/** All main outputs (index 1 is the error output with `onError: 'continueErrorOutput'`). */
	outputs: INodeExecutionData[][];
	/** What the node's execute() returned, before n8n-core's automatic pairedItem assignment. */
	rawOutput: INodeExecutionData[][] | null | undefined;
	/** The node's error, as the execution recorded it. */
	error?: HarnessError;
	runData: IRunData;
	run: IRun;
	/** Credential store after the run (preAuthentication may have refreshed a token). */
	credentials: CredentialStore;
	/** Workflow static data after the run. */
	staticData: IDataObject;
	logs: LogLine[];
	durationMs: number;
	/** What the run cost the credentials helper: reads (decryptions) by type, expressions resolved to authenticate. */
	credentialCosts: { decryptions: Record<string, number>; authExpressions: number };
}

export interface RunPollOptions extends CommonOptions {
	nodeType: NodeTypeInput;
	parameters?: INodeParameters;
	/**
	 * 'trigger': one cron tick of an active workflow (PollTriggerExecutor; errors go to __emitError);
	 * 'activation': the first poll n8n runs when the workflow is activated (errors are thrown and
	 *   fail the activation, as in n8n);
	 * 'manual': "Fetch test event" in the editor (WorkflowExecute in manual mode).
	 */
	mode: 'trigger' | 'activation' | 'manual';
	/** What `getActivationMode()` returns (default 'activate'; n8n keeps it for every later tick). */
	activation?: WorkflowActivateMode;
	/** Workflow static data to start from (shape `{ 'node:<name>': {...} }`); deep-cloned, never mutated. */
	staticData?: IDataObject;
	typeVersion?: number;
	nodeName?: string;
}

export interface RunPollResult {
	/** Items of the emitted run (main output 0), or null when the poll returned null. */
	items: INodeExecutionData[] | null;
	/** All emitted outputs. */
	emitted: INodeExecutionData[][] | null;
	/**
	 * The static data the NEXT tick sees (no restart in between): for 'trigger' the active
	 * workflow's in-memory static data after this tick — including anything the node changed before
	 * failing, because n8n keeps the same Workflow object across ticks; for a failed 'activation'
	 * or for 'manual' the static data as stored, unchanged. Pass it to the next call.
	 */
	staticData: IDataObject;
	/** This node's part of `staticData` (`staticData['node:<name>']`). */
	nodeStaticData: IDataObject;
	/**
	 * What n8n has written to the database after this call: it saves static data before starting
	 * the run of an emitted poll, and after a successful activation — not after a tick that returned
	 * null or failed (n8n-core's cursor-commit hook is a no-op in a plain instance), not in manual
	 * mode. Pass it to the next call to simulate a restart at this point.
	 */
	savedStaticData: IDataObject;
	/** Whether this call wrote static data to the database. */
	saved: boolean;
	/** The static data exactly as the node left it during this call (any mode). */
	mutatedStaticData: IDataObject;
	/** The poll's error (trigger: what reached __emitError; activation/manual: what was thrown). */
	error?: HarnessError;
	credentials: CredentialStore;
	logs: LogLine[];
	durationMs: number;
}

export interface LoadOptionsCallOptions extends CommonOptions {
	nodeType: NodeTypeInput;
	/** The node's current parameters as the editor sends them. */
	parameters?: INodeParameters;
	typeVersion?: number;
	nodeName?: string;
	/** Parameter path (default `parameters.<method>`), used for `&sibling` lookups. */
	path?: string;
}

/** A class or an instance of it, as the options accept node and credential types. */
export function instantiate<T>(input: T | Ctor<T>): T {
	return typeof input === 'function' ? new (input as Ctor<T>)() : input;
}
