/** Tier 3: the built package inside real n8n 1.x and 2.x (the lead merges this into jest.config.js).
 * Run in band: each test file starts real n8n processes, and the machine has two cores. */
module.exports = {
	displayName: 'n8n',
	rootDir: __dirname,
	testEnvironment: 'node',
	testMatch: ['<rootDir>/test/n8n/**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }],
	},
	moduleFileExtensions: ['ts', 'js', 'json'],
	// Installing n8n (first run only) happens in beforeAll hooks with their own long timeouts.
	testTimeout: 180_000,
	maxWorkers: 1,
};
