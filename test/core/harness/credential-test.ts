/** testCredential: the credential class's `test` request, as n8n's CredentialsTester runs it. */
import './n8n-setup';

import { ExecuteContext, RoutingNode } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestRequest,
	ICredentialType,
	IExecuteData,
	INode,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeType,
	IRunExecutionData,
	ITaskDataConnections,
	IWorkflowBase,
} from 'n8n-workflow';
import { NodeConnectionTypes, Workflow } from 'n8n-workflow';

import { credentialId, CredentialTypeRegistry, HarnessCredentialsHelper } from './credentials-helper';
import { withLogs, type LogLine } from './n8n-setup';
import { record } from './record';
import { instantiate, type CredentialStore, type CredentialTypeInput } from './types';
import { buildAdditionalData, HarnessNodeTypes } from './workflow';

/**
 * Runs the credential class's `test` request the way n8n's CredentialsTester does: defaults and
 * expressions applied to the data, then a RoutingNode request on a temporary
 * `n8n-nodes-base.noOp` node carrying `test.request`, authenticated by the credential's own
 * `authenticate`, `rules` checked. Returns `{ status: 'OK' | 'Error', message }`.
 * This is n8n 2.x: n8n 1.x reads the same `cause.response`, but its ExecutionBaseError's `cause` class
 * field erases an Error cause, so there a failed request never meets a `responseCode` rule and the
 * message is NodeApiError's text for the status (the editor tier pins both).
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
