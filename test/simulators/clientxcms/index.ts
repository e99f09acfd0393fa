// CLIENTXCMS simulator: `{base}/api/application/…` on 127.0.0.1, the 82 routes of v2.15 – v2.16-fix.
// Order of checks (research §3.3): auth (401) → rate limit (429) → route-model binding (404) → ability
// (403) → FormRequest validation (422) → controller. Every answer is JSON whatever Accept says,
// except the invoice files.
import { TEST_SECRETS } from '../../helpers/secrets';
import { createSimulator, type Route, type SimRequest, type SimResponse, type Simulator } from '../core';
import { clientXcmsRoutes, defaultSettings, type ClientXcmsSettings, type HandlerContext, type SimRoute } from './routes';
import { ClientXcmsState, type Row, type Table } from './state';
import { validate, validationBody } from './validation';

export { clientXcmsRoutes, defaultSettings, pdfBytes, type ClientXcmsSettings, type SimRoute } from './routes';
export { ClientXcmsState } from './state';
export { validate, validationBody } from './validation';

export const API_PREFIX = '/api/application';

/** The default key: an Administrator key (`*`). */
export const CLIENTXCMS_TEST_KEY: string = TEST_SECRETS.clientXcmsApiKey;

const MODEL: Partial<Record<Table, string>> = {
	customers: 'App\\Models\\Account\\Customer',
	products: 'App\\Models\\Store\\Product',
	groups: 'App\\Models\\Store\\Group',
	pricings: 'App\\Models\\Store\\Pricing',
	departments: 'App\\Models\\Helpdesk\\SupportDepartment',
	coupons: 'App\\Models\\Store\\Coupon',
	servers: 'App\\Models\\Provisioning\\Server',
	subdomains: 'App\\Models\\Provisioning\\SubdomainHost',
	cancellation_reasons: 'App\\Models\\Provisioning\\CancellationReason',
	services: 'App\\Models\\Provisioning\\Service',
};

export interface ClientXcmsSimulatorOptions {
	port?: number;
	settings?: Partial<ClientXcmsSettings>;
}

export type ClientXcmsSimulator = Simulator<ClientXcmsState> & {
	apiKey: string;
	/** What a user types as the credential's Base URL. */
	baseUrl: string;
	settings: ClientXcmsSettings;
	/** API keys → abilities (`*` or exact ability names). */
	keys: Map<string, string[]>;
	/** Adds a key with these abilities (e.g. the `hearth` + `license` set the admin UI gives custom keys). */
	addKey(token: string, abilities: string[]): void;
	routes: SimRoute[];
};

/** Literal segments before parameters, so `/servers/test` is its own route here (its handler answers as the real route order does). */
function specificity(path: string): string {
	return path
		.split('/')
		.map((s) => (s.startsWith('{') ? '1' : '0'))
		.join('');
}

function parseMultipart(req: SimRequest): { fields: Record<string, unknown>; files: HandlerContext['files'] } | null {
	const type = String(req.headers['content-type'] ?? '');
	const m = /multipart\/form-data;\s*boundary=(.+)$/i.exec(type);
	if (!m || typeof req.body !== 'string') return null;
	const boundary = m[1].replace(/^"|"$/g, '');
	const fields: Record<string, unknown> = {};
	const files: HandlerContext['files'] = [];
	for (const part of req.body.split(`--${boundary}`)) {
		const idx = part.indexOf('\r\n\r\n');
		if (idx === -1) continue;
		const head = part.slice(0, idx);
		const content = part.slice(idx + 4).replace(/\r\n$/, '');
		const name = /name="([^"]*)"/.exec(head)?.[1];
		if (!name) continue;
		const fileName = /filename="([^"]*)"/.exec(head)?.[1];
		if (fileName !== undefined) {
			files.push({ field: name, fileName, size: Buffer.byteLength(content, 'latin1'), mimeType: /Content-Type:\s*(\S+)/i.exec(head)?.[1] ?? 'application/octet-stream' });
		} else if (name.endsWith('[]')) {
			const key = name.slice(0, -2);
			fields[key] = [...((fields[key] as unknown[]) ?? []), content];
		} else fields[name] = content;
	}
	return { fields, files };
}

function bodyOf(req: SimRequest): { body: Record<string, unknown>; files: HandlerContext['files'] } {
	const multipart = parseMultipart(req);
	if (multipart) return { body: multipart.fields, files: multipart.files };
	if (req.body && typeof req.body === 'object' && !Array.isArray(req.body)) return { body: req.body as Record<string, unknown>, files: [] };
	return { body: {}, files: [] };
}

export async function startClientXcmsSimulator(options: ClientXcmsSimulatorOptions = {}): Promise<ClientXcmsSimulator> {
	const settings: ClientXcmsSettings = { ...defaultSettings(), ...options.settings };
	const state = new ClientXcmsState();
	const keys = new Map<string, string[]>([[CLIENTXCMS_TEST_KEY, ['*']]]);
	const table = clientXcmsRoutes();
	const ordered = [...table].sort((a, b) => specificity(a.path).localeCompare(specificity(b.path)));

	const tokenOf = (req: SimRequest): string | undefined => {
		const auth = String(req.headers.authorization ?? '');
		const m = /^Bearer\s+(.+)$/i.exec(auth);
		return m?.[1].trim();
	};

	const routes: Route<ClientXcmsState>[] = ordered.map((r) => ({
		method: r.method,
		path: `${API_PREFIX}${r.path.replace(/\{(\w+)\}/g, ':$1')}`,
		handler: (req, ctx): SimResponse => {
			if (settings.version === '2.14' && r.since === '2.15') {
				return { status: 404, body: { message: `The route ${req.path.replace(/^\//, '')} could not be found.` } };
			}
			const host = String(req.headers.host ?? '127.0.0.1');
			const { body, files } = bodyOf(req);
			const c: HandlerContext = { req, state, settings, body, files, base: `http://${host}${API_PREFIX}`.replace(API_PREFIX, '') };
			c.base = `http://${host}`;
			if (r.shadowed) return r.shadowed(c);
			// Route-model binding (paginated shows with an int parameter do not bind: unknown → 200, empty).
			const binding = r.binding;
			if (binding && req.params.id !== undefined && !(r.envelope === 'paginatedShow' && !binding.uuid)) {
				const id = req.params.id;
				let record: Row | undefined;
				if (/^\d+$/.test(id)) record = state.find(binding.table, id);
				if (!record && binding.uuid && !binding.numericOnly) record = state.live(binding.table).find((row) => row.uuid === id);
				if (!record) {
					if (binding.emptyMessage) return { status: 404, body: { message: '' } };
					return { status: 404, body: { message: `No query results for model [${MODEL[binding.table] ?? binding.table}] ${id}` } };
				}
				c.record = record;
			}
			if (r.envelope === 'paginatedShow' && !binding?.uuid && !/^\d+$/.test(req.params.id ?? '')) {
				ctx.violate('handler-error', `non-numeric ID "${req.params.id}" for ${r.path}: PHP TypeError on the real server`);
				return { status: 500, body: { message: 'Server Error' } };
			}
			const abilities = keys.get(tokenOf(req) ?? '') ?? [];
			if (!abilities.includes('*') && !abilities.includes(r.ability)) return { status: 403, body: { message: 'Invalid ability provided.' } };
			const prepared = r.prepare?.(c);
			if (prepared) return prepared;
			if (r.rules) {
				const rules = typeof r.rules === 'function' ? r.rules(c) : r.rules;
				const errors = validate(body, rules, {
					exists: (t, v) => state.find(t as Table, v) !== undefined,
					taken: (t, column, v) => state.live(t as Table).some((row) => String(row[column]) === String(v) && row !== c.record),
				});
				if (errors) {
					ctx.violate('invalid-body', `422 on ${r.method} ${r.path}`, Object.entries(errors).map(([k, v]) => `${k}: ${v.join(' ')}`));
					return { status: 422, body: validationBody(errors) };
				}
			}
			return r.handle(c);
		},
	}));

	// Where `back()` sends an export that matched nothing: an admin page (HTML; the real one redirects
	// on to the login form when there is no admin session).
	routes.push({ method: 'GET', path: '/admin/invoices', handler: () => ({ status: 200, body: '<!DOCTYPE html><title>Invoices</title>', headers: { 'Content-Type': 'text/html; charset=UTF-8' } }) });

	const sim = await createSimulator<ClientXcmsState>({
		name: 'clientxcms',
		port: options.port,
		routes,
		state,
		onReset: () => {
			state.reset();
			Object.assign(settings, defaultSettings(), options.settings);
			keys.clear();
			keys.set(CLIENTXCMS_TEST_KEY, ['*']);
		},
		credentials: (url) => ({ baseUrl: url, apiKey: CLIENTXCMS_TEST_KEY }),
		// 60 requests a minute per authenticated admin (RouteServiceProvider.php:46-48; all keys in the simulator belong to one admin).
		rateLimit: {
			limit: 60,
			windowMs: 60_000,
			key: (req) => (keys.has(tokenOf(req) ?? '') ? 'admin-1' : `ip`),
			headers: (s) => ({ 'X-RateLimit-Limit': s.limit, 'X-RateLimit-Remaining': Math.max(0, s.remaining) }),
			exceeded: (s) => {
				const wait = Math.max(1, Math.ceil((s.resetAt - Date.now()) / 1000));
				return { status: 429, body: { message: 'Too Many Attempts.' }, headers: { 'Retry-After': wait, 'X-RateLimit-Reset': Math.ceil(s.resetAt / 1000) } };
			},
		},
		authenticate: (req) => {
			const token = tokenOf(req);
			if (!token || !keys.has(token)) return { status: 401, body: { message: 'Unauthenticated.' } };
			return null;
		},
		notFound: (req) => ({ status: 404, body: { message: `The route ${req.path.replace(/^\//, '')} could not be found.` } }),
		methodNotAllowed: (req, allowed) => ({
			status: 405,
			body: { message: `The ${req.method} method is not supported for route ${req.path.replace(/^\//, '')}. Supported methods: ${allowed.join(', ')}.` },
		}),
		internalError: () => ({ status: 500, body: { message: 'Server Error' } }),
	});
	return Object.assign(sim, {
		apiKey: CLIENTXCMS_TEST_KEY,
		baseUrl: sim.url,
		settings,
		keys,
		addKey: (token: string, abilities: string[]) => {
			keys.set(token, abilities);
		},
		routes: table,
	});
}
