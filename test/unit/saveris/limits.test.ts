// Issue 12, point 13 at the parser: fields cut as slices (not built a character at a time), every
// byte after decompression and every row counted against the limits, endless fields and lines refused.
import { gzipSync } from 'node:zlib';

import { parseFile } from '../../../nodes/Saveris/parse';
import { parseCsv } from '../../../nodes/Saveris/parse/csv';
import { lines } from '../../../nodes/Saveris/parse/json';
import { DEFAULT_MAX_MEGABYTES, DEFAULT_MAX_ROWS, MAX_TEXT_CHARS, ResultBudget, defaultLimits } from '../../../nodes/Saveris/parse/limits';
import { chunks, collect } from '../../helpers/streams';

/** Text in 64 KB chunks, as the decoder hands it over. */
async function* chunked(head: string, fill: string, length: number, tail = ''): AsyncGenerator<string> {
	yield head;
	const piece = fill.repeat(64 * 1024);
	for (let n = 0; n < length; n += piece.length) yield piece.slice(0, Math.min(piece.length, length - n));
	if (tail) yield tail;
}

describe('Saveris result limits in the parser', () => {
	it('defaults to 1,000,000 rows and 512 MB', () => {
		expect(defaultLimits()).toEqual({ maxRows: DEFAULT_MAX_ROWS, maxBytes: DEFAULT_MAX_MEGABYTES * 1024 * 1024 });
		expect([DEFAULT_MAX_ROWS, DEFAULT_MAX_MEGABYTES]).toEqual([1_000_000, 512]);
	});

	it('a long unquoted field costs a few bytes of heap per character, not ~34', async () => {
		const length = 16 * 1024 * 1024;
		const before = process.memoryUsage().heapUsed;
		const rows = await collect(parseCsv(chunked('a,b\n', 'x', length, ',1\n')));
		const grown = process.memoryUsage().heapUsed - before;
		expect(rows).toHaveLength(1);
		expect(rows[0].a).toHaveLength(length);
		expect(rows[0].b).toBe('1');
		// Building it a character at a time took over 500 MB here; slices of the chunks take about 16–32 MB.
		expect(grown / length).toBeLessThan(8);
	}, 60_000);

	it('gives the same rows as before for quoted, escaped, CRLF and multi-line fields, however chunked', async () => {
		const csv = '"a","b",c\r\n"1,2","say ""hi""",x"y\r\n"line\nbreak",,"end"\r\nlone\rcr,2,3';
		const expected = [
			{ a: '1,2', b: 'say "hi"', c: 'x"y' },
			{ a: 'line\nbreak', b: '', c: 'end' },
			{ a: 'lone\rcr', b: '2', c: '3' },
		];
		expect(await collect(parseCsv((async function* () { yield csv; })()))).toEqual(expected);
		expect(await collect(parseCsv((async function* () { yield* csv.split(''); })()))).toEqual(expected);
	});

	it('refuses a field or a JSON line longer than the text bound, and a row of endless commas', async () => {
		await expect(collect(parseCsv(chunked('a\n', 'x', MAX_TEXT_CHARS + 1)))).rejects.toThrow('holds a field longer than 64 MB');
		await expect(collect(lines(chunked('', 'x', MAX_TEXT_CHARS + 1)))).rejects.toThrow('holds a line longer than 64 MB');
		await expect(collect(parseCsv(chunked('a\n', ',', 1_000_000)))).rejects.toThrow('holds a row of more than 10,000 columns');
	}, 60_000);

	it('splits lines with long pending text in linear time (each chunk searched once)', async () => {
		const text = `${'y'.repeat(32 * 1024 * 1024)}\nz\n`;
		async function* pieces() {
			for (let i = 0; i < text.length; i += 64 * 1024) yield text.slice(i, i + 64 * 1024);
		}
		const out = await collect(lines(pieces()));
		expect(out.map((l) => l.length)).toEqual([32 * 1024 * 1024, 1]);
	}, 60_000);

	it('counts decompressed bytes and rows over every file of one budget', async () => {
		const bomb = gzipSync(`"uuid"\n${'x\n'.repeat(300_000)}`);
		expect(bomb.length).toBeLessThan(2_000);
		const rows = new ResultBudget({ maxRows: 1000, maxBytes: 1 << 30 });
		await expect(collect(parseFile(chunks(bomb), 'CSV', undefined, rows))).rejects.toThrow('more than 1,000 rows (Max Rows)');
		expect(rows.rows).toBe(1001);

		const size = new ResultBudget({ maxRows: 1e9, maxBytes: 100_000 });
		await expect(collect(parseFile(chunks(bomb), 'CSV', undefined, size))).rejects.toThrow('more than 0.1 MB of data (Max Result Size)');
		expect(size.bytes).toBeLessThan(100_000 + 70_000);

		const shared = new ResultBudget({ maxRows: 5, maxBytes: 1 << 30 });
		const file = Buffer.from('{"a":1}\n{"a":2}\n{"a":3}\n');
		expect(await collect(parseFile(chunks(file), 'JSON', undefined, shared))).toHaveLength(3);
		await expect(collect(parseFile(chunks(file), 'JSON', undefined, shared))).rejects.toThrow('more than 5 rows');
	});
});
