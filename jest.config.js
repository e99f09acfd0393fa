// Test tiers as jest projects: `unit` (pure logic and simulators), `core` (nodes run by n8n-core's
// execution code against the simulators) and `n8n` (the built package inside real n8n 1.x and 2.x) and `browser` (the editor in chromium);
// `packages` checks the six tarballs in release/ (`npm run pack`).
// test/tsconfig.json sets isolatedModules, so ts-jest only transpiles; `npm run typecheck` type-checks.
const tsJest = ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }];

const base = {
	testEnvironment: 'node',
	transform: { '^.+\\.ts$': tsJest },
	moduleFileExtensions: ['ts', 'js', 'json'],
	rootDir: __dirname,
	// release/ holds the staged packages (`npm run pack`), whose package.json names repeat packages/'s.
	modulePathIgnorePatterns: ['<rootDir>/release/'],
};

module.exports = {
	testTimeout: 30_000,
	projects: [
		{ ...base, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
		{
			...base,
			displayName: 'core',
			testMatch: ['<rootDir>/test/core/**/*.test.ts'],
			setupFiles: ['<rootDir>/test/core/setup.ts'],
		},
		{ ...base, displayName: 'n8n', testMatch: ['<rootDir>/test/n8n/**/*.test.ts'] },
		{ ...base, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.test.ts'] },
		// The six packages `npm run pack` writes to release/: contents, n8n's scanner and CLI lint, publishing.
		{ ...base, displayName: 'packages', testMatch: ['<rootDir>/test/packages/**/*.test.ts'] },
		// Runs after every other tier (scripts/test.js): greps their artifacts for test secrets.
		{ ...base, displayName: 'scan', testMatch: ['<rootDir>/test/secret-scan.test.ts'] },
	],
};
