/**
 * The lifecycle every test file gives its simulator: started once before its tests, reset (and
 * whatever the file adds, e.g. a cleared token cache) before each test, closed after the last.
 * `keep` hands the started simulator to the file's own variable.
 */
export function useSimulator<S extends { close(): Promise<void>; reset(): void }>(
	start: () => Promise<S>,
	keep: (sim: S) => void,
	afterReset?: (sim: S) => void,
): void {
	let started: S | undefined;
	beforeAll(async () => {
		started = await start();
		keep(started);
	});
	afterAll(async () => started?.close());
	beforeEach(() => {
		if (!started) return;
		started.reset();
		afterReset?.(started);
	});
}
