import type { ChunkParser } from './chunks';
import { streamRecords } from './chunks';
import { MAX_COLUMNS, MAX_TEXT_CHARS, ResultBudget } from './limits';

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;

/**
 * A streaming CSV reader (RFC 4180): a header row, fields optionally in double quotes (Athena quotes
 * every value), `""` for a quote inside a quoted field, line breaks inside quotes kept, CRLF or LF.
 * `push` takes the text a chunk at a time and appends the records of the rows it completes, keyed
 * by the header; memory holds the chunk and one pending row.
 *
 * Fields are cut out of each chunk as slices, a run at a time (a quoted value is found with one
 * `indexOf` for its closing quote): adding one character at a time to a string cost about 34 bytes
 * of heap per character (a chain of one-character pieces), so one long unquoted field could exhaust
 * the heap. A field or a row past the budget's bounds is an error.
 *
 * It works synchronously per chunk so that a file costs one asynchronous step per chunk, not one
 * per row (issue 17: at 300,000 rows a second each async generator step per row was about a tenth
 * of the time).
 */
export class CsvParser implements ChunkParser<Record<string, string>> {
	private header: string[] | undefined;
	/** The record being filled (data rows) and how many fields of the current row are done. */
	private record: Record<string, string> = {};
	private headerFields: string[] = [];
	private column = 0;
	/** The field being read, when it spans chunks. */
	private field = '';
	private inQuotes = false;
	/** A quote just came inside a quoted field: it closes the field or, doubled, is a quote. */
	private quoteSeen = false;
	private fieldStarted = false;

	constructor(private readonly budget = new ResultBudget()) {}

	/** Reads one chunk of text; appends the records completed in it to `out`. */
	push(chunk: string, out: Array<Record<string, string>>): void {
		const n = chunk.length;
		let i = 0;
		while (i < n) {
			if (this.inQuotes) {
				if (!this.quoteSeen) {
					// The run up to the next quote, as one slice.
					const next = chunk.indexOf('"', i);
					if (next === -1) {
						this.add(chunk.slice(i));
						return;
					}
					if (next > i) this.add(chunk.slice(i, next));
					this.quoteSeen = true;
					i = next + 1;
					continue;
				}
				this.quoteSeen = false;
				if (chunk.charCodeAt(i) === QUOTE) {
					this.add('"');
					i++;
					continue;
				}
				this.inQuotes = false;
				// fall through: the character is handled outside quotes
			}
			const c = chunk.charCodeAt(i);
			if (c === QUOTE && !this.fieldStarted) {
				this.inQuotes = true;
				this.fieldStarted = true;
				i++;
			} else if (c === COMMA) {
				this.endField();
				i++;
			} else if (c === LF) {
				this.endRow(out);
				i++;
			} else {
				// The unquoted run up to the next comma or line feed, as one slice.
				let end = i + 1;
				while (end < n) {
					const d = chunk.charCodeAt(end);
					if (d === COMMA || d === LF) break;
					end++;
				}
				this.add(chunk.slice(i, end));
				this.fieldStarted = true;
				i = end;
			}
		}
	}

	/** The end of the text: the last row, when it has no line break. */
	end(out: Array<Record<string, string>>): void {
		if (this.inQuotes && this.quoteSeen) this.inQuotes = false;
		if (this.field !== '' || this.column > 0) this.endRow(out);
	}

	private add(piece: string): void {
		this.field += piece;
		if (this.field.length > MAX_TEXT_CHARS) this.budget.text(this.field.length, 'a field');
	}

	private endField(): void {
		const value = this.field;
		if (this.header) {
			const name = this.header[this.column];
			if (name !== undefined) this.record[name] = value;
		} else {
			this.headerFields.push(value);
		}
		this.field = '';
		this.fieldStarted = false;
		this.column++;
		if (this.column > MAX_COLUMNS) this.budget.columns(this.column);
	}

	private endRow(out: Array<Record<string, string>>): void {
		// A CR before the LF (CRLF) is no part of the field; a lone CR is data.
		if (this.field.charCodeAt(this.field.length - 1) === 0x0d) this.field = this.field.slice(0, -1);
		if (this.column === 0 && this.field === '') {
			// A blank line.
			this.fieldStarted = false;
			return;
		}
		this.endField();
		const header = this.header;
		if (!header) {
			this.header = this.headerFields.map((h) => h.trim());
			this.headerFields = [];
		} else {
			const record = this.record;
			// A short row: the missing columns are empty.
			for (let k = this.column; k < header.length; k++) record[header[k]] = '';
			out.push(record);
		}
		this.record = {};
		this.column = 0;
	}
}

/** CSV text to records, streamed (see CsvParser). */
export function parseCsv(text: AsyncIterable<string>, budget = new ResultBudget()): AsyncIterableIterator<Record<string, string>> {
	return streamRecords(new CsvParser(budget), text);
}
