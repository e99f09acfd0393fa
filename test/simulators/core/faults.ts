// Fault switches: a test arms a fault ("the next GET /clients answers 503", "reset the connection twice")
// and the simulator uses it up on the matching requests. Faults take a request before auth, rate
// limiting and routing, like a proxy or a crashing upstream would.
import { z } from 'zod';
import type { Fault } from './types';

interface ArmedFault {
	fault: Fault;
	pathPattern?: RegExp;
	remaining: number; // Infinity for 'always'
}

/** A fault as listed by GET /__sim/faults: the path pattern as its source text, and what is left of it. */
export type ListedFault = Omit<Fault, 'path'> & { path?: string; remaining: number | 'always' };

export class FaultSwitches {
	private armed: ArmedFault[] = [];

	add(fault: Fault): void {
		const times = fault.times ?? 1;
		const pathPattern = fault.path === undefined ? undefined : typeof fault.path === 'string' ? new RegExp(fault.path) : fault.path;
		this.armed.push({ fault, pathPattern, remaining: times === 'always' ? Infinity : times });
	}

	clear(): void {
		this.armed = [];
	}

	list(): ListedFault[] {
		return this.armed.map(({ fault, pathPattern, remaining }) => ({
			...fault,
			path: typeof fault.path === 'string' ? fault.path : pathPattern?.source,
			remaining: remaining === Infinity ? 'always' : remaining,
		}));
	}

	/** The first armed fault matching the request, counted as used; undefined when none matches. */
	take(method: string, path: string): Fault | undefined {
		const index = this.armed.findIndex(
			({ fault, pathPattern }) =>
				(fault.method === undefined || fault.method.toUpperCase() === method) && (pathPattern === undefined || pathPattern.test(path)),
		);
		if (index === -1) return undefined;
		const armed = this.armed[index];
		armed.remaining -= 1;
		if (armed.remaining <= 0) this.armed.splice(index, 1);
		return armed.fault;
	}
}

// What POST /__sim/faults accepts (standalone mode: the demo or a shell arms faults over HTTP).
const match = {
	method: z.string().optional(),
	path: z
		.string()
		.refine((source) => {
			try {
				new RegExp(source);
				return true;
			} catch {
				return false;
			}
		}, 'not a valid regular expression')
		.optional(),
	times: z.union([z.number().int().positive(), z.literal('always')]).optional(),
};

export const faultSchema = z.discriminatedUnion('kind', [
	z.object({
		...match,
		kind: z.literal('status'),
		status: z.number().int().min(100).max(599),
		body: z.unknown().optional(),
		headers: z.record(z.union([z.string(), z.number(), z.array(z.string())])).optional(),
	}),
	z.object({ ...match, kind: z.literal('latency'), ms: z.number().nonnegative() }),
	z.object({ ...match, kind: z.literal('reset') }),
	z.object({ ...match, kind: z.literal('truncate') }),
]);
