/** Tier 2: our nodes inside n8n-core's real execution code (the lead merges this into jest.config.js). */
module.exports = {
	displayName: 'core',
	rootDir: __dirname,
	testEnvironment: 'node',
	testMatch: ['<rootDir>/test/core/**/*.test.ts'],
	setupFiles: ['<rootDir>/test/core/setup.ts'],
	transform: {
		'^.+\\.ts$': [
			'ts-jest',
			{
				tsconfig: '<rootDir>/test/core/tsconfig.json',
				// Type-checking happens in `tsc -p test/tsconfig.json --noEmit`; here only transpile.
				isolatedModules: true,
			},
		],
	},
	testTimeout: 30000,
};
