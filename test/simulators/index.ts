// Registry of provider simulators, read by scripts/simulators.js (standalone mode, the demo).
// Adding a provider: one entry in each table below.
import { startClinikoSimulator } from './cliniko';
import type { Simulator } from './core';
import { startXavierSimulator } from './xavier';
import { startXtraKitSimulator } from './xtrakit';

export interface SimulatorStartOptions {
	port?: number;
}

export type SimulatorFactory = (opts?: SimulatorStartOptions) => Promise<Simulator>;

export const simulators: Record<string, SimulatorFactory> = {
	xavier: (opts) => startXavierSimulator(opts),
	xtrakit: (opts) => startXtraKitSimulator(opts),
	cliniko: (opts) => startClinikoSimulator(opts),
};

/** Fixed standalone ports, each overridable by its environment variable. Reserved for the providers
 * still to come: saveris 4103, clientxcms 4104. */
export const simulatorPorts: Record<string, { env: string; port: number }> = {
	xavier: { env: 'XAVIER_SIM_PORT', port: 4101 },
	xtrakit: { env: 'XTRAKIT_SIM_PORT', port: 4105 },
	cliniko: { env: 'CLINIKO_SIM_PORT', port: 4102 },
};

export * from './core';
