// createSimulator: one node:http server for one provider. The order a request goes through:
//
//   control route (/__sim/…)? → answered, not logged
//   log it
//   fault switch?   status → forced answer; reset → kill socket; latency → wait; truncate → cut the answer
//   route lookup    (no route / wrong method recorded as a violation now, answered after auth)
//   rate limiter    per credential; over the limit → provider's 429
//   auth hook       denied → provider's 401/403
//   404 / 405       for what the lookup did not find
//   zod schemas     query and body; failure → violation + provider's 400
//   handler
//
// The rate limiter runs before the auth hook so that every answer, 401s included, carries the
// provider's rate-limit headers (as a throttling front-end does).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerControl, isControlPath } from './control-routes';
import { FaultSwitches } from './faults';
import { parseBody, parseQuery, prepareResponse, readBody, safeDecode, splitUrl, writeResponse, writeTruncated } from './http-io';
import { FixedWindowRateLimiter } from './rate-limit';
import { compileRoute, matchRoute } from './router';
import type {
	LogEntry,
	ResponseHeaders,
	Route,
	SimRequest,
	SimResponse,
	Simulator,
	SimulatorOptions,
	Violation,
	ViolationKind,
} from './types';
import type { ZodError } from 'zod';

/** Binds the state type once so each route's query/body types are inferred from its zod schemas. */
export function routesFor<S>() {
	return <Q = SimRequest['query'], B = unknown>(route: Route<S, Q, B>): Route<S> => route as Route<S>;
}

function formatIssues(error: ZodError): string[] {
	return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
}

function defaultRateLimitKey(req: SimRequest): string {
	const auth = req.headers.authorization;
	return typeof auth === 'string' && auth !== '' ? auth : 'anonymous';
}

const defaults = {
	notFound: (): SimResponse => ({ status: 404, body: { message: 'Not Found' } }),
	methodNotAllowed: (_req: SimRequest, allowed: string[]): SimResponse => ({
		status: 405,
		body: { message: 'Method Not Allowed' },
		headers: { Allow: allowed.join(', ') },
	}),
	invalidRequest: (_req: SimRequest, problem: { where: string; issues: string[] }): SimResponse => ({
		status: 400,
		body: { message: `Invalid ${problem.where}`, issues: problem.issues },
	}),
	internalError: (): SimResponse => ({ status: 500, body: { message: 'Server Error' } }),
	exceeded: (): SimResponse => ({ status: 429, body: { message: 'Too Many Requests' } }),
};

export async function createSimulator<S>(opts: SimulatorOptions<S>): Promise<Simulator<S>> {
	const routes = opts.routes.map((route) => compileRoute(route));
	const limiter = new FixedWindowRateLimiter(opts.rateLimit ? { limit: opts.rateLimit.limit, windowMs: opts.rateLimit.windowMs } : null);
	const log: LogEntry[] = [];
	const violations: Violation[] = [];
	const faults = new FaultSwitches();
	const pendingDelays = new Set<NodeJS.Timeout>();

	function recordViolation(kind: ViolationKind, req: SimRequest, message: string, issues?: string[]): void {
		violations.push({ kind, method: req.method, path: req.path, rawPath: req.rawPath, message, issues, at: Date.now() });
	}

	function delay(ms: number): Promise<void> {
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				pendingDelays.delete(timer);
				resolve();
			}, ms);
			pendingDelays.add(timer);
		});
	}

	/** Everything after the fault switches: the provider's normal behaviour. */
	async function answer(req: SimRequest): Promise<SimResponse> {
		const hooks = { violate: (kind: ViolationKind, message: string, issues?: string[]) => recordViolation(kind, req, message, issues) };
		const match = matchRoute(routes, req.method, req.rawPath);
		if (match.kind === 'none') recordViolation('no-route', req, `no route for ${req.method} ${req.rawPath}`);
		if (match.kind === 'method-not-allowed') {
			recordViolation('method-not-allowed', req, `${req.method} not allowed on ${req.rawPath} (allowed: ${match.allowed.join(', ')})`);
		}

		let rateHeaders: ResponseHeaders | undefined;
		const rate = limiter.take((opts.rateLimit?.key ?? defaultRateLimitKey)(req));
		if (rate) {
			rateHeaders = opts.rateLimit?.headers?.(rate);
			if (rate.limited) return withHeaders((opts.rateLimit?.exceeded ?? defaults.exceeded)(rate), rateHeaders);
		}

		const denied = opts.authenticate?.(req, hooks);
		if (denied) return withHeaders(denied, rateHeaders);

		if (match.kind === 'none') return withHeaders((opts.notFound ?? defaults.notFound)(req), rateHeaders);
		if (match.kind === 'method-not-allowed') {
			return withHeaders((opts.methodNotAllowed ?? defaults.methodNotAllowed)(req, match.allowed), rateHeaders);
		}

		const { route } = match;
		req.params = match.params;
		const refused = route.guard?.(req, { state: opts.state, ...hooks });
		if (refused) return withHeaders(refused, rateHeaders);
		for (const where of ['query', 'body'] as const) {
			const schema = route[where];
			if (!schema) continue;
			const parsed = schema.safeParse(req[where]);
			if (parsed.success) {
				req[where] = parsed.data;
				continue;
			}
			const issues = formatIssues(parsed.error);
			recordViolation(where === 'query' ? 'invalid-query' : 'invalid-body', req, `${where} does not match ${route.method} ${route.path}`, issues);
			const refusal = (opts.invalidRequest ?? defaults.invalidRequest)(req, { where, issues, error: parsed.error });
			if (refusal) return withHeaders(refusal, rateHeaders);
		}

		try {
			return withHeaders(await route.handler(req, { state: opts.state, ...hooks }), rateHeaders);
		} catch (error) {
			// A handler that throws is a simulator bug; recording it makes the test that hit it fail.
			recordViolation('handler-error', req, error instanceof Error ? error.stack ?? error.message : String(error));
			return withHeaders((opts.internalError ?? defaults.internalError)(req, error), rateHeaders);
		}
	}

	function withHeaders(response: SimResponse, extra: ResponseHeaders | undefined): SimResponse {
		return extra ? { ...response, headers: { ...extra, ...response.headers } } : response;
	}

	async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const { rawPath, rawQuery } = splitUrl(req.url ?? '/');
		const method = (req.method ?? 'GET').toUpperCase();
		const raw = await readBody(req);

		if (isControlPath(rawPath)) {
			// Control bodies are always JSON, whatever the Content-Type (`curl -d` says form-encoded).
			writeResponse(res, prepareResponse(answerControl(sim as Simulator<unknown>, method, rawPath, parseBody(raw, undefined)), undefined));
			return;
		}
		const body = parseBody(raw, req.headers['content-type']);

		const request: SimRequest = { method, path: safeDecode(rawPath), rawPath, rawQuery, params: {}, query: parseQuery(rawQuery), headers: req.headers, body };
		// The log keeps what was received; handlers get their own copy of query/body to coerce.
		const entry: LogEntry = { method, path: request.path, rawPath, rawQuery, query: parseQuery(rawQuery), headers: req.headers, body: structuredClone(body), status: 0, at: Date.now() };
		log.push(entry);

		const fault = faults.take(method, request.path);
		if (fault) entry.fault = fault.kind;
		if (fault?.kind === 'reset') {
			req.socket.destroy();
			return;
		}
		let response: SimResponse;
		if (fault?.kind === 'status') {
			response = { status: fault.status, body: fault.body, headers: fault.headers };
		} else {
			if (fault?.kind === 'latency') await delay(fault.ms);
			response = await answer(request);
		}

		const prepared = prepareResponse(response, opts.defaultHeaders);
		entry.status = prepared.status;
		if (fault?.kind === 'truncate') writeTruncated(res, prepared);
		else writeResponse(res, prepared);
	}

	const server = http.createServer((req, res) => {
		handle(req, res).catch((error: unknown) => {
			// Only reachable through a bug in this file; answer something rather than hang the client.
			if (!res.headersSent) writeResponse(res, prepareResponse({ status: 500, body: { simulatorError: String(error) } }, undefined));
			else res.destroy();
		});
	});
	// A client hanging up mid-request must not take the simulator down.
	server.on('clientError', (_error, socket) => socket.destroy());
	// Idle keep-alive sockets: let the client be the one to close them (undici's idle timeout is 4 s,
	// Node's server default 5 s). Otherwise, after a test blocks the event loop for a few seconds, the
	// server's timer and the client's next request on that socket meet, and the request dies with
	// ECONNRESET. close() still ends every connection at once.
	server.keepAliveTimeout = 60_000;

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(opts.port ?? 0, '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
	const port = (server.address() as AddressInfo).port;
	const url = `http://127.0.0.1:${port}`;

	const sim: Simulator<S> = {
		name: opts.name,
		url,
		port,
		state: opts.state,
		credentials: opts.credentials?.(url) ?? {},
		log,
		violations,
		faults,
		rateLimit: {
			get: () => limiter.config,
			set: (window) => limiter.configure(window),
			resetCounters: () => limiter.resetCounters(),
		},
		resetLog() {
			log.length = 0;
			violations.length = 0;
		},
		reset() {
			opts.onReset?.();
			faults.clear();
			limiter.resetCounters();
			sim.resetLog();
		},
		close() {
			for (const timer of pendingDelays) clearTimeout(timer);
			pendingDelays.clear();
			return new Promise<void>((resolve, reject) => {
				server.close((error) => (error ? reject(error) : resolve()));
				// Keep-alive sockets (fetch keeps them) would otherwise hold close() open for seconds.
				server.closeAllConnections();
			});
		},
	};
	return sim;
}
