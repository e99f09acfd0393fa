// Registry of provider simulators, read by scripts/simulators.js (standalone mode, the demo).
// Adding a provider: one entry in each table below.
import { DEMO_MODEL_KEY, startDemoChatModel } from '../helpers/demoChatModel';
import { startClientXcmsSimulator } from './clientxcms';
import { startClinikoSimulator } from './cliniko';
import type { Simulator } from './core';
import { startSaverisSimulator } from './saveris';
import { startXavierSimulator } from './xavier';
import { startXtraKitSimulator } from './xtrakit';

export interface SimulatorStartOptions {
	port?: number;
}

/** What the standalone runner needs of a simulator: where it listens, the credential fields that reach it, how to stop it. */
export type StandaloneSimulator = Pick<Simulator, 'url' | 'credentials' | 'close'>;

export type SimulatorFactory = (opts?: SimulatorStartOptions) => Promise<StandaloneSimulator>;

export const simulators: Record<string, SimulatorFactory> = {
	xavier: (opts) => startXavierSimulator(opts),
	xtrakit: (opts) => startXtraKitSimulator(opts),
	cliniko: (opts) => startClinikoSimulator(opts),
	clientxcms: (opts) => startClientXcmsSimulator(opts),
	saveris: (opts) => startSaverisSimulator(opts),
	// Not a provider: the demo's stand-in chat model for the AI Agent example (test/helpers/demoChatModel.ts).
	openai: async (opts) => {
		const model = await startDemoChatModel(opts?.port);
		return { url: model.baseUrl, credentials: { apiKey: DEMO_MODEL_KEY, url: model.baseUrl }, close: () => model.close() };
	},
};

/** Fixed standalone ports, each overridable by its environment variable. */
export const simulatorPorts: Record<string, { env: string; port: number }> = {
	xavier: { env: 'XAVIER_SIM_PORT', port: 4101 },
	xtrakit: { env: 'XTRAKIT_SIM_PORT', port: 4105 },
	cliniko: { env: 'CLINIKO_SIM_PORT', port: 4102 },
	clientxcms: { env: 'CLIENTXCMS_SIM_PORT', port: 4104 },
	saveris: { env: 'SAVERIS_SIM_PORT', port: 4103 },
	openai: { env: 'OPENAI_SIM_PORT', port: 4106 },
};

export * from './core';
