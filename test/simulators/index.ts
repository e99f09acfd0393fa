// Registry of provider simulators, read by scripts/simulators.js (standalone mode, the demo).
// Adding a provider: one entry in each table below.
import type { Simulator } from './core';
import { startXavierSimulator } from './xavier';

export interface SimulatorStartOptions {
	port?: number;
}

export type SimulatorFactory = (opts?: SimulatorStartOptions) => Promise<Simulator>;

export const simulators: Record<string, SimulatorFactory> = {
	xavier: (opts) => startXavierSimulator(opts),
};

/** Fixed standalone ports, each overridable by its environment variable. Reserved for the providers
 * still to come: cliniko 4102, saveris 4103, clientxcms 4104, xtrakit 4105. */
export const simulatorPorts: Record<string, { env: string; port: number }> = {
	xavier: { env: 'XAVIER_SIM_PORT', port: 4101 },
};

export * from './core';
