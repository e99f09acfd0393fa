// Cliniko's public OpenAPI document (specs/cliniko-openapi.yaml at the repository root, copied from
// https://docs.api.cliniko.com/_spec/openapi.yaml) is the simulator's contract, as it is the node's
// (scripts/generate-cliniko.js generates nodes/Cliniko/generated/spec.json from it): every route, every
// request body and every q[] filter table comes from it. It is parsed once per process.
//
// Parsing 500 kB of YAML with the `yaml` package takes about a second, which alone would blow the
// simulator's start-up budget. The parsed document is therefore also kept as JSON in
// node_modules/.cache (keyed by the YAML's SHA-1, written atomically), so every later process only
// pays a JSON.parse (~10 ms). Delete the cache folder, or edit the YAML, and it is parsed again.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { HttpMethod } from '../core';

export interface OpenApiSchema {
	$ref?: string;
	type?: string;
	format?: string;
	nullable?: boolean;
	enum?: unknown[];
	properties?: Record<string, OpenApiSchema>;
	required?: string[];
	items?: OpenApiSchema;
	allOf?: OpenApiSchema[];
	anyOf?: OpenApiSchema[];
	oneOf?: OpenApiSchema[];
	additionalProperties?: boolean | OpenApiSchema;
	minimum?: number;
	maximum?: number;
	exclusiveMinimum?: boolean | number;
	exclusiveMaximum?: boolean | number;
	minLength?: number;
	maxLength?: number;
	minItems?: number;
	maxItems?: number;
	pattern?: string;
	example?: unknown;
	default?: unknown;
	deprecated?: boolean;
	description?: string;
}

export interface OpenApiParameter {
	$ref?: string;
	name: string;
	in: 'query' | 'path' | 'header' | 'cookie';
	required?: boolean;
	deprecated?: boolean;
	description?: string;
	schema?: OpenApiSchema;
}

interface OpenApiOperation {
	operationId: string;
	summary?: string;
	deprecated?: boolean;
	parameters?: OpenApiParameter[];
	requestBody?: { $ref?: string; required?: boolean; content?: Record<string, { schema: OpenApiSchema }> };
	responses: Record<string, { $ref?: string; description?: string; content?: Record<string, { schema: OpenApiSchema }> }>;
}

export interface OpenApiDocument {
	openapi: string;
	info: { title: string; version: string };
	paths: Record<string, Partial<Record<'get' | 'post' | 'patch' | 'put' | 'delete', OpenApiOperation>>>;
	components: {
		schemas: Record<string, OpenApiSchema>;
		parameters: Record<string, OpenApiParameter>;
		requestBodies: Record<string, { required?: boolean; content: Record<string, { schema: OpenApiSchema }> }>;
		responses: Record<string, { content?: Record<string, { schema: OpenApiSchema }> }>;
	};
}

/** The q[] field types of the spec's "| Value | Format |" tables. */
export type FilterFormat = 'date' | 'date-time' | 'int64' | 'integer' | 'string' | 'boolean' | 'array';

export interface SpecOperation {
	method: HttpMethod;
	/** The spec's path, e.g. `/patients/{id}` (without the `/v1` base). */
	path: string;
	/** The framework's route path, e.g. `/v1/patients/:id`. */
	routePath: string;
	operationId: string;
	summary: string;
	deprecated: boolean;
	pathParams: string[];
	/** Query parameters other than q[] (page, per_page, sort, order, from, to), resolved. */
	queryParams: OpenApiParameter[];
	/** Fields and types of the operation's q[] table; null when the operation takes no q[]. */
	filters: Map<string, FilterFormat> | null;
	/** The JSON request body schema, when the operation has one. */
	requestBody: OpenApiSchema | null;
	/** The first 2xx status the spec documents (201 create, 204 archive, 200 otherwise). */
	successStatus: number;
	/** The schema of that success response (null for 204). */
	responseSchema: OpenApiSchema | null;
}

const SPEC_FILE_NAME = 'cliniko-openapi.yaml';

/** Where the YAML lives: specs/ at the repository root, found from here also when running from the compiled .build/ copy. */
export function clinikoSpecFile(): string {
	let dir = __dirname;
	for (;;) {
		const candidate = path.join(dir, 'specs', SPEC_FILE_NAME);
		if (fs.existsSync(candidate)) return candidate;
		const parent = path.dirname(dir);
		if (parent === dir) throw new Error(`Cliniko simulator: specs/${SPEC_FILE_NAME} not found from ${__dirname}`);
		dir = parent;
	}
}

function cacheFile(specFile: string, hash: string): string {
	const root = path.resolve(path.dirname(specFile), '..');
	return path.join(root, 'node_modules', '.cache', 'n8n-nodes-saas-connectors', `cliniko-openapi-${hash}.json`);
}

let cachedDocument: OpenApiDocument | undefined;

/** The parsed OpenAPI document (one parse per process; see the file comment for the disk cache). */
export function loadClinikoSpec(): OpenApiDocument {
	if (cachedDocument) return cachedDocument;
	const file = clinikoSpecFile();
	const text = fs.readFileSync(file, 'utf8');
	const hash = createHash('sha1').update(text).digest('hex').slice(0, 16);
	const cache = cacheFile(file, hash);
	try {
		cachedDocument = JSON.parse(fs.readFileSync(cache, 'utf8')) as OpenApiDocument;
		return cachedDocument;
	} catch {
		// No cache yet (or a torn one): parse the YAML.
	}
	// Loaded only on a cache miss: the yaml package alone takes ~100 ms to load.
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { parse } = require('yaml') as typeof import('yaml');
	const parsed = parse(text) as OpenApiDocument;
	try {
		fs.mkdirSync(path.dirname(cache), { recursive: true });
		const temp = `${cache}.${process.pid}.tmp`;
		fs.writeFileSync(temp, JSON.stringify(parsed));
		fs.renameSync(temp, cache);
	} catch {
		// A read-only tree only costs the next process another parse.
	}
	cachedDocument = parsed;
	return parsed;
}

/** Follows a local `#/components/...` reference. */
export function resolveRef<T = OpenApiSchema>(doc: OpenApiDocument, ref: string): T {
	if (!ref.startsWith('#/')) throw new Error(`Cliniko simulator: unsupported $ref ${ref}`);
	let node: unknown = doc;
	for (const part of ref.slice(2).split('/')) {
		node = (node as Record<string, unknown> | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
	}
	if (node === undefined) throw new Error(`Cliniko simulator: dangling $ref ${ref}`);
	return node as T;
}

/** Resolves a schema's top-level $ref chain (not nested ones). */
export function deref(doc: OpenApiDocument, schema: OpenApiSchema): OpenApiSchema {
	let current = schema;
	for (let guard = 0; current.$ref && guard < 20; guard++) current = resolveRef(doc, current.$ref);
	return current;
}

const FORMATS: Record<string, FilterFormat> = {
	date: 'date',
	'date-time': 'date-time',
	int64: 'int64',
	integer: 'integer',
	string: 'string',
	boolean: 'boolean',
	array: 'array',
};

/**
 * The filter table of a q[] parameter description:
 *
 *   | Value | Format |
 *   |---|---|
 *   | archived_at | [date-time](/#datetime-filter-operators) |
 */
export function parseFilterTable(description: string): Map<string, FilterFormat> {
	const table = new Map<string, FilterFormat>();
	for (const match of description.matchAll(/^\|\s*([A-Za-z0-9_]+)\s*\|\s*\[?([A-Za-z0-9-]+)\]?[^|]*\|\s*$/gm)) {
		const [, field, format] = match;
		if (field === 'Value') continue;
		const known = FORMATS[format];
		if (!known) throw new Error(`Cliniko simulator: unknown q[] format "${format}" for ${field}`);
		table.set(field, known);
	}
	return table;
}

const METHODS = ['get', 'post', 'patch', 'put', 'delete'] as const;

let cachedOperations: SpecOperation[] | undefined;

/** Every operation of the spec (211: 137 paths, 27 of the operations deprecated), in spec order. */
export function clinikoOperations(): SpecOperation[] {
	if (cachedOperations) return cachedOperations;
	const doc = loadClinikoSpec();
	const operations: SpecOperation[] = [];
	for (const [specPath, item] of Object.entries(doc.paths)) {
		for (const method of METHODS) {
			const op = item[method];
			if (!op) continue;
			const parameters = (op.parameters ?? []).map((p) => (p.$ref ? resolveRef<OpenApiParameter>(doc, p.$ref) : p));
			const qParam = parameters.find((p) => p.in === 'query' && p.name === 'q[]');
			let requestBody: OpenApiSchema | null = null;
			if (op.requestBody) {
				const body = op.requestBody.$ref ? resolveRef<{ content: Record<string, { schema: OpenApiSchema }> }>(doc, op.requestBody.$ref) : op.requestBody;
				requestBody = body.content?.['application/json']?.schema ?? null;
			}
			const success = Object.keys(op.responses)
				.filter((code) => /^2\d\d$/.test(code))
				.sort()[0];
			if (!success) throw new Error(`Cliniko simulator: ${op.operationId} documents no 2xx answer`);
			const response = op.responses[success];
			const responseSchema = response.content?.['application/json']?.schema ?? null;
			operations.push({
				method: method.toUpperCase() as HttpMethod,
				path: specPath,
				routePath: `/v1${specPath.replace(/\{([^}]+)\}/g, ':$1')}`,
				operationId: op.operationId,
				summary: op.summary ?? '',
				deprecated: op.deprecated === true,
				pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
				queryParams: parameters.filter((p) => p.in === 'query' && p.name !== 'q[]'),
				filters: qParam ? parseFilterTable(qParam.description ?? '') : null,
				requestBody,
				successStatus: Number(success),
				responseSchema,
			});
		}
	}
	cachedOperations = operations;
	return operations;
}
