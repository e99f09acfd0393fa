// Xavier Analytics (Dext Precision) simulator: https://api.precision.dext.com/ (formerly api.xavier-analytics.com) on 127.0.0.1.
import { TEST_SECRETS } from '../../helpers/secrets';
import { createSimulator, type RateLimitWindow, type Simulator } from '../core';
import { xavierErrors, xavierRoutes, type XavierSettings } from './routes';
import { XavierState } from './state';

export * from './schemas';
export { XavierState, type XavierClientInput, type XavierClientPatch } from './state';
export { buildXavierSeed, alertLevelFor } from './seed';
export { xavierErrors, type XavierSettings } from './routes';

/** The fixed test token (one list of test secrets, so the secret scan knows it). */
export const XAVIER_TEST_TOKEN: string = TEST_SECRETS.xavierToken;
/** FACT: "Xavier Rate Limits are set to 60 requests / minute." */
export const XAVIER_RATE_LIMIT: RateLimitWindow = { limit: 60, windowMs: 60_000 };

export interface XavierSimulatorOptions {
	port?: number;
	token?: string;
	/** Default 60 per 60 000 ms; null switches the limiter off (headers then disappear too). */
	rateLimit?: RateLimitWindow | null;
	legacyArrayDetail?: boolean;
	/** Answer unknown query parameters normally (as the real API most likely does); still a violation. */
	ignoreUnknownQuery?: boolean;
}

export type XavierSimulator = Simulator<XavierState> & {
	token: string;
	/** Switchable at runtime. */
	settings: XavierSettings;
};

export async function startXavierSimulator(options: XavierSimulatorOptions = {}): Promise<XavierSimulator> {
	const token = options.token ?? XAVIER_TEST_TOKEN;
	const settings: XavierSettings = { legacyArrayDetail: options.legacyArrayDetail ?? false };
	const state = new XavierState();
	const window = options.rateLimit === undefined ? XAVIER_RATE_LIMIT : options.rateLimit;

	const sim = await createSimulator<XavierState>({
		name: 'xavier',
		port: options.port,
		routes: xavierRoutes(settings),
		state,
		onReset: () => state.reset(),
		// Field names of the project's proposed `xavierApi` credential (research §1.7).
		credentials: (url) => ({ apiToken: token, baseUrl: url }),
		// FACT: `Authorization: Bearer <token>`. INFERENCE: anything else is a 401 (undocumented).
		authenticate: (req) => (req.headers.authorization === `Bearer ${token}` ? null : xavierErrors.unauthenticated()),
		// The limiter starts off when `rateLimit: null`; sim.rateLimit.set() can switch it on later, and
		// these headers then apply. FACT: documented example headers, `Server: cloudflare` included.
		rateLimit: {
			...(window ?? XAVIER_RATE_LIMIT),
			headers: (rate) => ({ 'X-RateLimit-Limit': String(rate.limit), 'X-RateLimit-Remaining': String(rate.remaining) }),
			exceeded: () => xavierErrors.tooManyRequests(),
		},
		defaultHeaders: { Server: 'cloudflare' },
		notFound: () => xavierErrors.notFound(),
		methodNotAllowed: (_req, allowed) => xavierErrors.methodNotAllowed(allowed),
		invalidRequest: (_req, problem) => (options.ignoreUnknownQuery ? null : xavierErrors.invalidQuery(problem.issues)),
		internalError: () => xavierErrors.serverError(),
	});
	if (window === null) sim.rateLimit.set(null);
	return Object.assign(sim, { token, settings });
}
