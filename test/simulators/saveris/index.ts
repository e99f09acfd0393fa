// testo Saveris Data API simulator (research/saveris.md): the token endpoint issuing JWTs with `exp`,
// the ten current async export pairs with their job lifecycle, a pre-signed "storage" route, the
// deprecated sync endpoints, and the API Gateway error bodies. What is INFERENCE is marked.
import { createHmac, randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { z } from 'zod';

import { registerSecret, TEST_SECRETS } from '../../helpers/secrets';
import { createSimulator, routesFor, seededRandom, type Route, type SimRequest, type SimResponse, type Simulator } from '../core';
import { compileRoute, matchRoute } from '../core/router';
import { applyOdata, ASYNC_PATHS, csvOf, measurementsIn, SNAPSHOTS, TIMED, type Row } from './data';

export * from './data';

export const SAVERIS_USERNAME = 'haccp-api@example.com';
export const SAVERIS_PASSWORD: string = TEST_SECRETS.saverisPassword;
const SIGNING_KEY = 'saveris-sim-signing-key';

export interface SaverisSettings {
	/** Status checks answered "In Progress" before a job ends (default 1). */
	inProgressPolls: number;
	/** Draw the number of "In Progress" answers per job from [min, max] (overrides inProgressPolls). */
	inProgressRange: [number, number] | null;
	/** The next N jobs end with `status: "Error"`. */
	failNextJobs: number;
	/** Share of jobs ending in Error (seeded random). */
	errorRate: number;
	/** The status word for a failed job ("Error" per OAS; "Failed" per a third-party snapshot). */
	failedStatus: 'Error' | 'Failed';
	/** Token lifetime in seconds (OAS: 60 min). */
	tokenTtlSeconds: number;
	/** Pre-signed link lifetime in seconds (OAS: 24 h; SC: about 1 h). */
	linkTtlSeconds: number;
	/** The next N completed status answers carry links that are already expired. */
	expiredLinksNext: number;
	/** Share of completed status answers with already-expired links (seeded random). */
	expiredLinkRate: number;
	/** Files per JSON job (INFERENCE: Athena UNLOAD writes several); CSV always gets one. */
	jsonFiles: number;
	/** gzip every result file (INFERENCE: Athena's default compression for text output). */
	gzip: boolean;
	/** Repeat each file's first row at its end (delivery is at-least-once). */
	duplicateRows: boolean;
	/**
	 * Treat `date_time_until` as inclusive, so a record exactly on a window boundary is in both windows
	 * (UNKNOWN which the real API does; a client must cope with both).
	 */
	inclusiveUntil: boolean;
	/** Answer the token endpoint with `idToken` instead of `IdToken` (the docs' prose spelling). */
	lowercaseTokenKey: boolean;
	/**
	 * A hostile CSV result file in place of the job's rows (issue 12, point 13), gzipped:
	 * - 'gzipBomb': the job's header and 3,000,000 copies of one short row in a few KB (1.2 KB of gzip
	 *   became 300,000 items);
	 * - 'giantField': one unquoted field of 80 MB without a delimiter (a 1 MB gzip file exhausted a
	 *   512 MB heap: the field was built one character at a time).
	 */
	hostileResult: null | 'gzipBomb' | 'giantField';
	/**
	 * The next N completed answers carry a valid link for the first file and expired links for the
	 * later ones (issue 14, point 2). The source is silent on links expiring one by one; a later file's
	 * link outliving the first one is the least convenient reading.
	 */
	laterLinksExpireNext: number;
	/**
	 * What the status call answers after a job's links were refused (issue 14, point 2): 'same' (fresh
	 * links to every file), 'Error' (OAS status enum: the job is now in error), or 'fewerLinks'
	 * (Completed, one link fewer). OAS documents none of these; a client must not take a shorter list
	 * as the whole result.
	 */
	afterExpiry: 'same' | 'Error' | 'fewerLinks';
	/**
	 * Result files named without a format extension (`<uuid>_0`, `<uuid>_0.gz`) (issue 14, point 6).
	 * INFERENCE: OAS does not name the files; Athena UNLOAD names them by query id without one.
	 */
	bareFileNames: boolean;
	/**
	 * Refuse a date range shorter than 5 minutes ([BYU] integrator note only; OAS says nothing, and its
	 * examples ask for seven months). Modelled as the less convenient reading (issue 14, point 5).
	 */
	minWindow: boolean;
	/**
	 * Loggers upload late (issue 14, point 3): OAS examples give `communication_log_time: 900000` (a
	 * logger uploads every 15 minutes) and `processed_at` is "Time the measurement was received by the
	 * Testo Cloud". With this on, a measurement's `processed_at` is its sensor's next upload (every 15
	 * minutes, sensor 1 additionally 40 minutes late: a logger that was offline), and a job holds
	 * only measurements already received when it was submitted.
	 */
	lateUploads: boolean;
	/**
	 * Which column `date_time_from` / `date_time_until` select on: OAS does not say. A client must be
	 * right under both readings (issue 14, point 3).
	 */
	rangeColumn: 'timestamp' | 'processed_at';
}

export const defaultSaverisSettings = (): SaverisSettings => ({
	inProgressPolls: 1,
	inProgressRange: null,
	failNextJobs: 0,
	errorRate: 0,
	failedStatus: 'Error',
	tokenTtlSeconds: 3600,
	linkTtlSeconds: 3600,
	expiredLinksNext: 0,
	expiredLinkRate: 0,
	jsonFiles: 2,
	gzip: false,
	duplicateRows: false,
	lowercaseTokenKey: false,
	inclusiveUntil: false,
	hostileResult: null,
	laterLinksExpireNext: 0,
	afterExpiry: 'same',
	bareFileNames: false,
	minWindow: true,
	lateUploads: false,
	rangeColumn: 'timestamp',
});

/** Upload period of the OAS examples (`communication_log_time: 900000`). */
export const UPLOAD_EVERY_MS = 900_000;
/** Extra delay of the late logger (sensor 1, serial 20208112). */
export const LATE_LOGGER_MS = 40 * 60_000;

/** When a measurement reaches the Testo Cloud with late uploads on (its `processed_at`). */
export function receivedAt(row: Row): number {
	const at = Date.parse(String(row.timestamp));
	const late = row.serial_no === '20208112' ? LATE_LOGGER_MS : 0;
	return (Math.floor(at / UPLOAD_EVERY_MS) + 1) * UPLOAD_EVERY_MS + late + 20_000;
}

/** The measurements a job for [from, until) holds under the simulator's late-upload settings. */
export function lateMeasurements(settings: Pick<SaverisSettings, 'rangeColumn'>, from: number, until: number, submittedAt: number): Row[] {
	const widest = settings.rangeColumn === 'processed_at' ? from - UPLOAD_EVERY_MS - LATE_LOGGER_MS - 60_000 : from;
	return measurementsIn(widest, until)
		.map((row): Row => ({ ...row, processed_at: new Date(receivedAt(row)).toISOString() }))
		.filter((row) => {
			const received = Date.parse(String(row.processed_at));
			const key = settings.rangeColumn === 'processed_at' ? received : Date.parse(String(row.timestamp));
			return received <= submittedAt && key >= from && key < until;
		});
}

const hostileFiles = new Map<string, Buffer>();
/** The hostile file's bytes, made once per process (gzipping 80 MB takes a moment). */
function hostileFile(kind: 'gzipBomb' | 'giantField'): Buffer {
	let file = hostileFiles.get(kind);
	if (!file) {
		const body = kind === 'gzipBomb' ? `"uuid","n"\n${'x,1\n'.repeat(3_000_000)}` : `uuid,n\n${'a'.repeat(80 * 1024 * 1024)}`;
		file = gzipSync(body, { level: 9 });
		hostileFiles.set(kind, file);
	}
	return file;
}

export interface SaverisJob {
	uuid: string;
	resource: string;
	path: string;
	body: Record<string, unknown>;
	format: string;
	polls: number;
	inProgressPolls: number;
	outcome: 'Completed' | 'Error' | 'Failed';
	/** The rows the job holds (before files are written). */
	rows: Row[];
	files: Array<{ name: string; content: Buffer }>;
	submittedAt: number;
	/** Links refused so far (laterLinksExpireNext), for afterExpiry. */
	linksRefused?: boolean;
}

export class SaverisState {
	jobs = new Map<string, SaverisJob>();
	/** Issued tokens → their exp (ms). */
	tokens = new Map<string, number>();
	logins = 0;
	reset(): void {
		this.jobs.clear();
		this.tokens.clear();
		this.logins = 0;
	}
}

export type SaverisSimulator = Simulator<SaverisState> & {
	settings: SaverisSettings;
	username: string;
	password: string;
	/** Every issued token now answers 401 (as if the clock passed their `exp`). */
	expireAllTokens(): void;
	/** Issue a token as the token endpoint would (for direct tests). */
	issueToken(): string;
};

const b64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

// Gateway responses (research §9): application/problem+json with type/title/detail/instance/status.
export function problem(status: number, type: string, title: string, detail?: string): SimResponse {
	const body: Record<string, unknown> = { type, title, instance: randomUUID(), status };
	if (detail !== undefined) body.detail = detail;
	return { status, body: JSON.stringify(body), headers: { 'Content-Type': 'application/problem+json' } };
}
// Lambda errors: `{status: "Error", message}` (OAS `Error` schema; 4xx use is INFERENCE).
const lambdaError = (status: number, message: string): SimResponse => ({ status, body: { status: 'Error', message } });
const s3Error = (status: number, code: string, message: string): SimResponse => ({
	status,
	body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>${randomUUID()}</RequestId></Error>`,
	headers: { 'Content-Type': 'application/xml' },
});

const odataSchema = z.object({ $filter: z.string().optional(), $select: z.string().optional(), $orderby: z.string().optional() }).strict();
const format = z.enum(['CSV', 'ORC', 'PARQUET', 'AVRO', 'JSON', 'TEXTFILE']);
const options = z.object({ result_file_format: format.optional() }).strict();
// INFERENCE: API Gateway validates against the OAS schemas (no `required` lists; odata closed).
const generalV3 = z.object({ options: options.optional(), odata: odataSchema.optional() });
const withRangeV3 = generalV3.extend({
	date_time_from: z.string().datetime({ offset: true }).optional(),
	date_time_until: z.string().datetime({ offset: true }).optional(),
});

function sign(uuid: string, file: string, issuedAt: number, ttl: number): string {
	return createHmac('sha256', SIGNING_KEY).update(`${uuid}/${file}/${issuedAt}/${ttl}`).digest('hex');
}

function writeFiles(job: SaverisJob, settings: SaverisSettings): Array<{ name: string; content: Buffer }> {
	const rows = settings.duplicateRows && job.rows.length > 0 ? [...job.rows, job.rows[0]] : job.rows;
	const ext = settings.gzip ? '.gz' : '';
	if (job.format === 'JSON') {
		const n = Math.max(1, settings.jsonFiles);
		const parts: Row[][] = Array.from({ length: n }, () => []);
		rows.forEach((r, i) => parts[i % n].push(r));
		if (settings.duplicateRows && n > 1 && job.rows.length > 0) parts[1].push(job.rows[0]);
		return parts.map((part, i) => {
			const text = part.map((r) => JSON.stringify(r)).join('\n') + (part.length ? '\n' : '');
			return { name: `${job.uuid}_${i}${settings.bareFileNames ? '' : '.json'}${ext}`, content: settings.gzip ? gzipSync(text) : Buffer.from(text) };
		});
	}
	if (job.format === 'CSV') {
		if (settings.hostileResult) return [{ name: `${job.uuid}.csv.gz`, content: hostileFile(settings.hostileResult) }];
		const text = csvOf(rows);
		return [{ name: `${job.uuid}${settings.bareFileNames ? '' : '.csv'}${ext}`, content: settings.gzip ? gzipSync(text) : Buffer.from(text) }];
	}
	// Binary formats: opaque bytes (the node only stores them).
	return [{ name: `${job.uuid}.${job.format.toLowerCase()}`, content: Buffer.from(`${job.format}:${job.rows.length}`) }];
}

export async function startSaverisSimulator(opts: { port?: number; seed?: number } = {}): Promise<SaverisSimulator> {
	const state = new SaverisState();
	const settings = defaultSaverisSettings();
	let random = seededRandom(opts.seed ?? 7);
	const route = routesFor<SaverisState>();
	let baseUrl = '';

	const issueToken = (): string => {
		const now = Date.now();
		const exp = Math.floor(now / 1000) + settings.tokenTtlSeconds;
		const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: 'sim' }));
		const payload = b64url(JSON.stringify({ sub: uuidish(state.logins), 'cognito:username': SAVERIS_USERNAME, iat: Math.floor(now / 1000), exp, jti: randomUUID() }));
		const signature = createHmac('sha256', SIGNING_KEY).update(`${header}.${payload}`).digest('base64url');
		const token = `${header}.${payload}.${signature}`;
		state.tokens.set(token, exp * 1000);
		registerSecret(token);
		return token;
	};

	const links = (job: SaverisJob, expired: boolean, laterExpired = false, files = job.files): { data_urls: string[]; metadata_url: string } => {
		const url = (file: string, old: boolean) => {
			const issuedAt = old ? Date.now() - (settings.linkTtlSeconds + 60) * 1000 : Date.now();
			return `${baseUrl}/storage/${job.uuid}/${encodeURIComponent(file)}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=${issuedAt}&X-Amz-Expires=${settings.linkTtlSeconds}&X-Amz-Signature=${sign(job.uuid, file, issuedAt, settings.linkTtlSeconds)}`;
		};
		return {
			data_urls: files.map((f, i) => url(f.name, expired || (laterExpired && i > 0))),
			metadata_url: url(`${job.files[0]?.name ?? job.uuid}.metadata`, expired),
		};
	};

	const asyncRoutes: Route<SaverisState>[] = Object.entries(ASYNC_PATHS).flatMap(([path, def]) => [
		route({
			method: 'POST',
			path,
			body: def.timeBased ? withRangeV3 : generalV3.strict(),
			handler: (req) => {
				const body = (req.body ?? {}) as z.infer<typeof withRangeV3>;
				let rows: Row[];
				if (def.timeBased) {
					// OAS defaults: from = now − 1 h, until = from + 1 h.
					const from = body.date_time_from ? Date.parse(body.date_time_from) : Date.now() - 3_600_000;
					const until = body.date_time_until ? Date.parse(body.date_time_until) : from + 3_600_000;
					if (from >= until) return lambdaError(400, 'Invalid request: date_time_from must be before date_time_until.');
					// INFERENCE ([BYU] only): at most 7 days per request.
					if (until - from > 7 * 24 * 3_600_000) return lambdaError(400, 'Invalid request: the time range must not exceed 7 days.');
					// INFERENCE ([BYU] only): at least 5 minutes per request.
					if (settings.minWindow && until - from < 5 * 60_000) return lambdaError(400, 'Invalid request: the time range must be at least 5 minutes.');
					const end = settings.inclusiveUntil ? until + 1 : until;
					rows = settings.lateUploads && def.resource === 'measurement' ? lateMeasurements(settings, from, end, Date.now()) : TIMED[def.resource](from, end);
				} else {
					rows = SNAPSHOTS[def.resource];
				}
				rows = applyOdata(rows, body.odata);
				const failed = settings.failNextJobs > 0 || (settings.errorRate > 0 && random.next() < settings.errorRate);
				if (settings.failNextJobs > 0) settings.failNextJobs--;
				const job: SaverisJob = {
					uuid: randomUUID(),
					resource: def.resource,
					path,
					body: body as Record<string, unknown>,
					format: body.options?.result_file_format ?? 'CSV',
					polls: 0,
					inProgressPolls: settings.inProgressRange ? random.int(settings.inProgressRange[0], settings.inProgressRange[1]) : settings.inProgressPolls,
					outcome: failed ? settings.failedStatus : 'Completed',
					rows,
					files: [],
					submittedAt: Date.now(),
				};
				job.files = writeFiles(job, settings);
				state.jobs.set(job.uuid, job);
				return { status: 200, body: { status: 'Submitted', request_uuid: job.uuid } };
			},
		}),
		route({
			method: 'GET',
			path: `${path}/:requestUuid`,
			handler: (req) => {
				const job = state.jobs.get(req.params.requestUuid);
				// INFERENCE: the answer for an unknown request_uuid is undocumented.
				if (!job || job.path !== path) return lambdaError(404, `Request ${req.params.requestUuid} not found.`);
				job.polls++;
				if (job.polls <= job.inProgressPolls) return { status: 200, body: { status: 'In Progress' } };
				if (job.outcome !== 'Completed') return { status: 200, body: { status: job.outcome } };
				const expired = settings.expiredLinksNext > 0 || (settings.expiredLinkRate > 0 && random.next() < settings.expiredLinkRate);
				if (settings.expiredLinksNext > 0) settings.expiredLinksNext--;
				if (job.linksRefused && settings.afterExpiry === 'Error') return { status: 200, body: { status: 'Error' } };
				if (job.linksRefused && settings.afterExpiry === 'fewerLinks') {
					return { status: 200, body: { status: 'Completed', ...links(job, expired, false, job.files.slice(0, -1)) } };
				}
				const laterExpired = settings.laterLinksExpireNext > 0;
				if (laterExpired) {
					settings.laterLinksExpireNext--;
					job.linksRefused = true;
				}
				if (expired) job.linksRefused = true;
				return { status: 200, body: { status: 'Completed', ...links(job, expired, laterExpired) } };
			},
		}),
	]);

	const syncRoutes: Route<SaverisState>[] = [
		['/v2/equipments-sync', 'equipments', 'equipment'],
		['/v3/tenants-sync', 'tenants', 'tenant'],
		['/v2/devices/status-sync', 'devices_status', 'deviceStatus'],
		['/v2/sensors/status-sync', 'sensors_status', 'sensorStatus'],
		['/v1/devices/properties', 'probes', 'deviceProperties'],
	].map(([path, key, resource]) =>
		route({
			method: 'GET',
			path,
			// OAS: deprecated responses declare Deprecation / Sunset (whether sent is unknown).
			handler: () => ({ status: 200, body: { [key]: SNAPSHOTS[resource] }, headers: { Deprecation: 'true' } }),
		}),
	);

	const routes: Route<SaverisState>[] = [
		route({
			method: 'POST',
			path: '/v1/token',
			body: z.object({ username: z.string().optional(), password: z.string().optional() }),
			handler: (req) => {
				const body = (req.body ?? {}) as { username?: string; password?: string };
				if (body.username !== SAVERIS_USERNAME || body.password !== SAVERIS_PASSWORD) {
					// OAS mapping template for 400; the message is Cognito's (INFERENCE).
					return { status: 400, body: { Status: 'Error', Message: 'Incorrect username or password.' } };
				}
				state.logins++;
				const token = issueToken();
				return { status: 200, body: settings.lowercaseTokenKey ? { idToken: token } : { IdToken: token } };
			},
		}),
		route({
			method: 'GET',
			path: '/storage/:job/:file',
			handler: (req) => {
				const job = state.jobs.get(req.params.job);
				const file = job?.files.find((f) => f.name === req.params.file);
				const q = req.query as Record<string, string>;
				if (req.headers.authorization) {
					// S3 refuses a pre-signed URL sent with an Authorization header too.
					return s3Error(400, 'InvalidArgument', 'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified');
				}
				const issuedAt = Number(q['X-Amz-Date']);
				const ttl = Number(q['X-Amz-Expires']);
				if (!job || !file || q['X-Amz-Signature'] !== sign(req.params.job, req.params.file, issuedAt, ttl)) {
					return s3Error(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
				}
				if (Date.now() > issuedAt + ttl * 1000) return s3Error(403, 'AccessDenied', 'Request has expired');
				const type = file.name.endsWith('.gz') ? 'application/gzip' : file.name.includes('.csv') ? 'text/csv' : 'binary/octet-stream';
				return { status: 200, body: file.content, headers: { 'Content-Type': type } };
			},
		}),
		...asyncRoutes,
		...syncRoutes,
	];

	// API Gateway (REST API) answers a path it has no resource for with 403 "Missing Authentication
	// Token" before any authorizer runs (AWS, "API Gateway responses": MISSING_AUTHENTICATION_TOKEN),
	// and so a method it has no integration for: with or without a token, never the authorizer's 401.
	const compiled = routes.map((r) => compileRoute(r));
	const known = (req: SimRequest) => matchRoute(compiled, req.method, req.rawPath).kind === 'found';

	const sim = await createSimulator<SaverisState>({
		name: 'saveris',
		port: opts.port,
		routes,
		state,
		onReset: () => {
			state.reset();
			Object.assign(settings, defaultSaverisSettings());
			random = seededRandom(opts.seed ?? 7);
		},
		credentials: (url) => ({ username: SAVERIS_USERNAME, password: SAVERIS_PASSWORD, region: 'eu', environment: 'i', baseUrl: url }),
		authenticate: (req: SimRequest) => {
			if (req.path === '/v1/token' || req.path.startsWith('/storage/') || !known(req)) return null;
			const auth = req.headers.authorization;
			const token = typeof auth === 'string' && auth.startsWith('Bearer ') ? auth.slice(7) : undefined;
			const exp = token ? state.tokens.get(token) : undefined;
			if (exp === undefined) return problem(401, 'UNAUTHORIZED', 'Unauthorized', 'Authorization information is missing or invalid.');
			// An expired token: the current paths use a JWT custom (Lambda) authorizer, the legacy ones
			// Cognito; both answer 401 (API Gateway: a custom authorizer's "Unauthorized" is a 401; Cognito
			// user-pool authorizers answer 401 "The incoming token has expired"). Nothing in testo's OpenAPI
			// ("Data REST API" v1.0, gateway responses) documents a 403 for it. Modelled as the less convenient
			// reading: the same 401 as an unknown token, so the client cannot tell expiry from revocation.
			if (Date.now() >= exp) return problem(401, 'UNAUTHORIZED', 'Unauthorized', 'Authorization information is missing or invalid.');
			return null;
		},
		// API Gateway answers unknown paths and methods with 403 "Missing Authentication Token".
		notFound: () => problem(403, 'MISSING_AUTHENTICATION_TOKEN', 'Missing Authentication Token'),
		methodNotAllowed: () => problem(403, 'MISSING_AUTHENTICATION_TOKEN', 'Missing Authentication Token'),
		invalidRequest: (_req, p) => problem(400, 'BAD_REQUEST_BODY', 'Invalid request body', p.issues.join('; ')),
		internalError: () => lambdaError(500, 'Internal server error'),
	});
	baseUrl = sim.url;
	return Object.assign(sim, {
		settings,
		username: SAVERIS_USERNAME,
		password: SAVERIS_PASSWORD,
		expireAllTokens: () => {
			for (const token of state.tokens.keys()) state.tokens.set(token, Date.now() - 1);
		},
		issueToken,
	});
}

function uuidish(n: number): string {
	return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}
