/**
 * Tier-2 harness: run our node classes through n8n-core's real execution code, in-process.
 *
 * What is real (n8n-core 2.41 / n8n-workflow 2.41, exactly what n8n runs):
 * - `runNode`: a real `Workflow` (start node → node under test) executed by
 *   `new WorkflowExecute(additionalData, mode).run(...)` with n8n-core's `ExecutionLifecycleHooks`.
 *   Parameter defaults, expressions, `getNodeParameter` validation, `continueOnFail`/`onError`,
 *   pairedItem handling, error wrapping and the HTTP helpers (`httpRequestWithAuthentication`,
 *   its preAuthentication + 401 retry, `NodeApiError` wrapping) are n8n-core's own code, and
 *   requests go over real HTTP (n8n's own axios-based client) to whatever the test started.
 * - `runPoll`: n8n-core's `PollContext`; trigger ticks go through n8n-core's `PollTriggerExecutor`
 *   (the code behind every cron tick of an active workflow), manual mode ("Fetch test event") goes
 *   through `WorkflowExecute` exactly like the editor does.
 * - `runLoadOptions` / `runListSearch`: n8n-core's `LoadOptionsContext`, called the way n8n's
 *   DynamicNodeParametersService calls `methods.loadOptions` / `methods.listSearch`.
 * - `testCredential`: n8n-core's `RoutingNode` + `ExecuteContext` on a temporary
 *   `n8n-nodes-base.noOp` node, as n8n's CredentialsTester does, including its `rules` handling.
 *
 * THE ONE FAKE: `HarnessCredentialsHelper` (`additionalData.credentialsHelper`). In n8n it is the
 * CLI package's CredentialsHelper, which reads encrypted credentials from the database. That needs
 * the n8n CLI (a database, encryption keys, DI of a dozen services), which is tier 3's job. Here it
 * is an in-memory store — but it reproduces the CLI's logic line for line where it matters to us:
 * `authenticate` applies the credential class's OWN `authenticate` (function form called as is;
 * generic form resolved with n8n-workflow's real expression engine, `$credentials` bound, merged into
 * headers/qs/body/auth like the CLI), `preAuthentication` follows the CLI's expirable-property rules
 * and writes refreshed values back through `updateCredentials`, and `getDecrypted` applies
 * credential property defaults and resolves expressions in credential values. Nothing else is
 * mocked (the additionalData callbacks we leave unimplemented throw if a node ever reaches them).
 * Tier 3 (real n8n) proves the CLI side.
 *
 * Every call writes what it produced (items, errors with stack, persisted runData, n8n log lines —
 * n8n-core's Logger is replaced by one that records into the artifact) to
 * `test-artifacts/core/<test-file>.jsonl`, which the secret scan checks.
 */
import 'reflect-metadata';

import { Logger as BackendLogger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import {
	ExecuteContext,
	ExecutionLifecycleHooks,
	getAdditionalKeys,
	LoadOptionsContext,
	PollContext,
	PollTriggerExecutor,
	RoutingNode,
	WorkflowExecute,
} from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialsDecrypted,
	ICredentialsExpressionResolveValues,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IExecuteData,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeListSearchResult,
	INodeParameters,
	INodeProperties,
	INodePropertyOptions,
	INodeType,
	INodeTypes,
	IRequestOptionsSimplified,
	IRun,
	IRunData,
	IRunExecutionData,
	ITaskDataConnections,
	IWorkflowBase,
	IWorkflowDataProxyAdditionalKeys,
	IWorkflowExecuteAdditionalData,
	Logger as LoggerType,
	LogMetadata,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import {
	getCredentialOwnRequestAllowedDomains,
	ICredentialsHelper,
	isExpression,
	LoggerProxy,
	NodeConnectionTypes,
	NodeHelpers,
	UnexpectedError,
	UserError,
	Workflow,
} from 'n8n-workflow';

import { toPlain, writeArtifact } from '../helpers/artifacts';

// ---------------------------------------------------------------------------------------------
// Logging: n8n-core gets its logger from `Container.get(Logger)` (@n8n/backend-common) — node
// code's `this.logger`, PollTriggerExecutor, ErrorReporter — and n8n-workflow code uses
// `LoggerProxy`. Both are pointed at one logger that records every line (all levels, including
// debug) for the artifact file.
// ---------------------------------------------------------------------------------------------

export interface LogLine {
	level: 'error' | 'warn' | 'info' | 'debug';
	message: string;
	metadata?: unknown;
	scopes?: string[];
}

let logSink: LogLine[] | undefined;
const ORPHAN_LOGS: LogLine[] = [];

class ArtifactLogger implements LoggerType {
	constructor(private readonly scopes: string[] = []) {}
	private log(level: LogLine['level'], message: string, metadata?: LogMetadata) {
		const line: LogLine = { level, message, metadata: toPlain(metadata, new WeakSet(), 0) };
		if (this.scopes.length) line.scopes = this.scopes;
		(logSink ?? ORPHAN_LOGS).push(line);
		if (process.env.HARNESS_LOG === '1') process.stderr.write(`[n8n ${level}] ${message}\n`);
	}
	error(message: string, metadata?: LogMetadata) {
		this.log('error', message, metadata);
	}
	warn(message: string, metadata?: LogMetadata) {
		this.log('warn', message, metadata);
	}
	info(message: string, metadata?: LogMetadata) {
		this.log('info', message, metadata);
	}
	debug(message: string, metadata?: LogMetadata) {
		this.log('debug', message, metadata);
	}
	scoped(scopes: string | string[]) {
		return new ArtifactLogger([...this.scopes, ...(Array.isArray(scopes) ? scopes : [scopes])]);
	}
}

const harnessLogger = new ArtifactLogger();
Container.set(BackendLogger, harnessLogger as unknown as BackendLogger);
LoggerProxy.init(harnessLogger);

// ---------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------

export const PACKAGE_NAME = 'n8n-nodes-saas-connectors';

type Ctor<T> = new () => T;
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

interface CommonOptions {
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

// ---------------------------------------------------------------------------------------------
// Credential types and the credentials helper (the tier's one fake; see header)
// ---------------------------------------------------------------------------------------------

function instantiate<T>(input: T | Ctor<T>): T {
	return typeof input === 'function' ? new (input as Ctor<T>)() : input;
}

export class CredentialTypeRegistry {
	private readonly types = new Map<string, ICredentialType>();
	constructor(types: CredentialTypeInput[] = []) {
		for (const t of types) {
			const instance = instantiate(t);
			this.types.set(instance.name, instance);
		}
	}
	getByName(name: string): ICredentialType {
		const type = this.types.get(name);
		if (!type) {
			throw new UnexpectedError(`Unknown credential type "${name}" — pass its class in credentialTypes`);
		}
		return type;
	}
	has(name: string) {
		return this.types.has(name);
	}
	getParentTypes(name: string): string[] {
		const type = this.types.get(name);
		if (!type?.extends) return [];
		const parents = [...type.extends];
		for (const parent of type.extends) parents.push(...this.getParentTypes(parent));
		return parents;
	}
}

/** As the CLI: preAuthentication's own requests honour the credential's domain allowlist. */
function restrictToCredentialDomains(
	helpers: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): IHttpRequestHelper {
	return {
		helpers: {
			httpRequest: async (requestOptions: IHttpRequestOptions): Promise<unknown> => {
				const allowedDomains = getCredentialOwnRequestAllowedDomains(credentials);
				if (allowedDomains === undefined) return await helpers.helpers.httpRequest(requestOptions);
				if (requestOptions.allowedDomains !== undefined) {
					throw new UserError(
						'This credential restricts requests to specific domains, which cannot be combined with the domains its authentication step asks for.',
					);
				}
				return await helpers.helpers.httpRequest({ ...requestOptions, allowedDomains });
			},
		},
	};
}

function credentialId(type: string) {
	return `cred-${type}`;
}

/**
 * In-memory `ICredentialsHelper` reproducing n8n CLI's CredentialsHelper logic
 * (packages/cli/src/credentials-helper.ts) over a plain object store.
 */
export class HarnessCredentialsHelper extends ICredentialsHelper {
	/** Every `updateCredentials` call (e.g. a preAuthentication token refresh), in order. */
	readonly updates: Array<{ type: string; data: ICredentialDataDecryptedObject }> = [];
	/** Number of preAuthentication calls per credential type that actually ran the hook. */
	readonly preAuthenticationCalls: Record<string, number> = {};

	constructor(
		readonly credentialTypes: CredentialTypeRegistry,
		readonly store: CredentialStore,
	) {
		super();
	}

	getParentTypes(name: string): string[] {
		return this.credentialTypes.getParentTypes(name);
	}

	isCredentialUsableByNode(credentialType: string, nodeType: string): boolean {
		if (!this.credentialTypes.has(credentialType)) return true;
		const typeDef = this.credentialTypes.getByName(credentialType);
		if (!typeDef.restrictToSupportedNodes) return true;
		const supported = typeDef.supportedNodes ?? [];
		return supported.some((n) => n === nodeType || `${PACKAGE_NAME}.${n}` === nodeType);
	}

	/** As the CLI: function form is called; generic form is resolved with `$credentials` and merged. */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incomingRequestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const requestOptions = incomingRequestOptions;
		const credentialType = this.credentialTypes.getByName(typeName);
		if (credentialType.authenticate) {
			if (typeof credentialType.authenticate === 'function') {
				return await credentialType.authenticate(credentials, requestOptions as IHttpRequestOptions);
			}
			if (typeof credentialType.authenticate === 'object') {
				if (!workflow || !node) {
					throw new UnexpectedError(
						'Workflow and node are required for declarative credential authentication',
					);
				}
				const { authenticate } = credentialType;
				if (requestOptions.headers === undefined) requestOptions.headers = {};
				if (authenticate.type === 'generic') {
					for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
						for (const [key, value] of Object.entries(outerValue as Record<string, string>)) {
							const keyResolved = this.resolveValue(key, { $credentials: credentials }, workflow, node);
							const valueResolved = this.resolveValue(
								value,
								{ $credentials: credentials },
								workflow,
								node,
							);
							const target = requestOptions as unknown as Record<string, Record<string, unknown>>;
							if (!target[outerKey]) target[outerKey] = {};
							target[outerKey][keyResolved] = valueResolved;
						}
					}
				}
			}
		}
		return requestOptions as IHttpRequestOptions;
	}

	private resolveValue(
		parameterValue: string,
		additionalKeys: IWorkflowDataProxyAdditionalKeys,
		workflow: Workflow,
		node: INode,
	): string {
		if (!isExpression(parameterValue)) return parameterValue;
		const returnValue = workflow.expression.getSimpleParameterValue(
			node,
			parameterValue,
			'internal',
			additionalKeys,
			undefined,
			'',
		);
		if (!returnValue) return '';
		return returnValue.toString();
	}

	/** As the CLI: runs only with a hidden expirable property that is empty, expired, or under test. */
	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.credentialTypes.getByName(typeName);
		const expirableProperty = credentialType.properties.find(
			(property) => property.type === 'hidden' && property?.typeOptions?.expirable === true,
		);
		if (expirableProperty?.name === undefined) return undefined;

		const isTestingCredentials =
			node?.parameters?.temp === '' && node?.type === 'n8n-nodes-base.noOp';

		if (typeof credentialType.preAuthentication === 'function') {
			if (
				credentials[expirableProperty.name] === '' ||
				credentialsExpired ||
				isTestingCredentials
			) {
				this.preAuthenticationCalls[typeName] = (this.preAuthenticationCalls[typeName] ?? 0) + 1;
				const output = (await credentialType.preAuthentication.call(
					restrictToCredentialDomains(helpers, credentials),
					credentials,
				)) as ICredentialDataDecryptedObject;
				if (output[expirableProperty.name] === undefined) return undefined;
				if (node.credentials) {
					const nodeCredentials = node.credentials[credentialType.name];
					const storedData = await (await this.getCredentials(nodeCredentials, credentialType.name)).getData();
					const dataToPersist: ICredentialDataDecryptedObject = { ...storedData };
					for (const [key, value] of Object.entries(output)) {
						if (key === expirableProperty.name || !isExpression(storedData[key])) {
							dataToPersist[key] = value;
						}
					}
					await this.updateCredentials(nodeCredentials, credentialType.name, dataToPersist);
					return Object.assign(credentials, output);
				}
			}
		}
		return undefined;
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.credentialTypes.getByName(typeName);
		if (typeof credentialType.preAuthentication !== 'function') return undefined;
		const output = await credentialType.preAuthentication.call(
			restrictToCredentialDomains(helpers, credentials),
			credentials,
		);
		return (output as ICredentialDataDecryptedObject) ?? undefined;
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		const data = this.stored(type);
		return {
			id: nodeCredentials.id ?? credentialId(type),
			name: nodeCredentials.name,
			type,
			data: undefined,
			getData: () => ({ ...data }),
			getDataToSave: () => ({ id: credentialId(type), name: nodeCredentials.name, type, data: '' }),
			setData: (newData: ICredentialDataDecryptedObject) => {
				this.store[type] = { ...newData };
			},
			updateData: (newData: ICredentialDataDecryptedObject) => {
				this.store[type] = { ...this.store[type], ...newData };
			},
		} as unknown as ICredentials;
	}

	private stored(type: string): ICredentialDataDecryptedObject {
		const data = this.store[type];
		if (data === undefined) {
			throw new UnexpectedError(`No credentials of type "${type}" were given to the harness`);
		}
		return data;
	}

	/** As the CLI's getDecrypted + applyDefaultsAndOverwrites (no overwrites, no external secrets). */
	async getDecrypted(
		additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		raw?: boolean,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const original = { ...this.stored(type) };
		if (raw === true) return original;
		return this.applyDefaults(additionalData, original, type, mode, executeData, expressionResolveValues);
	}

	applyDefaults(
		additionalData: IWorkflowExecuteAdditionalData,
		decryptedDataOriginal: ICredentialDataDecryptedObject,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): ICredentialDataDecryptedObject {
		const credentialsProperties = this.getCredentialsProperties(type);
		let decryptedData = NodeHelpers.getNodeParameters(
			credentialsProperties,
			decryptedDataOriginal as INodeParameters,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;
		if (decryptedDataOriginal.oauthTokenData !== undefined) {
			decryptedData.oauthTokenData = decryptedDataOriginal.oauthTokenData;
		}
		for (const key of ['allowedHttpRequestDomains', 'allowedDomains']) {
			if (decryptedData[key] === undefined && decryptedDataOriginal[key] !== undefined) {
				decryptedData[key] = decryptedDataOriginal[key];
			}
		}
		const additionalKeys = getAdditionalKeys(additionalData, mode, null, { isCredential: true });
		if (expressionResolveValues) {
			try {
				decryptedData = expressionResolveValues.workflow.expression.getParameterValue(
					decryptedData as INodeParameters,
					expressionResolveValues.runExecutionData,
					expressionResolveValues.runIndex,
					expressionResolveValues.itemIndex,
					expressionResolveValues.node.name,
					expressionResolveValues.connectionInputData,
					mode,
					additionalKeys,
					executeData,
					false,
					decryptedData,
				) as ICredentialDataDecryptedObject;
			} catch (e) {
				(e as Error).message += ' [Error resolving credentials]';
				throw e;
			}
		} else {
			const mockNode: INode = {
				id: 'mock',
				name: '',
				typeVersion: 1,
				type: 'mock',
				position: [0, 0],
				parameters: {},
			};
			const workflow = new Workflow({
				nodes: [mockNode],
				connections: {},
				active: false,
				nodeTypes: mockNodeTypes,
			});
			decryptedData = workflow.expression.getComplexParameterValue(
				mockNode,
				decryptedData as INodeParameters,
				mode,
				additionalKeys,
				undefined,
				undefined,
				decryptedData,
			) as ICredentialDataDecryptedObject;
		}
		return decryptedData;
	}

	async updateCredentials(
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.store[type] = { ...data };
		this.updates.push({ type, data: { ...data } });
	}

	async updateCredentialsOauthTokenData(
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.store[type] = { ...this.stored(type), oauthTokenData: data.oauthTokenData };
		this.updates.push({ type, data: { oauthTokenData: data.oauthTokenData } });
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		const credentialTypeData = this.credentialTypes.getByName(type);
		if (credentialTypeData.extends === undefined) {
			if (['oAuth1Api', 'oAuth2Api'].includes(type)) {
				return [
					...credentialTypeData.properties,
					{ displayName: 'oauthTokenData', name: 'oauthTokenData', type: 'json', required: false, default: {} },
				];
			}
			return credentialTypeData.properties;
		}
		const combined: INodeProperties[] = [];
		for (const parent of credentialTypeData.extends) {
			NodeHelpers.mergeNodeProperties(combined, this.getCredentialsProperties(parent));
		}
		NodeHelpers.mergeNodeProperties(combined, credentialTypeData.properties);
		return combined;
	}
}

const mockNodeTypes: INodeTypes = {
	getByName: () => ({ description: { properties: [] } }) as unknown as INodeType,
	getByNameAndVersion: () => ({ description: { properties: [] } }) as unknown as INodeType,
	getKnownTypes: () => ({}),
};

// ---------------------------------------------------------------------------------------------
// Node types, workflow, additionalData
// ---------------------------------------------------------------------------------------------

export const START_NODE_TYPE = 'n8n-nodes-base.manualTrigger';
const START_NODE_NAME = "When clicking 'Execute workflow'";

/** Stand-in for n8n's Manual Trigger: emits the injected input items. */
function startNodeType(items: INodeExecutionData[]): INodeType {
	return {
		description: {
			displayName: 'Manual Trigger',
			name: 'manualTrigger',
			group: ['trigger'],
			version: 1,
			description: 'Harness start node',
			defaults: { name: START_NODE_NAME },
			inputs: [],
			outputs: [NodeConnectionTypes.Main],
			properties: [],
		},
		async execute() {
			return [structuredClone(items)];
		},
	};
}

function fullTypeName(nodeType: INodeType): string {
	const name = nodeType.description.name;
	return name.includes('.') ? name : `${PACKAGE_NAME}.${name}`;
}

function latestVersion(nodeType: INodeType): number {
	const v = nodeType.description.version;
	return Array.isArray(v) ? Math.max(...v) : v;
}

class HarnessNodeTypes implements INodeTypes {
	private readonly types = new Map<string, INodeType>();
	add(fullName: string, type: INodeType) {
		this.types.set(fullName, type);
		return this;
	}
	getByName(nodeType: string): INodeType {
		const type = this.types.get(nodeType);
		if (!type) throw new UnexpectedError(`Unknown node type "${nodeType}"`);
		return type;
	}
	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}
	getKnownTypes(): IDataObject {
		return {};
	}
}

function notInTier2(what: string) {
	return () => {
		throw new UnexpectedError(`${what} is not available in the tier-2 harness`);
	};
}

let executionCounter = 0;

function buildAdditionalData(
	credentialsHelper: HarnessCredentialsHelper,
	workflowData: IWorkflowBase,
	mode: WorkflowExecuteMode,
): IWorkflowExecuteAdditionalData {
	const executionId = `harness-${process.pid}-${++executionCounter}`;
	const base = 'http://127.0.0.1:5678';
	const additionalData = {
		credentialsHelper,
		executionId,
		userId: 'harness-user',
		workflowId: workflowData.id,
		projectId: 'harness-project',
		hooks: new ExecutionLifecycleHooks(mode, executionId, workflowData),
		executeWorkflow: notInTier2('executeWorkflow (sub-workflows)'),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		currentNodeExecutionIndex: 0,
		restApiUrl: `${base}/rest`,
		instanceBaseUrl: `${base}/`,
		formBaseUrl: `${base}/form`,
		formWaitingBaseUrl: `${base}/form-waiting`,
		formTestBaseUrl: `${base}/form-test`,
		webhookBaseUrl: `${base}/webhook`,
		webhookWaitingBaseUrl: `${base}/webhook-waiting`,
		webhookTestBaseUrl: `${base}/webhook-test`,
		mcpBaseUrl: `${base}/mcp`,
		mcpTestBaseUrl: `${base}/mcp-test`,
		variables: {},
		logAiEvent: () => {},
		startRunnerTask: notInTier2('startRunnerTask (Code node task runners)'),
	};
	return additionalData as unknown as IWorkflowExecuteAdditionalData;
}

interface Built {
	workflow: Workflow;
	workflowData: IWorkflowBase;
	node: INode;
	nodeType: INodeType;
	credentialsHelper: HarnessCredentialsHelper;
	additionalData: IWorkflowExecuteAdditionalData;
	recorded: Recorded;
}

function nodeCredentialsFor(nodeType: INodeType, store: CredentialStore): INode['credentials'] {
	const declared = nodeType.description.credentials ?? [];
	const credentials: NonNullable<INode['credentials']> = {};
	for (const { name } of declared) {
		if (store[name] !== undefined) credentials[name] = { id: credentialId(name), name: `${name} (harness)` };
	}
	return Object.keys(credentials).length ? credentials : undefined;
}

interface Recorded {
	outputs: Array<INodeExecutionData[][] | null | undefined>;
	thrown: unknown[];
}

/** Wraps execute() to record what the node returned (or threw) before n8n-core post-processed it. */
function recordingNodeType(nodeType: INodeType, sink: Recorded, copyOutput = true): INodeType {
	if (!nodeType.execute) return nodeType;
	const original = nodeType.execute;
	const wrapped = Object.create(nodeType) as INodeType;
	wrapped.execute = async function (this: unknown, ...args: unknown[]) {
		try {
			const result = await (original as (...a: unknown[]) => Promise<INodeExecutionData[][] | null>).apply(
				this,
				args,
			);
			sink.outputs.push(copyOutput ? structuredCloneSafe(result) : result);
			return result;
		} catch (error) {
			sink.thrown.push(error);
			throw error;
		}
	} as INodeType['execute'];
	return wrapped;
}

function structuredCloneSafe<T>(value: T): T {
	try {
		return structuredClone(value);
	} catch {
		return value;
	}
}

function build(
	options: CommonOptions & {
		nodeType: NodeTypeInput;
		parameters?: INodeParameters;
		typeVersion?: number;
		nodeName?: string;
		inputItems?: INodeExecutionData[];
		onError?: INode['onError'];
		staticData?: IDataObject;
		mode: WorkflowExecuteMode;
		withStartNode: boolean;
		recordRawOutput?: boolean;
	},
): Built {
	const nodeType = instantiate(options.nodeType);
	const recorded: Recorded = { outputs: [], thrown: [] };
	const typeName = fullTypeName(nodeType);
	const nodeTypes = new HarnessNodeTypes().add(typeName, recordingNodeType(nodeType, recorded, options.recordRawOutput ?? true));
	const store: CredentialStore = structuredClone(options.credentials ?? {});
	const credentialsHelper = new HarnessCredentialsHelper(
		new CredentialTypeRegistry(options.credentialTypes ?? []),
		store,
	);
	const nodeName = options.nodeName ?? nodeType.description.defaults.name ?? nodeType.description.displayName;
	const node: INode = {
		id: 'node-under-test',
		name: nodeName,
		type: typeName,
		typeVersion: options.typeVersion ?? latestVersion(nodeType),
		position: [250, 0],
		parameters: structuredClone(options.parameters ?? {}),
		credentials: nodeCredentialsFor(nodeType, store),
		...(options.onError ? { onError: options.onError } : {}),
	};
	const nodes: INode[] = [node];
	const connections: IWorkflowBase['connections'] = {};
	if (options.withStartNode) {
		nodeTypes.add(START_NODE_TYPE, startNodeType(options.inputItems ?? [{ json: {} }]));
		nodes.unshift({
			id: 'start',
			name: START_NODE_NAME,
			type: START_NODE_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		});
		connections[START_NODE_NAME] = {
			main: [[{ node: nodeName, type: NodeConnectionTypes.Main, index: 0 }]],
		};
	}
	const settings = { executionOrder: 'v1' as const, ...(options.timezone ? { timezone: options.timezone } : {}) };
	const workflowData: IWorkflowBase = {
		id: 'harness-workflow',
		name: `Harness: ${nodeName}`,
		active: options.mode !== 'manual',
		isArchived: false,
		activeVersionId: null,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes,
		connections,
		settings,
		staticData: options.staticData,
	};
	const workflow = new Workflow({
		id: workflowData.id,
		name: workflowData.name,
		nodes,
		connections,
		active: workflowData.active,
		nodeTypes,
		staticData: structuredClone(options.staticData ?? {}),
		settings,
	});
	const additionalData = buildAdditionalData(credentialsHelper, workflowData, options.mode);
	return {
		workflow,
		workflowData,
		node: workflow.getNode(nodeName) as INode,
		nodeType,
		credentialsHelper,
		additionalData,
		recorded,
	};
}

// ---------------------------------------------------------------------------------------------
// Result helpers
// ---------------------------------------------------------------------------------------------

/**
 * `recorded`: the error as the execution recorded it (WorkflowExecute stores a plain-object copy,
 * `{ ...error, message, stack }`, in the task data); `thrown`: the instance the node threw, when
 * known, which gives the class name.
 */
function describeError(recorded: unknown, thrown?: unknown): HarnessError | undefined {
	const source = recorded ?? thrown;
	if (source === undefined || source === null) return undefined;
	const e = source as Error & {
		description?: string | null;
		httpCode?: string | null;
		messages?: string[];
		context?: IDataObject;
	};
	const instance = (thrown ?? (recorded instanceof Error ? recorded : undefined)) as Error | undefined;
	const className =
		instance?.constructor?.name ??
		(e.constructor && e.constructor !== Object ? e.constructor.name : (e.name ?? 'Object'));
	return {
		className,
		name: e.name,
		message: e.message ?? String(source),
		description: e.description,
		httpCode: e.httpCode,
		messages: e.messages,
		context: e.context,
		stack: e.stack,
		raw: e,
		...(instance ? { thrown: instance } : {}),
	};
}

/** Static data as plain JSON (drops n8n's ObservableObject bookkeeping). */
export function plainStaticData(staticData: IDataObject): IDataObject {
	const copy = JSON.parse(JSON.stringify(staticData ?? {})) as IDataObject;
	const strip = (o: IDataObject) => {
		delete o.__dataChanged;
		for (const v of Object.values(o)) if (v && typeof v === 'object' && !Array.isArray(v)) strip(v as IDataObject);
	};
	strip(copy);
	return copy;
}

function record(kind: string, options: { artifactName?: string }, data: Record<string, unknown>) {
	// Log lines n8n wrote between harness calls (late async work) go with the next record.
	const strayLogs = ORPHAN_LOGS.splice(0);
	writeArtifact('core', { kind, ...data, ...(strayLogs.length ? { strayLogs } : {}) }, options.artifactName);
}

// Whatever n8n logged after the last harness call of a test file still reaches the artifact.
if (typeof afterAll === 'function') {
	afterAll(() => {
		if (ORPHAN_LOGS.length) writeArtifact('core', { kind: 'strayLogs', strayLogs: ORPHAN_LOGS.splice(0) });
	});
}

function errorRecord(error?: HarnessError) {
	if (!error) return undefined;
	const { raw, thrown, ...rest } = error;
	return { ...rest, raw, thrown };
}

async function withLogs<T>(fn: () => Promise<T>): Promise<{ value: T; logs: LogLine[]; durationMs: number }> {
	const previous = logSink;
	const logs: LogLine[] = [];
	logSink = logs;
	const started = performance.now();
	try {
		const value = await fn();
		return { value, logs, durationMs: performance.now() - started };
	} finally {
		logSink = previous;
	}
}

// ---------------------------------------------------------------------------------------------
// runNode
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// runPoll
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// loadOptions / listSearch
// ---------------------------------------------------------------------------------------------

function loadOptionsContext(options: LoadOptionsCallOptions, methodName: string) {
	const built = build({ ...options, mode: 'internal', withStartNode: false });
	const { workflow, node, additionalData } = built;
	// As n8n's DynamicNodeParametersService: the editor's current parameters travel in additionalData.
	additionalData.currentNodeParameters = node.parameters;
	const context = new LoadOptionsContext(workflow, node, additionalData, options.path ?? `parameters.${methodName}`);
	return { built, context };
}

/** Calls `methods.loadOptions[methodName]` through n8n-core's LoadOptionsContext. */
export async function runLoadOptions(
	options: LoadOptionsCallOptions,
	methodName: string,
): Promise<{ options: INodePropertyOptions[]; credentials: CredentialStore; logs: LogLine[] }> {
	const { built, context } = loadOptionsContext(options, methodName);
	const method = built.nodeType.methods?.loadOptions?.[methodName];
	if (!method) throw new UnexpectedError(`Node has no loadOptions method "${methodName}"`);
	let value: INodePropertyOptions[] = [];
	let thrown: unknown;
	const { logs, durationMs } = await withLogs(async () => {
		try {
			value = await method.call(context);
		} catch (error) {
			thrown = error;
		}
	});
	const error = describeError(thrown);
	record('loadOptions', options, { method: methodName, durationMs, result: value, error: errorRecord(error), logs });
	if (thrown) throw thrown;
	return { options: value, credentials: built.credentialsHelper.store, logs };
}

/** Calls `methods.listSearch[methodName](filter, paginationToken)` through LoadOptionsContext. */
export async function runListSearch(
	options: LoadOptionsCallOptions,
	methodName: string,
	search: { filter?: string; paginationToken?: string } = {},
): Promise<INodeListSearchResult & { credentials: CredentialStore; logs: LogLine[] }> {
	const { built, context } = loadOptionsContext(options, methodName);
	const method = built.nodeType.methods?.listSearch?.[methodName];
	if (!method) throw new UnexpectedError(`Node has no listSearch method "${methodName}"`);
	let value: INodeListSearchResult = { results: [] };
	let thrown: unknown;
	const { logs, durationMs } = await withLogs(async () => {
		try {
			value = await method.call(context, search.filter, search.paginationToken);
		} catch (error) {
			thrown = error;
		}
	});
	record('listSearch', options, {
		method: methodName,
		search,
		durationMs,
		result: value,
		error: errorRecord(describeError(thrown)),
		logs,
	});
	if (thrown) throw thrown;
	return { ...value, credentials: built.credentialsHelper.store, logs };
}

// ---------------------------------------------------------------------------------------------
// Credential test
// ---------------------------------------------------------------------------------------------

/**
 * Runs the credential class's `test` request the way n8n's CredentialsTester does: defaults and
 * expressions applied to the data, then a RoutingNode request on a temporary
 * `n8n-nodes-base.noOp` node carrying `test.request`, authenticated by the credential's own
 * `authenticate`, `rules` checked. Returns `{ status: 'OK' | 'Error', message }`.
 */
export async function testCredential(
	credentialType: CredentialTypeInput,
	data: ICredentialDataDecryptedObject,
	options: { artifactName?: string; extraCredentialTypes?: CredentialTypeInput[] } = {},
): Promise<INodeCredentialTestResult & { logs: LogLine[] }> {
	const type = instantiate(credentialType);
	const registry = new CredentialTypeRegistry([type, ...(options.extraCredentialTypes ?? [])]);
	const store: CredentialStore = { [type.name]: structuredClone(data) };
	const credentialsHelper = new HarnessCredentialsHelper(registry, store);

	let result: INodeCredentialTestResult = { status: 'Error', message: 'not run' };
	const { logs, durationMs } = await withLogs(async () => {
		result = await runCredentialTest(type, credentialsHelper);
	});
	record('testCredential', options, { credentialType: type.name, durationMs, result, logs });
	return { ...result, logs };
}

async function runCredentialTest(
	type: ICredentialType,
	credentialsHelper: HarnessCredentialsHelper,
): Promise<INodeCredentialTestResult> {
	const testRequest: ICredentialTestRequest | undefined = type.test;
	if (!testRequest) return { status: 'Error', message: 'No testing function found for this credential.' };

	const credentialsDecrypted: ICredentialsDecrypted = {
		id: credentialId(type.name),
		name: `${type.name} (harness)`,
		type: type.name,
		data: credentialsHelper.store[type.name],
	};
	const tempWorkflowData: IWorkflowBase = {
		id: 'harness-credential-test',
		name: 'credential test',
		active: false,
		isArchived: false,
		activeVersionId: null,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes: [],
		connections: {},
	};
	const additionalData = buildAdditionalData(credentialsHelper, tempWorkflowData, 'internal');
	try {
		credentialsDecrypted.data = credentialsHelper.applyDefaults(
			additionalData,
			credentialsDecrypted.data ?? {},
			type.name,
			'internal',
		);
	} catch (error) {
		return { status: 'Error', message: String((error as Error).message) };
	}

	const noOp: INodeType = {
		description: {
			displayName: 'No Operation, do nothing',
			name: 'n8n-nodes-base.noOp',
			group: ['organization'],
			version: 1,
			description: 'No Operation',
			defaults: { name: 'No Operation, do nothing' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			properties: [],
		},
	};
	const nodeTypeCopy: INodeType = {
		description: {
			...noOp.description,
			credentials: [{ name: type.name, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: testRequest.request },
					default: '',
				},
			],
		},
	};
	const node: INode = {
		id: 'temp',
		parameters: {},
		name: 'Temp-Node',
		type: nodeTypeCopy.description.name,
		typeVersion: 1,
		position: [0, 0],
		credentials: { [type.name]: { id: credentialsDecrypted.id, name: credentialsDecrypted.name } },
	};
	const nodeTypes = new HarnessNodeTypes().add(nodeTypeCopy.description.name, nodeTypeCopy);
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const runExecutionData = { resultData: { runData: {} } } as IRunExecutionData;
	const inputData: ITaskDataConnections = { main: [[{ json: {} }]] };
	const executeData: IExecuteData = { node, data: {}, source: null };
	const executeFunctions = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		runExecutionData,
		0,
		[],
		inputData,
		executeData,
		[],
	);
	const routingNode = new RoutingNode(executeFunctions, nodeTypeCopy, credentialsDecrypted);

	let response: INodeExecutionData[][] | null | undefined;
	try {
		response = await routingNode.runNode();
	} catch (error) {
		const e = error as Error & {
			cause?: { response?: { status: number; statusText?: string }; code?: string };
		};
		if (e.cause?.response) {
			const statusCode = e.cause.response.status;
			const statusMessage = e.cause.response.statusText;
			for (const rule of testRequest.rules ?? []) {
				if (rule.type === 'responseCode' && statusCode === rule.properties.value) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
			if (statusCode < 199 || statusCode > 299) {
				return { status: 'Error', message: statusMessage || `Received HTTP status code: ${statusCode}` };
			}
		} else if (e.cause?.code) {
			return { status: 'Error', message: e.cause.code };
		}
		return { status: 'Error', message: String(e.message) };
	}
	for (const rule of testRequest.rules ?? []) {
		if (rule.type === 'responseSuccessBody') {
			const responseData = response?.[0]?.[0]?.json ?? {};
			if (getPath(responseData, rule.properties.key) === rule.properties.value) {
				return { status: 'Error', message: rule.properties.message };
			}
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}

function getPath(object: unknown, path: string): unknown {
	let current: unknown = object;
	for (const part of path.split('.')) {
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as Record<string, unknown>)[part];
	}
	return current;
}

/** Log lines n8n produced outside any harness call and not yet written to the artifact. */
export function orphanLogs(): LogLine[] {
	return [...ORPHAN_LOGS];
}
