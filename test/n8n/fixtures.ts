/**
 * Workflow pieces shared by the real-n8n test files (providers, queue, triggers): the node type
 * shorthand, the simulator credentials, the polling-trigger workflow shape, and
 * the workflows more than one file runs.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { PACKAGE_NAME, REPO_ROOT, linearWorkflow, type WorkflowJson, type WorkflowNode } from '../harness/n8n';

/** `xavier` → `n8n-nodes-saas-connectors.xavier` (the import helpers adapt it to the env). */
export const T = (node: string) => `${PACKAGE_NAME}.${node}`;

/** A workflow of examples/ (what users import), e.g. `example('xavier-clients-health.json')`. */
export const example = (file: string) => JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'examples', file), 'utf8')) as WorkflowJson;

/** The credentials the examples in examples/ (and the demo) refer to, by provider. */
export const CRED = {
	cliniko: { id: 'cliniko-simulator', name: 'Cliniko (simulator)' },
	xtrakit: { id: 'xtrakit-simulator', name: 'XtraKit (simulator)' },
	clientxcms: { id: 'clientxcms-simulator', name: 'CLIENTXCMS (simulator)' },
	saveris: { id: 'saveris-simulator', name: 'testo Saveris (simulator)' },
	xavier: { id: 'xavier-simulator', name: 'Xavier Analytics (simulator)' },
};

/**
 * Scheduled ticks are at least a minute apart (n8n rejects shorter intervals), too slow for a test:
 * this schedule never fires during a run (1 January), and every poll comes from an activation,
 * where n8n runs poll() once, emits what it returns and saves the node's static data.
 */
export const NEVER_DURING_TESTS = { item: [{ mode: 'custom', cronExpression: '0 0 1 1 *' }] };

/** A polling trigger followed by a No Op named `Done`. */
export function triggerWorkflow(id: string, name: string, trigger: WorkflowNode): WorkflowJson {
	return {
		id,
		name,
		nodes: [
			{ ...trigger, id: `${id}-trigger`, position: [0, 0] },
			{ id: `${id}-done`, name: 'Done', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} },
		],
		connections: { [trigger.name]: { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
		active: false,
		settings: { executionOrder: 'v1' },
	};
}

/** Xavier: every client (Get Many, Return All). */
export const xavierGetAll = linearWorkflow('xavierGetAll0001', 'Xavier: all clients', [
	{
		name: 'Xavier',
		type: T('xavier'),
		typeVersion: 1,
		parameters: { resource: 'client', operation: 'getAll', returnAll: true },
		credentials: { xavierApi: CRED.xavier },
	},
]);

/** Cliniko Trigger on new patients. */
export const clinikoTrigger = triggerWorkflow('clinikoTrigger01', 'Cliniko: new patients', {
	name: 'Cliniko Trigger',
	type: T('clinikoTrigger'),
	typeVersion: 1,
	parameters: { pollTimes: NEVER_DURING_TESTS, event: 'created', resource: 'patient' },
	credentials: { clinikoApi: CRED.cliniko },
});
