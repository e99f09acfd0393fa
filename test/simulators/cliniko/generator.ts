// Values generated from the spec's schemas, for fields no hand-written seed sets: the `example` when
// the spec gives one, otherwise a plausible value for the property's name, format and type that
// satisfies the schema (enums, patterns, bounds). Deterministic: the caller passes the seeded PRNG.
import type { SeededRandom } from '../core';
import { rubyPattern } from './openapi-zod';
import { deref, loadClinikoSpec, type OpenApiSchema } from './spec';

const WORDS = [
	'review',
	'follow-up',
	'assessment',
	'mobility',
	'strength',
	'posture',
	'recovery',
	'program',
	'exercise',
	'referral',
	'progress',
	'plan',
	'summary',
	'consent',
	'history',
];

function sentence(rng: SeededRandom, words = 4): string {
	const out = Array.from({ length: words }, () => rng.pick(WORDS));
	return out.join(' ').replace(/^./, (c) => c.toUpperCase());
}

export function uuid(rng: SeededRandom): string {
	const hex = rng.string(32, '0123456789abcdef');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function boundedInteger(schema: OpenApiSchema, rng: SeededRandom): number {
	let min = schema.minimum ?? 0;
	let max = schema.maximum ?? Math.max(min + 10, 10);
	if (schema.exclusiveMinimum === true) min += 1;
	if (schema.exclusiveMaximum === true) max -= 1;
	return rng.int(min, Math.min(max, min + 20));
}

export interface GenerateContext {
	rng: SeededRandom;
	/** ISO timestamp used for date/date-time fields. */
	at: string;
}

/** A value for one property; `null` only where the schema allows it and nothing better is known. */
export function generateValue(name: string, raw: OpenApiSchema, ctx: GenerateContext, depth = 0): unknown {
	const doc = loadClinikoSpec();
	const schema = deref(doc, raw);
	const { rng } = ctx;
	if (schema.anyOf || schema.oneOf) return generateValue(name, (schema.anyOf ?? schema.oneOf)![0], ctx, depth + 1);
	if (schema.allOf) {
		return Object.assign({}, ...schema.allOf.map((part) => generateValue(name, part, ctx, depth + 1) as object));
	}
	if (schema.enum && schema.enum.length > 0) {
		const values = schema.enum.filter((v) => v !== null && v !== '');
		return values.length > 0 ? rng.pick(values) : schema.enum[0];
	}
	if (schema.example !== undefined && schema.format !== 'uuid' && !/(^|_)id$/.test(name)) return structuredClone(schema.example);
	switch (schema.type) {
		case 'boolean':
			return rng.next() < 0.5;
		case 'integer':
			return boundedInteger(schema, rng);
		case 'number':
			return rng.float(5, 200, 2);
		case 'array': {
			if (!schema.items || depth > 4) return [];
			const items = deref(doc, schema.items);
			if (items.format === 'int64') return [];
			return [generateValue(name.replace(/s$/, ''), items, ctx, depth + 1)];
		}
		case 'object':
		case undefined: {
			if (!schema.properties) return {};
			const out: Record<string, unknown> = {};
			for (const [prop, sub] of Object.entries(schema.properties)) out[prop] = generateValue(prop, sub, ctx, depth + 1);
			return out;
		}
		case 'string':
			return generateString(name, schema, ctx);
		default:
			return null;
	}
}

function generateString(name: string, schema: OpenApiSchema, ctx: GenerateContext): string | null {
	const { rng } = ctx;
	switch (schema.format) {
		case 'date-time':
			return ctx.at;
		case 'date':
			return ctx.at.slice(0, 10);
		case 'int64':
			return schema.nullable ? null : '1';
		case 'decimal': {
			const min = Math.max(schema.minimum ?? 0, 0);
			return (min + rng.int(1, 20) * 5).toFixed(2);
		}
		case 'uri':
			return `https://example.com/cliniko/${name}/${rng.string(8, 'abcdefghijklmnopqrstuvwxyz0123456789')}`;
		case 'uuid':
			return uuid(rng);
		case 'ipv4':
			return `10.0.${rng.int(0, 255)}.${rng.int(1, 254)}`;
		case 'time':
			return `${String(rng.int(8, 17)).padStart(2, '0')}:00`;
		case 'phone':
			return `04${rng.string(8, '0123456789')}`;
		case 'integer':
			return String(rng.int(1, 100));
		default:
			break;
	}
	if (schema.pattern) {
		const pattern = rubyPattern(schema.pattern);
		for (const candidate of [`${name.replace(/_/g, '.')}@example.com`, `#${rng.string(6, '0123456789abcdef')}`, 'NX123456']) {
			if (pattern.test(candidate)) return candidate;
		}
		return schema.nullable ? null : '';
	}
	let text: string;
	if (/email/.test(name)) text = `${name.replace(/_/g, '.')}@example.com`;
	else if (/color|colour/.test(name)) text = `#${rng.string(6, '0123456789abcdef')}`;
	else if (name === 'time_zone') text = 'Melbourne';
	else if (name === 'time_zone_identifier') text = 'Australia/Melbourne';
	else if (name === 'country_code') text = 'AU';
	else if (name === 'country') text = 'Australia';
	else if (/name|title|label/.test(name)) text = sentence(rng, 2);
	else if (/notes|description|content|information|text|policy|comment|message/.test(name)) text = sentence(rng, 6);
	else text = sentence(rng, 2);
	if (schema.maxLength !== undefined) text = text.slice(0, schema.maxLength);
	if (schema.minLength !== undefined && text.length < schema.minLength) text = text.padEnd(schema.minLength, 'x');
	return text;
}
