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
 *
 * The code lives in harness/, one concern a file:
 * - n8n-setup.ts: reflect-metadata and n8n's logger (loaded before n8n-core), `withLogs`;
 * - types.ts: the options and results of the calls below;
 * - credentials-helper.ts: the one fake, `HarnessCredentialsHelper`, and the credential registry;
 * - workflow.ts: the workflow, node types and additionalData a call runs with;
 * - results.ts / record.ts: errors and static data as tests see them; the artifact records;
 * - run-node.ts, run-poll.ts, load-options.ts, credential-test.ts: the calls themselves.
 */
export { CredentialTypeRegistry, HarnessCredentialsHelper } from './harness/credentials-helper';
export { testCredential } from './harness/credential-test';
export { runListSearch, runLoadOptions } from './harness/load-options';
export { orphanLogs, type LogLine } from './harness/n8n-setup';
export { plainStaticData } from './harness/results';
export { runNode } from './harness/run-node';
export { runPoll } from './harness/run-poll';
export {
	PACKAGE_NAME,
	type CredentialStore,
	type CredentialTypeInput,
	type HarnessError,
	type LoadOptionsCallOptions,
	type NodeTypeInput,
	type RunNodeOptions,
	type RunNodeResult,
	type RunPollOptions,
	type RunPollResult,
} from './harness/types';
export { START_NODE_TYPE } from './harness/workflow';
