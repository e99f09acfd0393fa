// The vocabulary shared by every provider simulator. A provider is data (routes, auth hook, rate-limit
// headers, error bodies) handed to createSimulator; nothing in here knows about any one provider.
import type { IncomingHttpHeaders } from 'node:http';
import type { ZodError, ZodType, ZodTypeDef } from 'zod';
import type { FaultSwitches } from './faults';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A query as parsed: a key given once is a string; a repeated key or a `key[]` key is an array (under `key`). */
export type QueryValues = Record<string, string | string[]>;

export type ResponseHeaders = Record<string, string | number | string[]>;

/** What a route, hook or fault answers. An object/array body is sent as JSON, a string as text, a Buffer as is. */
export interface SimResponse {
	status: number;
	body?: unknown;
	headers?: ResponseHeaders;
}

export interface SimRequest<Q = QueryValues, B = unknown> {
	method: string;
	/** Pathname, percent-decoded (for reading); routing uses rawPath so `%2F` stays inside one segment. */
	path: string;
	/** Pathname exactly as the client sent it. */
	rawPath: string;
	/** Query string exactly as sent, without the `?`. */
	rawQuery: string;
	/** Route parameters, each decoded with decodeURIComponent from its own raw segment. */
	params: Record<string, string>;
	query: Q;
	headers: IncomingHttpHeaders;
	/** Parsed JSON, a form-encoded object, raw text, or undefined when the body was empty. */
	body: B;
}

export interface RouteContext<S> extends HookContext {
	state: S;
}

/** What hooks and handlers get besides the request. */
export interface HookContext {
	/** Records a contract violation for the current request (e.g. a missing header the provider expects). */
	violate(kind: ViolationKind, message: string, issues?: string[]): void;
}

/**
 * One provider endpoint. The zod schemas are the provider's contract: a request that fails one is
 * answered with the provider's 400 and recorded in `violations`, so a node sending a wrong payload
 * fails its test instead of passing silently.
 */
export interface Route<S, Q = any, B = any> {
	method: HttpMethod;
	/** `/clients/:clientId` style; a `:name` segment matches one non-empty raw segment. */
	path: string;
	query?: ZodType<Q, ZodTypeDef, unknown>;
	body?: ZodType<B, ZodTypeDef, unknown>;
	/**
	 * Runs after routing and authentication, before the query and body are checked: an answer refuses
	 * the request as it stands (e.g. a route whose IDs must be numeric, an operation the provider
	 * deprecated), null lets it through. Record a violation with `ctx.violate` when refusing.
	 */
	guard?(req: SimRequest, ctx: RouteContext<S>): SimResponse | null;
	handler(req: SimRequest<Q, B>, ctx: RouteContext<S>): SimResponse | Promise<SimResponse>;
}

/** Every request a provider route saw (control routes under `/__sim/` are not logged). */
export interface LogEntry {
	method: string;
	path: string;
	rawPath: string;
	rawQuery: string;
	query: QueryValues;
	headers: IncomingHttpHeaders;
	body: unknown;
	/** Status answered; 0 while unanswered or when the connection was reset without an answer. */
	status: number;
	/** Arrival time, ms since the epoch. */
	at: number;
	/** Set when a fault switch took this request. */
	fault?: FaultKind;
}

export type ViolationKind = 'no-route' | 'method-not-allowed' | 'invalid-query' | 'invalid-body' | 'invalid-headers' | 'deprecated' | 'handler-error';

/** A request that broke the provider's contract (or a simulator bug: handler-error). */
export interface Violation {
	kind: ViolationKind;
	method: string;
	path: string;
	rawPath: string;
	message: string;
	issues?: string[];
	at: number;
}

export type FaultKind = 'status' | 'latency' | 'reset' | 'truncate';

export interface FaultMatch {
	/** Only requests with this method (any when absent). */
	method?: string;
	/** Only requests whose decoded path matches (a string is a regular expression source). */
	path?: RegExp | string;
	/** How many matching requests the fault takes before it is used up (default 1). */
	times?: number | 'always';
}

export type Fault = FaultMatch &
	(
		| { kind: 'status'; status: number; body?: unknown; headers?: ResponseHeaders }
		| { kind: 'latency'; ms: number }
		| { kind: 'reset' }
		| { kind: 'truncate' }
	);

export interface RateLimitWindow {
	limit: number;
	windowMs: number;
}

/** Where one credential stands in its current window, after counting the current request. */
export interface RateLimitState extends RateLimitWindow {
	key: string;
	remaining: number;
	/** When the current window ends, ms since the epoch. */
	resetAt: number;
	limited: boolean;
}

export interface RateLimitOptions extends RateLimitWindow {
	/** Which credential a request counts against (default: its Authorization header, else 'anonymous'). */
	key?: (req: SimRequest) => string;
	/** The provider's own rate-limit headers, added to every response that went through the limiter. */
	headers?: (state: RateLimitState) => ResponseHeaders;
	/** The provider's over-the-limit answer (default: 429 with a small JSON body). */
	exceeded?: (state: RateLimitState) => SimResponse;
}

export interface SimulatorOptions<S> {
	/** Short provider name, used in messages and the registry. */
	name: string;
	/** 0 or absent: an ephemeral port. The server only listens on 127.0.0.1. */
	port?: number;
	routes: Route<S>[];
	/** Provider data the handlers read and tests mutate. */
	state: S;
	/** Puts `state` back to its seed (POST /__sim/reset, sim.reset()). */
	onReset?: () => void;
	/** The values a user would type into the n8n credential to point it at this simulator. */
	credentials?: (url: string) => Record<string, string>;
	/**
	 * Runs before the handler (after the rate limiter); a response means "denied, answer this".
	 * It may also record header violations through `ctx.violate` and adjust the request (as a
	 * provider's front end would, e.g. drop a body sent without its content type).
	 */
	authenticate?: (req: SimRequest, ctx: HookContext) => SimResponse | null;
	rateLimit?: RateLimitOptions;
	/** Headers on every answer (e.g. `Server: cloudflare`). */
	defaultHeaders?: ResponseHeaders;
	notFound?: (req: SimRequest) => SimResponse;
	methodNotAllowed?: (req: SimRequest, allowed: string[]) => SimResponse;
	/**
	 * The provider's answer to a request failing a route schema. Return null to run the handler anyway
	 * (for providers known to ignore such input); the violation is recorded either way.
	 */
	invalidRequest?: (req: SimRequest, problem: { where: 'query' | 'body'; issues: string[]; error: ZodError }) => SimResponse | null;
	internalError?: (req: SimRequest, error: unknown) => SimResponse;
}

export interface RateLimitControl {
	/** The current window, or null when the limiter is off. */
	get(): RateLimitWindow | null;
	/** Change the limit at runtime (counters restart); null switches the limiter off. */
	set(window: RateLimitWindow | null): void;
	/** Forget every credential's count. */
	resetCounters(): void;
}

export interface Simulator<S = unknown> {
	name: string;
	url: string;
	port: number;
	state: S;
	credentials: Record<string, string>;
	log: LogEntry[];
	violations: Violation[];
	faults: FaultSwitches;
	rateLimit: RateLimitControl;
	/** Empties `log` and `violations` (in place, so references stay valid). */
	resetLog(): void;
	/** Seed state, no faults, fresh rate-limit counters, empty log: what POST /__sim/reset does. */
	reset(): void;
	close(): Promise<void>;
}
