// A named deviation from the provider layout: parse/ sits beside transport/, not inside it. It holds
// no API quirk but the formats of the result files an export job writes (CSV or newline-delimited
// JSON, gzip or not, streamed, under size and row limits); the job itself (submit, status,
// download) is transport/jobs.ts, which hands each downloaded file to parseFile below.

import type { IDataObject } from 'n8n-workflow';

import type { ExportResource } from '../resources/definitions';
import type { ChunkParser } from './chunks';
import { streamRecords } from './chunks';
import { CsvParser } from './csv';
import { decodeText, maybeGunzip } from './gzip';
import { JsonRecordParser } from './json';
import type { FailFn } from './json';
import { ResultBudget } from './limits';

export type ParsableFormat = 'CSV' | 'JSON';
export type FileKind = ParsableFormat | 'Parquet' | 'ORC' | 'Avro' | 'Text File';

const startsWith = (head: Uint8Array, text: string) => head.length >= text.length && [...text].every((c, i) => head[i] === c.charCodeAt(0));

/**
 * The format of a (decompressed) result file from its first bytes. testo's OpenAPI document does not name the files, and
 * a result can be fetched with any File Format chosen (Get Export Results), so the content decides:
 * the binary formats' magic numbers, NDJSON's opening brace, otherwise CSV (whose header starts with
 * a column name, quoted or not).
 */
export function formatOf(head: Uint8Array): FileKind {
	if (startsWith(head, 'PAR1')) return 'Parquet';
	if (startsWith(head, 'ORC')) return 'ORC';
	if (startsWith(head, 'Obj\x01')) return 'Avro';
	let i = 0;
	if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) i = 3; // UTF-8 byte-order mark
	while (i < head.length && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d)) i++;
	if (head[i] === 0x7b || head[i] === 0x5b) return 'JSON';
	// Athena's TEXTFILE separates fields with \x01 by default.
	const lineEnd = head.indexOf(0x0a, i);
	return head.subarray(i, lineEnd < 0 ? head.length : lineEnd).includes(0x01) ? 'Text File' : 'CSV';
}

const PEEK_BYTES = 64;

const isBlank = (b: number) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0xef || b === 0xbb || b === 0xbf;

/** The first bytes of a stream (at least PEEK_BYTES, or up to the first non-blank one), and the whole stream. */
async function peek(source: AsyncIterable<Uint8Array>): Promise<{ head: Uint8Array; bytes: AsyncIterable<Uint8Array> }> {
	const iterator = source[Symbol.asyncIterator]();
	const chunks: Uint8Array[] = [];
	let head = new Uint8Array(0);
	let done = false;
	while (!done && head.length < 4096 && (head.length < PEEK_BYTES || head.every(isBlank))) {
		const next = await iterator.next();
		if (next.done) {
			done = true;
			break;
		}
		chunks.push(next.value);
		const joined = new Uint8Array(head.length + next.value.length);
		joined.set(head);
		joined.set(next.value, head.length);
		head = joined.subarray(0, 4096);
	}
	async function* all(): AsyncGenerator<Uint8Array> {
		for (const chunk of chunks) yield chunk;
		if (done) return;
		for (;;) {
			const next = await iterator.next();
			if (next.done) return;
			yield next.value;
		}
	}
	return { head, bytes: all() };
}

/** The parser for the kind a file turns out to be, chosen once its first bytes are seen. */
class ParserOfKind implements ChunkParser<IDataObject> {
	parser: ChunkParser<IDataObject> | undefined;

	push(chunk: string, out: IDataObject[]): void {
		this.parser?.push(chunk, out);
	}

	end(out: IDataObject[]): void {
		this.parser?.end(out);
	}
}

/**
 * Bytes of one result file (gzip or not) to records, streamed. The budget (shared by all files of
 * one item) counts the bytes after decompression and the rows, and stops past its limits.
 */
export function parseFile(
	bytes: AsyncIterable<Uint8Array>,
	format: ParsableFormat | 'detect',
	fail?: FailFn,
	budget = new ResultBudget(),
): AsyncIterableIterator<IDataObject> {
	const byKind = new ParserOfKind();
	async function* text(): AsyncGenerator<string> {
		let plain: AsyncIterable<Uint8Array> = budget.count(maybeGunzip(bytes));
		let kind: FileKind = format === 'detect' ? 'CSV' : format;
		if (format === 'detect') {
			const peeked = await peek(plain);
			plain = peeked.bytes;
			kind = formatOf(peeked.head);
			if (kind !== 'CSV' && kind !== 'JSON') {
				const message = `The file is ${kind}, which cannot be turned into items; choose the "Binary Files" output`;
				if (fail) throw fail(message);
				throw new Error(message);
			}
		}
		byKind.parser = kind === 'CSV' ? new CsvParser(budget) : new JsonRecordParser(fail, budget);
		yield* decodeText(plain);
	}
	// The records go to the reader one by one without a generator step each (see RecordStream).
	return streamRecords(byKind, text(), () => budget.row());
}

function toNumber(value: unknown): unknown {
	if (typeof value !== 'string') return value;
	const text = value.trim();
	if (text === '') return null;
	const n = Number(text);
	return Number.isFinite(n) ? n : value;
}

function toBoolean(value: unknown): unknown {
	if (typeof value === 'boolean') return value;
	if (typeof value === 'number') return value !== 0;
	if (typeof value !== 'string') return value;
	const text = value.trim().toLowerCase();
	if (text === 'true' || text === '1') return true;
	if (text === 'false' || text === '0') return false;
	if (text === '') return null;
	return value;
}

function toJson(value: unknown): unknown {
	if (typeof value !== 'string') return value;
	const text = value.trim();
	if (text === '') return null;
	try {
		return JSON.parse(text);
	} catch {
		return value;
	}
}

/**
 * Types a row by the resource's documented columns; anything unparsable is kept as text. The row is
 * typed in place and returned: parseFile's rows are fresh objects, and copying each one first was
 * a tenth of the parsing time (issue 17).
 */
export function typeRow(row: IDataObject, resource: ExportResource): IDataObject {
	for (const key of resource.numbers) if (key in row) row[key] = toNumber(row[key]) as IDataObject[string];
	for (const key of resource.booleans) if (key in row) row[key] = toBoolean(row[key]) as IDataObject[string];
	for (const key of resource.json) if (key in row) row[key] = toJson(row[key]) as IDataObject[string];
	return row;
}
