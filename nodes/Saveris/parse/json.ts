import type { IDataObject } from 'n8n-workflow';

import type { ChunkParser } from './chunks';
import { streamRecords } from './chunks';
import { ResultBudget } from './limits';

const withoutCr = (line: string) => (line.charCodeAt(line.length - 1) === 0x0d ? line.slice(0, -1) : line);

/**
 * Splits text into lines as it arrives (LF or CRLF). A pending line is searched only where new text
 * arrived (searching all of it again per chunk would cost the square of a long line), and a line past
 * the budget's bound is an error.
 */
export class LineSplitter implements ChunkParser<string> {
	private rest = '';

	constructor(private readonly budget = new ResultBudget()) {}

	/** Appends the lines completed by this chunk to `out`. */
	push(chunk: string, out: string[]): void {
		let start = 0;
		let at = chunk.indexOf('\n');
		if (at >= 0) {
			out.push(withoutCr(this.rest + chunk.slice(0, at)));
			this.rest = '';
			start = at + 1;
			at = chunk.indexOf('\n', start);
			while (at >= 0) {
				out.push(withoutCr(chunk.slice(start, at)));
				start = at + 1;
				at = chunk.indexOf('\n', start);
			}
		}
		this.rest += start === 0 ? chunk : chunk.slice(start);
		this.budget.text(this.rest.length, 'a line');
	}

	/** The last line, when the text does not end with a line break. */
	end(out: string[]): void {
		if (this.rest !== '') out.push(withoutCr(this.rest));
		this.rest = '';
	}
}

/** Lines of streamed text (see LineSplitter). */
export function lines(text: AsyncIterable<string>, budget = new ResultBudget()): AsyncIterableIterator<string> {
	return streamRecords(new LineSplitter(budget), text);
}

/** Builds the error for a malformed file (the caller's node error). */
export type FailFn = (message: string) => Error;

const plainFail: FailFn = (message) => new RangeError(message);

/**
 * JSON result files: newline-delimited objects (what Athena writes), or one JSON array (parsed
 * whole: arrays are not streamable line by line), told apart by the first non-blank character.
 * Like CsvParser it works synchronously per chunk: one asynchronous step per chunk, not per line.
 */
export class JsonRecordParser implements ChunkParser<IDataObject> {
	/** Text before the first non-blank character. */
	private blank = '';
	private mode: 'array' | 'lines' | undefined;
	private whole = '';
	private readonly splitter: LineSplitter;
	private readonly pending: string[] = [];
	private lineNo = 0;

	constructor(
		private readonly fail: FailFn = plainFail,
		private readonly budget = new ResultBudget(),
	) {
		this.splitter = new LineSplitter(budget);
	}

	/** Reads one chunk of text; appends the records completed in it to `out`. */
	push(chunk: string, out: IDataObject[]): void {
		if (this.mode === undefined) {
			if (chunk.trim() === '') {
				this.blank += chunk;
				this.budget.text(this.blank.length, 'a line');
				return;
			}
			chunk = this.blank + chunk;
			this.blank = '';
			this.mode = chunk.trimStart().startsWith('[') ? 'array' : 'lines';
		}
		if (this.mode === 'array') {
			this.whole += chunk;
			this.budget.text(this.whole.length, 'a JSON document');
			return;
		}
		this.splitter.push(chunk, this.pending);
		this.records(out);
	}

	/** The end of the text: the last line, or the whole array. */
	end(out: IDataObject[]): void {
		if (this.mode === 'lines') {
			this.splitter.end(this.pending);
			this.records(out);
		} else if (this.mode === 'array') {
			let parsed: unknown;
			try {
				parsed = JSON.parse(this.whole);
			} catch (error) {
				throw this.fail(`The JSON result file is not valid JSON: ${(error as Error).message}`);
			}
			this.whole = '';
			for (const entry of parsed as unknown[]) {
				if (entry && typeof entry === 'object' && !Array.isArray(entry)) out.push(entry as IDataObject);
			}
		}
	}

	private records(out: IDataObject[]): void {
		const lines = this.pending;
		try {
			for (const line of lines) {
				this.lineNo++;
				// Most lines open with a brace: only the others need a look for blankness.
				if (line.charCodeAt(0) !== 0x7b && line.trim() === '') continue;
				let parsed: unknown;
				try {
					parsed = JSON.parse(line);
				} catch (error) {
					throw this.fail(`Line ${this.lineNo} of the JSON result file is not valid JSON: ${(error as Error).message}`);
				}
				if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) out.push(parsed as IDataObject);
			}
		} finally {
			lines.length = 0;
		}
	}
}

/** JSON result file text to records, streamed (see JsonRecordParser). */
export function parseJsonRecords(text: AsyncIterable<string>, fail: FailFn = plainFail, budget = new ResultBudget()): AsyncIterableIterator<IDataObject> {
	return streamRecords(new JsonRecordParser(fail, budget), text);
}
