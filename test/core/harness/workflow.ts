/**
 * The workflow a harness call runs: our node (wrapped to record what execute() returned), an
 * optional start node emitting the input items, and the additionalData n8n-core runs it with.
 */
import './n8n-setup';

import { ExecutionLifecycleHooks } from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeHelpers, UnexpectedError, Workflow } from 'n8n-workflow';

import { credentialId, CredentialTypeRegistry, HarnessCredentialsHelper } from './credentials-helper';
import { instantiate, PACKAGE_NAME, type CommonOptions, type CredentialStore, type NodeTypeInput } from './types';

export const START_NODE_TYPE = 'n8n-nodes-base.manualTrigger';
export const START_NODE_NAME = "When clicking 'Execute workflow'";

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

export class HarnessNodeTypes implements INodeTypes {
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

export function buildAdditionalData(
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

export interface Built {
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

export function build(
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

