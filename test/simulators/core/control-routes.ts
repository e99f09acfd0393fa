// The simulator's own remote control under /__sim/, for the standalone mode (demo, shell, benchmarks)
// where tests cannot reach the in-process API. These routes are neither logged nor rate limited and
// are no part of any provider's API.
//
//   GET    /__sim/log         { log, violations }
//   DELETE /__sim/log         empty the log and violations
//   GET    /__sim/faults      armed faults
//   POST   /__sim/faults      arm one fault (JSON, see faultSchema; `path` is a regex source)
//   DELETE /__sim/faults      disarm all faults
//   POST   /__sim/reset       seed state, no faults, fresh rate-limit counters, empty log
//   GET    /__sim/rate-limit  { rateLimit: { limit, windowMs } | null }
//   PUT    /__sim/rate-limit  { limit, windowMs } or null (off)
import { z } from 'zod';
import { faultSchema } from './faults';
import type { SimResponse, Simulator } from './types';

export const CONTROL_PREFIX = '/__sim';

export function isControlPath(rawPath: string): boolean {
	return rawPath === CONTROL_PREFIX || rawPath.startsWith(`${CONTROL_PREFIX}/`);
}

const rateLimitSchema = z.union([z.null(), z.object({ limit: z.number().int().nonnegative(), windowMs: z.number().int().positive() })]);

function invalid(error: z.ZodError): SimResponse {
	return { status: 400, body: { error: 'invalid control request', issues: error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) } };
}

export function answerControl(sim: Simulator<unknown>, method: string, rawPath: string, body: unknown): SimResponse {
	const route = `${method} ${rawPath.slice(CONTROL_PREFIX.length)}`;
	switch (route) {
		case 'GET /log':
			return { status: 200, body: { log: sim.log, violations: sim.violations } };
		case 'DELETE /log':
			sim.resetLog();
			return { status: 204 };
		case 'GET /faults':
			return { status: 200, body: { faults: sim.faults.list() } };
		case 'POST /faults': {
			const parsed = faultSchema.safeParse(body);
			if (!parsed.success) return invalid(parsed.error);
			sim.faults.add(parsed.data);
			return { status: 201, body: { faults: sim.faults.list() } };
		}
		case 'DELETE /faults':
			sim.faults.clear();
			return { status: 204 };
		case 'POST /reset':
			sim.reset();
			return { status: 204 };
		case 'GET /rate-limit':
			return { status: 200, body: { rateLimit: sim.rateLimit.get() } };
		case 'PUT /rate-limit': {
			// An empty body means null (off), so `curl -X PUT` alone switches the limiter off.
			const parsed = rateLimitSchema.safeParse(body ?? null);
			if (!parsed.success) return invalid(parsed.error);
			sim.rateLimit.set(parsed.data);
			return { status: 200, body: { rateLimit: sim.rateLimit.get() } };
		}
		default:
			return { status: 404, body: { error: `unknown control route ${route}` } };
	}
}
