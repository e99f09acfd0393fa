export { createSimulator, routesFor } from './create-simulator';
export { FaultSwitches, faultSchema } from './faults';
export type { ListedFault } from './faults';
export { seededRandom, hashString } from './seeded-random';
export type { SeededRandom } from './seeded-random';
export * from './types';
