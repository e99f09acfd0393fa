/**
 * Jest setup for the tier-2 (n8n-core in-process) project. Runs before each test file.
 */
import 'reflect-metadata';

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// n8n-core must not try to reach a task runner (Code node) broker.
process.env.N8N_RUNNERS_ENABLED = 'false';
// Nothing phones home.
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
process.env.N8N_VERSION_NOTIFICATIONS_ENABLED = 'false';
// Requests go to simulators on 127.0.0.1; n8n's default (SSRF protection off) made explicit.
process.env.N8N_SSRF_PROTECTION_ENABLED = 'false';
// Proxies from the environment would intercept loopback requests.
for (const key of ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy', 'ALL_PROXY', 'all_proxy']) {
	delete process.env[key];
}
// Anything n8n-core persists (instance settings, binary data) goes to a throwaway folder, never ~/.n8n.
if (!process.env.N8N_USER_FOLDER) {
	const folder = path.join(os.tmpdir(), `n8n-harness-${process.pid}`);
	fs.mkdirSync(folder, { recursive: true });
	process.env.N8N_USER_FOLDER = folder;
}

// The nodes pace themselves to each provider's documented limit (Cliniko: 200 a minute). A suite
// sends thousands of requests in a few minutes, so tier 2 runs the pacers a hundred times faster;
// the pacer itself is unit-tested at real scale.
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('../../nodes/shared/pacer').setPacingTimeScale(0.01);
