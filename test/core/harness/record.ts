/**
 * Every harness call writes what it produced (items, errors with stack, persisted runData, n8n log
 * lines) to `test-artifacts/core/<test-file>.jsonl`, which the secret scan checks.
 */
import { writeArtifact } from '../../helpers/artifacts';
import { ORPHAN_LOGS } from './n8n-setup';
import type { HarnessError } from './types';

export function record(kind: string, options: { artifactName?: string }, data: Record<string, unknown>) {
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

export function errorRecord(error?: HarnessError) {
	if (!error) return undefined;
	const { raw, thrown, ...rest } = error;
	return { ...rest, raw, thrown };
}
