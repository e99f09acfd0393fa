// Cliniko simulator: https://api.{shard}.cliniko.com/v1 on 127.0.0.1, driven by Cliniko's own
// OpenAPI document (specs/cliniko-openapi.yaml): all 137 paths / 211 operations, request bodies and
// queries checked against the spec, deterministic seed data (see seed.ts), research notes in
// /work/shared/research/cliniko.md (section numbers below refer to them).
//
// Order of checks on a request (the framework's, plus ours in `authenticate`):
//   rate limit (per API key)  → 429 + X-RateLimit-Reset
//   User-Agent "Name (email)" → 400 "Requires a user agent"
//   HTTP Basic, key and shard → 401 "HTTP Basic: Access denied."
//   Accept / Content-Type     → violations (a body without Content-Type JSON is dropped, ISS #362)
//   route (numeric IDs only), deprecated operation, body where none / none where required
//                             → 404 / 404 / 400 / recorded, violations (routes.ts `guard`)
//   query, body               → 400 / 422, violations
//   handler
import { TEST_SECRETS } from '../../helpers/secrets';
import { createSimulator, type HookContext, type RateLimitWindow, type SimRequest, type SimResponse, type Simulator } from '../core';
import { answerInvalid, clinikoErrors, clinikoRoutes, type ClinikoSettings } from './routes';
import { ClinikoState } from './state';

export { ClinikoState, type ClinikoRecord, type CancelOptions, type ListOptions, type Row } from './state';
export { ClinikoClock, isoSeconds } from './time';
export { buildClinikoSeed, SEED_NOW, SEED_COUNTS, FIRST_ID, CLINIKO_ACCOUNT_TIME_ZONE } from './seed';
export { clinikoErrors, CANT_BE_BLANK, classifyOperation, classifiedOperations, type ClinikoSettings, type ClassifiedOperation, type OperationKind } from './routes';
export { clinikoOperations, loadClinikoSpec, clinikoSpecFile, type SpecOperation, type FilterFormat, type OpenApiSchema } from './spec';
export { OpenApiZod } from './openapi-zod';
export { RESOURCES, schemaInfo } from './resources';
export { parseFilter, matchesFilter, OPERATORS_BY_FORMAT } from './filters';
export { exampleRequest, type ExampleRequest } from './examples';

/** The fixed test key (one list of test secrets, so the secret scan knows it). Its suffix names the shard. */
export const CLINIKO_TEST_KEY: string = TEST_SECRETS.clinikoApiKey;
/** FACT (DOCS): 200 requests per minute per user. */
export const CLINIKO_RATE_LIMIT: RateLimitWindow = { limit: 200, windowMs: 60_000 };
/** A User-Agent of the documented form `APP_VENDOR_NAME (APP_VENDOR_EMAIL)`. */
export const CLINIKO_TEST_USER_AGENT = 'n8n-nodes-saas-connectors tests (tests@example.com)';

export interface ClinikoSimulatorOptions {
	port?: number;
	/** The shard this simulator plays (default au1). A key whose suffix names another shard gets 401. */
	shard?: string;
	/** Valid API keys (default: the test key). With or without their `-shard` suffix, they authenticate. */
	keys?: string[];
	/** Default 200 per 60 000 ms per key; null switches the limiter off. */
	rateLimit?: RateLimitWindow | null;
	/**
	 * Base of every link the simulator writes (default `${url}/v1`, its own address). Set it when a
	 * proxy sits in front (the links then name the proxy).
	 */
	baseUrl?: string;
	/** See ClinikoSettings.rejectUnknownFields. */
	rejectUnknownFields?: boolean;
	/** See ClinikoSettings.serveDeprecated. */
	serveDeprecated?: boolean;
}

export type ClinikoSimulator = Simulator<ClinikoState> & {
	shard: string;
	keys: string[];
	/** `${url}/v1`, or the baseUrl option. */
	baseUrl: string;
	settings: ClinikoSettings;
	/** `Authorization` header value for a key (default the first valid one). */
	authorization(key?: string): string;
	/** Headers a well-behaved client sends (Authorization, User-Agent, Accept). */
	headers(key?: string): Record<string, string>;
};

/** The shard a key names: the part after its last hyphen when it looks like one (`au2`), else au1. */
export function shardOfKey(key: string): string {
	const match = /-([a-z]{2}\d{1,2})$/i.exec(key);
	return match ? match[1].toLowerCase() : 'au1';
}

function stripShard(key: string): string {
	return key.replace(/-([a-z]{2}\d{1,2})$/i, '');
}

/** The API key of a request (the Basic username), or undefined. */
export function apiKeyOf(req: SimRequest): string | undefined {
	const header = req.headers.authorization;
	if (typeof header !== 'string') return undefined;
	const match = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header);
	if (!match) return undefined;
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	return colon === -1 ? decoded : decoded.slice(0, colon);
}

// DOCS: "a User-Agent that contains a name and valid contact email", e.g. `Really helpful app (devs@helpfulapp.com)`.
const USER_AGENT = /\S.*\(\s*[^\s()@]+@[^\s()@]+\.[^\s()@]+\s*\)/;

export async function startClinikoSimulator(options: ClinikoSimulatorOptions = {}): Promise<ClinikoSimulator> {
	const shard = (options.shard ?? 'au1').toLowerCase();
	const keys = options.keys ?? [CLINIKO_TEST_KEY];
	const settings: ClinikoSettings = { rejectUnknownFields: options.rejectUnknownFields ?? false, serveDeprecated: options.serveDeprecated ?? false };
	const window = options.rateLimit === undefined ? CLINIKO_RATE_LIMIT : options.rateLimit;
	const state = new ClinikoState();

	/** The configured key a request's key is (sent with or without its suffix, DOCS /guides/sharding). */
	const knownKey = (sent: string): string | undefined => keys.find((key) => sent === key || sent === stripShard(key));

	function gate(req: SimRequest, ctx: HookContext): SimResponse | null {
		// INFERENCE: the User-Agent check comes first (a front-end filter), before authentication.
		const agent = req.headers['user-agent'];
		if (typeof agent !== 'string' || !USER_AGENT.test(agent)) return clinikoErrors.userAgentRequired();
		const sent = apiKeyOf(req);
		const key = sent === undefined ? undefined : knownKey(sent);
		// FACT (ISS #317): a key of another shard is a plain 401; shards do not know each other.
		if (!key || shardOfKey(key) !== shard) return clinikoErrors.unauthorized();
		// The parsed query cannot tell `q=a&q=b` from `q[]=a&q[]=b`; the raw one can. The bare form is
		// the 2017 GH readme's (Rails would keep only the last one); the spec has only q[].
		if (/(^|&)q=/.test(req.rawQuery)) ctx.violate('invalid-query', 'filters must be sent as q[]=…, not q=… (the q= form is not in the spec)');
		const accept = req.headers.accept;
		if (typeof accept !== 'string' || !/application\/json/i.test(accept)) {
			ctx.violate('invalid-headers', `Accept should be application/json (DOCS "Make sure to send the Accept header"), got ${accept === undefined ? 'none' : JSON.stringify(accept)}`);
		}
		if (req.body !== undefined && !/application\/json/i.test(String(req.headers['content-type'] ?? ''))) {
			// FACT (ISS #362): without `Content-Type: application/json` the body "is not getting processed".
			ctx.violate('invalid-headers', `a body was sent with Content-Type ${JSON.stringify(req.headers['content-type'] ?? null)}, not application/json; Cliniko ignores it`);
			req.body = undefined;
		}
		return null;
	}

	const sim = await createSimulator<ClinikoState>({
		name: 'cliniko',
		port: options.port,
		routes: clinikoRoutes(settings),
		state,
		onReset: () => state.reset(),
		// Field names of the project's `clinikoApi` credential (research §14): the key, the app name and
		// e-mail for the User-Agent, and a base URL override pointing at the simulator.
		credentials: (url) => ({ apiKey: keys[0], appName: 'n8n-nodes-saas-connectors tests', contactEmail: 'tests@example.com', baseUrl: options.baseUrl ?? `${url}/v1` }),
		authenticate: gate,
		rateLimit: {
			...(window ?? CLINIKO_RATE_LIMIT),
			// "200 requests per minute per user": counted per key (with or without its suffix).
			key: (req) => {
				const sent = apiKeyOf(req);
				return sent === undefined ? 'anonymous' : stripShard(sent);
			},
			// FACT (DOCS): only the 429 carries X-RateLimit-Reset; no other rate-limit headers are documented.
			exceeded: (rate) => clinikoErrors.tooManyRequests(rate.resetAt),
		},
		// INFERENCE: Rails answers an unrouted method with the same 404 as an unknown path.
		notFound: () => clinikoErrors.notFound(),
		methodNotAllowed: () => clinikoErrors.notFound(),
		invalidRequest: (_req, problem) => answerInvalid(problem.where, problem.error, settings),
		internalError: () => clinikoErrors.serverError(),
	});
	if (window === null) sim.rateLimit.set(null);
	const baseUrl = options.baseUrl ?? `${sim.url}/v1`;
	state.baseUrl = baseUrl;
	const authorization = (key = keys[0]) => `Basic ${Buffer.from(`${key}:`).toString('base64')}`;
	return Object.assign(sim, {
		shard,
		keys,
		baseUrl,
		settings,
		authorization,
		headers: (key?: string) => ({ Authorization: authorization(key), 'User-Agent': CLINIKO_TEST_USER_AGENT, Accept: 'application/json' }),
	});
}
