import { gzipSync } from 'node:zlib';

import { parseCsv } from '../../../nodes/Saveris/parse/csv';
import { decodeText, isGzip, maybeGunzip } from '../../../nodes/Saveris/parse/gzip';
import { formatOf, parseFile, typeRow } from '../../../nodes/Saveris/parse';
import { parseJsonRecords } from '../../../nodes/Saveris/parse/json';
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
