// OpenAPI 3.0 schemas → zod, for the subset Cliniko's document uses: $ref, allOf/anyOf/oneOf,
// nullable, enums, string formats (int64 and decimal are strings, date, date-time, uri, uuid, ipv4,
// time, phone), patterns (written for Ruby), numeric bounds with 3.0's boolean exclusive flags,
// arrays, objects and additionalProperties.
//
// Two uses:
// - request bodies, `unknownKeys: 'strict'`: a property the spec does not have is an issue
//   (`unrecognized_keys`) at any depth, so a node sending a field Cliniko does not know fails its test;
// - the simulator's own answers, in tests (`unknownKeys: 'strict'`, `nullableLinks: true`): proves
//   every record it renders has exactly the documented fields and types.
// `unknownKeys: 'strip'` gives the same schema minus the unknown-key check (used to drop unknown
// fields from a body that is otherwise fine, as Rails' parameter filtering does); `coerce: true`
// also accepts what Rails' attribute type casting would turn into the documented type (an ID or a
// decimal sent as a JSON number, an integer or boolean sent as a string) and converts it.
import { z, type ZodTypeAny } from 'zod';
import { deref, type OpenApiDocument, type OpenApiSchema } from './spec';

export interface ZodOptions {
	unknownKeys: 'strict' | 'strip';
	/**
	 * Link objects (`{links: {self}}`) and int64 `*_id` properties may be null. The spec never marks
	 * them nullable, but a record without the relation (an appointment without a patient case, a
	 * product without a supplier) can only render it as null.
	 */
	nullableLinks?: boolean;
	/** Accept and convert values Rails would type-cast (see the file comment). */
	coerce?: boolean;
}

export const INT64 = /^\d{1,19}$/;
export const DECIMAL = /^-?\d+(\.\d+)?$/;
export const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** ISO 8601 with a zone (Cliniko wants UTC `Z`; an explicit offset is still a valid date-time). */
export const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/;

export function isValidDate(value: string): boolean {
	if (!DATE.test(value)) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export function isValidDateTime(value: string): boolean {
	return DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)) && isValidDate(value.slice(0, 10));
}

function isUri(value: string): boolean {
	try {
		return new URL(value).protocol.length > 1;
	} catch {
		return false;
	}
}

/**
 * The spec's patterns are Ruby regexes: `\h` is a hex digit, `\A`/`\z` anchor. The e-mail pattern
 * lists only `A-Z` because Ruby applies it case-insensitively, so a pattern with upper-case ranges
 * and no lower-case ones is compiled with the `i` flag.
 */
export function rubyPattern(source: string): RegExp {
	const js = source.replace(/\\h/g, '[0-9A-Fa-f]').replace(/\\A/g, '^').replace(/\\[zZ]/g, '$');
	const caseless = /A-Z/.test(js) && !/a-z/.test(js);
	return new RegExp(js, caseless ? 'i' : '');
}

function isLinkObject(schema: OpenApiSchema): boolean {
	return schema.type === 'object' && !!schema.properties && Object.keys(schema.properties).length === 1 && 'links' in schema.properties;
}

function exclusive(flag: boolean | number | undefined, bound: number | undefined): { value: number; exclusive: boolean } | undefined {
	if (typeof flag === 'number') return { value: flag, exclusive: true }; // OpenAPI 3.1 style
	if (bound === undefined) return undefined;
	return { value: bound, exclusive: flag === true };
}

function numericBounds(schema: OpenApiSchema) {
	return { min: exclusive(schema.exclusiveMinimum, schema.minimum), max: exclusive(schema.exclusiveMaximum, schema.maximum) };
}

function checkBounds(value: number, schema: OpenApiSchema, ctx: z.RefinementCtx): void {
	const { min, max } = numericBounds(schema);
	if (min && (min.exclusive ? value <= min.value : value < min.value)) {
		ctx.addIssue({ code: z.ZodIssueCode.too_small, type: 'number', minimum: min.value, inclusive: !min.exclusive });
	}
	if (max && (max.exclusive ? value >= max.value : value > max.value)) {
		ctx.addIssue({ code: z.ZodIssueCode.too_big, type: 'number', maximum: max.value, inclusive: !max.exclusive });
	}
}

function stringSchema(schema: OpenApiSchema, coerce: boolean): ZodTypeAny {
	const strict = stringSchemaStrict(schema);
	if (coerce && (schema.format === 'int64' || schema.format === 'decimal')) {
		const fromNumber = z.number().transform((n) => String(n));
		return z.union([strict, fromNumber.pipe(strict)]);
	}
	return strict;
}

function stringSchemaStrict(schema: OpenApiSchema): ZodTypeAny {
	if (schema.enum) {
		const values = schema.enum.filter((v): v is string => typeof v === 'string');
		if (values.length > 0) return z.enum(values as [string, ...string[]]);
	}
	let s = z.string();
	if (schema.minLength !== undefined) s = s.min(schema.minLength);
	if (schema.maxLength !== undefined) s = s.max(schema.maxLength);
	if (schema.pattern) s = s.regex(rubyPattern(schema.pattern));
	switch (schema.format) {
		case 'int64':
			return s.regex(INT64, 'must be an int64 ID as a string of digits');
		case 'decimal':
			return s.regex(DECIMAL, 'must be a decimal number as a string').superRefine((value, ctx) => checkBounds(Number(value), schema, ctx));
		case 'date':
			return s.refine(isValidDate, 'must be a date (YYYY-MM-DD)');
		case 'date-time':
			return s.refine(isValidDateTime, 'must be an ISO 8601 date-time with a zone (e.g. 2024-05-01T09:00:00Z)');
		case 'uri':
			return s.refine(isUri, 'must be an absolute URI');
		case 'uuid':
			return s.regex(UUID, 'must be a UUID');
		case 'ipv4':
			return s.refine((v) => IPV4.test(v) && v.split('.').every((n) => Number(n) <= 255), 'must be an IPv4 address');
		case 'time':
			return s.regex(TIME, 'must be a time (HH:MM)');
		case 'integer':
			return s.regex(/^-?\d+$/, 'must be an integer as a string');
		default:
			return s; // phone and unformatted strings
	}
}

function numberSchema(schema: OpenApiSchema, integer: boolean, coerce: boolean): ZodTypeAny {
	const strict = numberSchemaStrict(schema, integer);
	if (!coerce) return strict;
	const fromString = z
		.string()
		.regex(integer ? /^-?\d+$/ : /^-?\d+(\.\d+)?$/)
		.transform(Number);
	return z.union([strict, fromString.pipe(strict)]);
}

function numberSchemaStrict(schema: OpenApiSchema, integer: boolean): ZodTypeAny {
	if (schema.enum) {
		const values = schema.enum.filter((v): v is number => typeof v === 'number');
		if (values.length > 0) {
			return z.number().refine((v) => values.includes(v), { message: `must be one of ${values.join(', ')}`, params: { enum: true } });
		}
	}
	const base = integer ? z.number().int() : z.number();
	return base.superRefine((value, ctx) => checkBounds(value, schema, ctx));
}

function union(options: ZodTypeAny[]): ZodTypeAny {
	if (options.length === 1) return options[0];
	return z.union(options as [ZodTypeAny, ZodTypeAny, ...ZodTypeAny[]]);
}

/** Converts schemas of one document; results are cached per `$ref` and option set. */
export class OpenApiZod {
	private readonly refs = new Map<string, ZodTypeAny>();

	constructor(
		private readonly doc: OpenApiDocument,
		private readonly options: ZodOptions,
	) {}

	convert(schema: OpenApiSchema): ZodTypeAny {
		if (schema.$ref) {
			const cached = this.refs.get(schema.$ref);
			if (cached) return cached;
			const ref = schema.$ref;
			// z.lazy keeps a (hypothetical) recursive schema from looping while it is being built.
			let built: ZodTypeAny | undefined;
			const lazy = z.lazy(() => (built ??= this.convert(deref(this.doc, { $ref: ref }))));
			this.refs.set(ref, lazy);
			return lazy;
		}
		const inner = this.convertInline(schema);
		return schema.nullable ? inner.nullable() : inner;
	}

	private convertInline(schema: OpenApiSchema): ZodTypeAny {
		if (schema.allOf) return this.allOf(schema.allOf);
		if (schema.anyOf) return union(schema.anyOf.map((s) => this.convert(s)));
		// oneOf as "any of": the question/field variants overlap, so "exactly one" would reject valid data.
		if (schema.oneOf) return union(schema.oneOf.map((s) => this.convert(s)));
		switch (schema.type) {
			case 'string':
				return stringSchema(schema, this.options.coerce === true);
			case 'integer':
				return numberSchema(schema, true, this.options.coerce === true);
			case 'number':
				return numberSchema(schema, false, this.options.coerce === true);
			case 'boolean':
				return this.options.coerce ? z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]) : z.boolean();
			case 'array': {
				let array = z.array(schema.items ? this.convert(schema.items) : z.unknown());
				if (schema.minItems !== undefined) array = array.min(schema.minItems);
				if (schema.maxItems !== undefined) array = array.max(schema.maxItems);
				return array;
			}
			case 'object':
				return this.object(schema);
			default:
				return schema.properties ? this.object(schema) : z.unknown();
		}
	}

	private object(schema: OpenApiSchema): ZodTypeAny {
		const properties = schema.properties;
		if (!properties) {
			// A free-form object (`type: object` and nothing else), or a map of additionalProperties.
			const values = typeof schema.additionalProperties === 'object' ? this.convert(schema.additionalProperties) : z.unknown();
			return z.record(values);
		}
		const required = new Set(schema.required ?? []);
		const shape: Record<string, ZodTypeAny> = {};
		for (const [name, property] of Object.entries(properties)) {
			let converted = this.convert(property);
			const resolved = deref(this.doc, property);
			if (this.options.nullableLinks && (isLinkObject(resolved) || (resolved.format === 'int64' && name.endsWith('_id')))) converted = converted.nullable();
			shape[name] = required.has(name) ? converted : converted.optional();
		}
		const object = z.object(shape);
		if (typeof schema.additionalProperties === 'object') return object.catchall(this.convert(schema.additionalProperties));
		if (schema.additionalProperties === true) return object.passthrough();
		return this.options.unknownKeys === 'strict' ? object.strict() : object.strip();
	}

	private allOf(parts: OpenApiSchema[]): ZodTypeAny {
		const resolved = parts.map((p) => deref(this.doc, p));
		if (resolved.every((p) => p.type === 'object' || p.properties)) {
			// Merge into one object so that strict mode does not reject each part's keys in the others.
			const merged: OpenApiSchema = { type: 'object', properties: {}, required: [] };
			for (const part of resolved) {
				Object.assign(merged.properties!, part.properties);
				merged.required!.push(...(part.required ?? []));
				if (part.additionalProperties !== undefined) merged.additionalProperties = part.additionalProperties;
			}
			return this.object(merged);
		}
		return resolved.map((p) => this.convert(p)).reduce((a, b) => z.intersection(a, b));
	}
}
