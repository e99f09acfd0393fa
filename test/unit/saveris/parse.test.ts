import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';

import { parseCsv } from '../../../nodes/Saveris/parse/csv';
import { decodeText, isGzip, maybeGunzip } from '../../../nodes/Saveris/parse/gzip';
import { formatOf, parseFile, typeRow } from '../../../nodes/Saveris/parse';
import { parseJsonRecords } from '../../../nodes/Saveris/parse/json';
import { ResultBudget } from '../../../nodes/Saveris/parse/limits';
import { exportResource } from '../../../nodes/Saveris/resources/definitions';
import { chunks, collect } from '../../helpers/streams';

async function* strings(...parts: string[]): AsyncGenerator<string> {
	yield* parts;
}

describe('CSV parser', () => {
	it('reads a quoted header row and quoted fields with commas, quotes and line breaks', async () => {
		const csv = '"uuid","content","n"\r\n"a","x, ""y""\nz","1"\r\n"b","","2"\n';
		expect(await collect(parseCsv(strings(csv)))).toEqual([
			{ uuid: 'a', content: 'x, "y"\nz', n: '1' },
			{ uuid: 'b', content: '', n: '2' },
		]);
	});

	it('gives the same rows however the text is chunked (one character at a time too)', async () => {
		const csv = '"a","b"\n"1,2","say ""hi"""\n3,4\n';
		const whole = await collect(parseCsv(strings(csv)));
		const split = await collect(parseCsv(strings(...csv.split(''))));
		expect(split).toEqual(whole);
		expect(whole).toEqual([
			{ a: '1,2', b: 'say "hi"' },
			{ a: '3', b: '4' },
		]);
	});

	it('handles a missing final newline, blank lines and unquoted values', async () => {
		expect(await collect(parseCsv(strings('a,b\n\n1,2')))).toEqual([{ a: '1', b: '2' }]);
	});

	it('keeps multi-byte UTF-8 intact across chunk borders and drops a BOM', async () => {
		const text = '\ufeff"unit"\n"°C"\n';
		const rows = await collect(parseCsv(decodeText(chunks(text, 1))));
		expect(rows).toEqual([{ unit: '°C' }]);
	});
});

describe('gzip detection', () => {
	it('looks at the magic bytes 1F 8B', () => {
		expect(isGzip(new Uint8Array([0x1f, 0x8b, 8]))).toBe(true);
		expect(isGzip(new Uint8Array([0x22, 0x61]))).toBe(false);
		expect(isGzip(new Uint8Array([0x1f]))).toBe(false);
	});

	it('gunzips a gzip stream and passes plain bytes through, in small chunks', async () => {
		const text = '"a"\n"1"\n'.repeat(1000);
		const plain = Buffer.concat((await collect(maybeGunzip(chunks(text, 7)))).map((c) => Buffer.from(c)));
		expect(plain.toString()).toBe(text);
		const unzipped = Buffer.concat((await collect(maybeGunzip(chunks(gzipSync(text), 5)))).map((c) => Buffer.from(c)));
		expect(unzipped.toString()).toBe(text);
	});

	it('parses a gzip CSV file and a gzip NDJSON file', async () => {
		expect(await collect(parseFile(chunks(gzipSync('"a","b"\n"1","2"\n'), 3), 'CSV'))).toEqual([{ a: '1', b: '2' }]);
		expect(await collect(parseFile(chunks(gzipSync('{"a":1}\n{"a":2}\n'), 4), 'JSON'))).toEqual([{ a: 1 }, { a: 2 }]);
	});

	it('an empty file gives no rows', async () => {
		expect(await collect(parseFile(chunks('', 3), 'CSV'))).toEqual([]);
		expect(await collect(parseFile(chunks('', 3), 'JSON'))).toEqual([]);
	});
});

describe('JSON parser', () => {
	it('reads NDJSON line by line (CRLF too) and a JSON array whole', async () => {
		expect(await collect(parseJsonRecords(strings('{"a":1}\r\n', '\n{"a"', ':2}')))).toEqual([{ a: 1 }, { a: 2 }]);
		expect(await collect(parseJsonRecords(strings('  [{"a":1},', '{"a":2}]')))).toEqual([{ a: 1 }, { a: 2 }]);
	});

	it('names the broken line', async () => {
		await expect(collect(parseJsonRecords(strings('{"a":1}\n{oops}\n')))).rejects.toThrow('Line 2 of the JSON result file is not valid JSON');
	});
});

describe('row typing', () => {
	it('types numbers, booleans and JSON-text columns by resource; leaves the rest', () => {
		const mo = exportResource('measuringObject')!;
		expect(typeRow({ mo_uuid: 'x', channel_assignments: '[{"channel_id":1}]', measuring_instructions: 'not json' }, mo)).toEqual({
			mo_uuid: 'x',
			channel_assignments: [{ channel_id: 1 }],
			measuring_instructions: 'not json',
		});
		const task = exportResource('executedTask')!;
		expect(typeRow({ has_corrective_action: 'true', marked_as_deleted: '0', sequence_no: '3', serial_no_tablet: '0012' }, task)).toEqual({
			has_corrective_action: true,
			marked_as_deleted: false,
			sequence_no: 3,
			serial_no_tablet: '0012',
		});
		const m = exportResource('measurement')!;
		expect(typeRow({ measurement: '', channel_no: 'n/a' }, m)).toEqual({ measurement: null, channel_no: 'n/a' });
	});
});

describe('result file format from its content (issue 14, point 6)', () => {
	it('tells NDJSON, CSV and the binary formats apart by their first bytes', () => {
		const b = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
		expect(formatOf(b('{"a":1}\n'))).toBe('JSON');
		expect(formatOf(new Uint8Array([0xef, 0xbb, 0xbf, 0x0a, 0x20, 0x7b]))).toBe('JSON');
		expect(formatOf(b('"uuid","n"\n"x","1"\n'))).toBe('CSV');
		expect(formatOf(b('uuid,n\n'))).toBe('CSV');
		expect(formatOf(b('PAR1\x15\x04'))).toBe('Parquet');
		expect(formatOf(b('ORC\x0a'))).toBe('ORC');
		expect(formatOf(b('Obj\x01\x04'))).toBe('Avro');
		expect(formatOf(b('x\x01y\x01z\n'))).toBe('Text File');
	});

	it("'detect' parses by content, and refuses a binary file clearly", async () => {
		expect(await collect(parseFile(chunks(gzipSync('{"a":1}\n{"a":2}\n'), 4), 'detect'))).toEqual([{ a: 1 }, { a: 2 }]);
		expect(await collect(parseFile(chunks('"a","b"\n"1","2"\n', 1), 'detect'))).toEqual([{ a: '1', b: '2' }]);
		expect(await collect(parseFile(chunks('', 3), 'detect'))).toEqual([]);
		await expect(collect(parseFile(chunks('PAR1 binary', 2), 'detect'))).rejects.toThrow('Parquet');
	});
});

// Issue 17: the parsers read a chunk at a time and hand records over without a generator step per
// row; these pin what the row-by-row parsers did at the edges the new code paths touch.
describe('chunked parsing keeps the row-by-row behaviour', () => {
	it('decodes a multi-byte character cut by the 32 KB decode step inside one large chunk', async () => {
		// One 1 MB chunk (as a file stream or a fast download hands over); the 3-byte € is placed
		// at each offset around the first 32 KB border.
		for (const shift of [1, 2, 3]) {
			const value = `${'a'.repeat(32 * 1024 - 4 - shift)}€°`;
			const bytes = Buffer.from(`"v"\n"${value}"\n"é"\n`);
			expect(await collect(parseFile(chunks(bytes, 1 << 20), 'CSV'))).toEqual([{ v: value }, { v: 'é' }]);
		}
	});

	it('drops a byte-order mark only at the start of the file', async () => {
		const rows = await collect(parseFile(chunks('\ufeff"a"\n"\ufeffx"\n', 2), 'CSV'));
		expect(rows).toEqual([{ a: '\ufeffx' }]);
	});

	it('fills a short row with empty values, ignores extra fields, and lets a repeated column name take its last value', async () => {
		const csv = 'a,b,a\n1\n1,2,3,4\n';
		for (const size of [1, 3, 64]) {
			expect(await collect(parseFile(chunks(csv, size), 'CSV'))).toEqual([
				{ a: '', b: '' },
				{ a: '3', b: '2' },
			]);
		}
	});

	it('splits "" and CRLF across chunks the same as whole', async () => {
		const csv = '"a","b"\r\n"x""","""y"\r\n"","z"\r\n';
		const whole = await collect(parseFile(chunks(csv), 'CSV'));
		expect(whole).toEqual([
			{ a: 'x"', b: '"y' },
			{ a: '', b: 'z' },
		]);
		for (const size of [1, 2, 3, 5]) expect(await collect(parseFile(chunks(csv, size), 'CSV'))).toEqual(whole);
	});

	it('NDJSON: blank lines (leading, CRLF, spaces) are skipped and counted in the line number of an error', async () => {
		const text = '\n\r\n  \n{"a":1}\r\n\n {"a":2} \n[1]\n{"a":\n';
		const records: unknown[] = [];
		await expect(
			(async () => {
				for await (const r of parseFile(chunks(text, 3), 'JSON')) records.push(r);
			})(),
		).rejects.toThrow('Line 8 of the JSON result file is not valid JSON');
		// The records before the bad line come first, as when the parser went line by line.
		expect(records).toEqual([{ a: 1 }, { a: 2 }]);
		expect(await collect(parseFile(chunks('{"a":1}\n\n{"b":2}', 64), 'JSON'))).toEqual([{ a: 1 }, { b: 2 }]);
	});

	it('a reader that stops early closes the download stream', async () => {
		let closed = false;
		async function* download(): AsyncGenerator<Uint8Array> {
			try {
				yield* chunks('"a"\n"1"\n"2"\n"3"\n', 4);
			} finally {
				closed = true;
			}
		}
		for await (const row of parseFile(download(), 'CSV')) {
			expect(row).toEqual({ a: '1' });
			break;
		}
		expect(closed).toBe(true);
	});

	it('a reader that stops early in a gzip file closes the download stream', async () => {
		let closed = false;
		async function* download(): AsyncGenerator<Uint8Array> {
			try {
				// Incompressible rows: far more compressed bytes than the decompression reads ahead.
				yield* chunks(gzipSync(`"a"\n"1"\n${randomBytes(4 << 20).toString('hex').replace(/(.{64})/g, '"$1"\n')}`), 16 * 1024);
			} finally {
				closed = true;
			}
		}
		for await (const row of parseFile(download(), 'CSV')) {
			expect(row).toEqual({ a: '1' });
			break;
		}
		// The cancellation reaches the download through the decompression stream's cancel.
		for (let i = 0; i < 20 && !closed; i++) await new Promise((resolve) => setImmediate(resolve));
		expect(closed).toBe(true);
	});

	it('reads a gzip download no further ahead than the rows are read (memory stays flat)', async () => {
		// Node's DecompressionStream behind pipeThrough took the whole download into memory before
		// the first row: here 100 copies of 1 MB compressed, all read ahead.
		const head = gzipSync('"a"\n"1"\n');
		const body = gzipSync(randomBytes(1 << 20).toString('hex'));
		let pulled = 0;
		async function* download(): AsyncGenerator<Uint8Array> {
			yield new Uint8Array(head);
			for (let copy = 0; copy < 100; copy++) {
				for (let i = 0; i < body.length; i += 16 * 1024) {
					pulled++;
					yield new Uint8Array(body.subarray(i, i + 16 * 1024));
				}
			}
		}
		for await (const row of parseFile(download(), 'CSV')) {
			expect(row).toEqual({ a: '1' });
			break;
		}
		expect(pulled).toBeLessThan(10);
	});

	it('broken gzip data and a download that fails inside a gzip file end in an error', async () => {
		const zipped = gzipSync(`"a"\n${'"1"\n'.repeat(1000)}`);
		const truncated = zipped.subarray(0, zipped.length - 20);
		await expect(collect(parseFile(chunks(truncated, 64), 'CSV'))).rejects.toThrow();
		const corrupt = Buffer.from(zipped);
		corrupt.fill(0xff, 12, 40);
		await expect(collect(parseFile(chunks(corrupt, 64), 'CSV'))).rejects.toThrow();
		async function* failing(): AsyncGenerator<Uint8Array> {
			yield* chunks(zipped.subarray(0, 100), 50);
			throw new Error('socket hang up');
		}
		await expect(collect(parseFile(failing(), 'CSV'))).rejects.toThrow('socket hang up');
	});

	it('typeRow types the row in place and returns it', () => {
		const row = { channel_no: '2', measurement: '-3.5', unit: '°C' };
		expect(typeRow(row, exportResource('measurement')!)).toBe(row);
		expect(row).toEqual({ channel_no: 2, measurement: -3.5, unit: '°C' });
	});

	it('a refused row closes the download stream', async () => {
		let closed = false;
		async function* download(): AsyncGenerator<Uint8Array> {
			try {
				yield* chunks(`"a"\n${'"1"\n'.repeat(50)}`, 16);
			} finally {
				closed = true;
			}
		}
		const budget = new ResultBudget({ maxRows: 10, maxBytes: 1 << 20 });
		await expect(collect(parseFile(download(), 'CSV', undefined, budget))).rejects.toThrow('more than 10 rows');
		expect(closed).toBe(true);
	});
});
