// XtraKit simulator: https://api.xtrakit.com/api/v1 on 127.0.0.1 (paths keep the /api/v1 prefix, so the
// credential's base URL is `<sim url>/api/v1`, as with the real host).
import { TEST_SECRETS } from '../../helpers/secrets';
import { createSimulator, type Simulator } from '../core';
import { API_PREFIX, defaultSettings, failure, messages, validationFailure, xtraKitRoutes, type XtraKitSettings } from './routes';
import { XtraKitState } from './state';

export * from './schemas';
export { XtraKitState, normaliseInvoiceType } from './state';
export { buildXtraKitSeed, formatTimestamp, parseTimestamp, BUSINESS_CODE, USER_ID } from './seed';
export { API_PREFIX, defaultSettings, envelope, messages, type XtraKitSettings } from './routes';

/** The fixed test key (one list of test secrets, so the secret scan knows it). */
export const XTRAKIT_TEST_KEY: string = TEST_SECRETS.xtraKitApiKey;

export interface XtraKitSimulatorOptions {
	port?: number;
	apiKey?: string;
	settings?: Partial<XtraKitSettings>;
}

export type XtraKitSimulator = Simulator<XtraKitState> & {
	apiKey: string;
	/** The base URL a credential uses: `<url>/api/v1`. */
	baseUrl: string;
	/** Switchable at runtime (plan lapsed, create status, errors as HTTP 200, pagination, delete status). */
	settings: XtraKitSettings;
};

export async function startXtraKitSimulator(options: XtraKitSimulatorOptions = {}): Promise<XtraKitSimulator> {
	const apiKey = options.apiKey ?? XTRAKIT_TEST_KEY;
	const settings: XtraKitSettings = { ...defaultSettings(), ...options.settings };
	const state = new XtraKitState();

	const sim = await createSimulator<XtraKitState>({
		name: 'xtrakit',
		port: options.port,
		routes: xtraKitRoutes(settings),
		state,
		onReset: () => {
			state.reset();
			Object.assign(settings, defaultSettings(), options.settings);
		},
		// Field names of the `xtraKitApi` credential.
		credentials: (url) => ({ apiKey, baseUrl: `${url}${API_PREFIX}` }),
		authenticate: (req, ctx) => {
			// FACT: requests are sent as JSON ("Content-Type: application/json" in every sample).
			const type = String(req.headers['content-type'] ?? '');
			if (req.body !== undefined && !type.includes('application/json')) {
				ctx.violate('invalid-headers', `a ${req.method} body sent as "${type}", not application/json`);
			}
			// FACT: `Authorization: Bearer API_KEY`. INFERENCE: anything else is a 401 in the envelope.
			if (req.headers.authorization !== `Bearer ${apiKey}`) return failure(settings, 401, messages.unauthenticated);
			// FACT: 402 "payment required". INFERENCE: checked after the key, on every route.
			if (settings.planLapsed) return failure(settings, 402, messages.planLapsed);
			return null;
		},
		notFound: () => failure(settings, 404, messages.routeNotFound),
		methodNotAllowed: (_req, allowed) => ({
			...failure(settings, 405, 'Method not allowed'),
			headers: { Allow: allowed.join(', ') },
		}),
		invalidRequest: (_req, problem) => validationFailure(settings, problem.error),
		internalError: () => failure(settings, 500, messages.serverError),
	});
	return Object.assign(sim, { apiKey, baseUrl: `${sim.url}${API_PREFIX}`, settings });
}
