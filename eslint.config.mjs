// The exact rule set `n8n-node lint` applies (n8n's community-node rules, cloud variant), on the
// published code only: nodes/, credentials/ and package.json. Tests and scripts are dev tooling
// that never ships (files: ["dist"]), so they are not held to the node-code rules.
import { config } from '@n8n/node-cli/eslint';

export default [
	{ ignores: ['dist/**', '.build/**', 'test/**', 'scripts/**', 'bench/**', 'examples/**', 'node_modules/**', '*.js', '*.mjs'] },
	...config,
];
