import type { IDataObject } from 'n8n-workflow';

import { ResultBudget } from './limits';

const withoutCr = (line: string) => (line.endsWith('\r') ? line.slice(0, -1) : line);

/**
 * Splits text into lines as it streams (LF or CRLF). A pending line is searched only where new text
 * arrived (searching all of it again per chunk would cost the square of a long line), and a line past
 * the budget's bound is an error.
 */
export async function* lines(text: AsyncIterable<string>, budget = new ResultBudget()): AsyncGenerator<string> {
	let rest = '';
	for await (const chunk of text) {
		let start = 0;
		let at = chunk.indexOf('\n');
		if (at >= 0) {
			yield withoutCr(rest + chunk.slice(0, at));
			rest = '';
			start = at + 1;
			at = chunk.indexOf('\n', start);
			while (at >= 0) {
				yield withoutCr(chunk.slice(start, at));
				start = at + 1;
				at = chunk.indexOf('\n', start);
			}
		}
		rest += chunk.slice(start);
		budget.text(rest.length, 'a line');
	}
	if (rest !== '') yield withoutCr(rest);
}

/** Builds the error for a malformed file (the caller's node error). */
export type FailFn = (message: string) => Error;

const plainFail: FailFn = (message) => new RangeError(message);

/**
 * JSON result files: newline-delimited objects (what Athena writes), or one JSON array (parsed
 * whole: arrays are not streamable line by line), detected from the first non-blank character.
 */
export async function* parseJsonRecords(text: AsyncIterable<string>, fail: FailFn = plainFail, budget = new ResultBudget()): AsyncGenerator<IDataObject> {
	const iterator = text[Symbol.asyncIterator]();
	let buffered = '';
	let next = await iterator.next();
	while (!next.done && buffered.trim() === '') {
		buffered += next.value;
		if (buffered.trim() === '') next = await iterator.next();
		else break;
	}
	if (buffered.trim() === '') return;
	const source: AsyncIterable<string> = {
		[Symbol.asyncIterator]: () => {
			let sentFirst = false;
			return {
				next: async () => {
					if (!sentFirst) {
						sentFirst = true;
						return { done: false, value: buffered };
					}
					return iterator.next();
				},
			};
		},
	};
	if (buffered.trimStart().startsWith('[')) {
		let whole = '';
		for await (const chunk of source) {
			whole += chunk;
			budget.text(whole.length, 'a JSON document');
		}
		let parsed: unknown;
		try {
			parsed = JSON.parse(whole);
		} catch (error) {
			throw fail(`The JSON result file is not valid JSON: ${(error as Error).message}`);
		}
		for (const entry of parsed as unknown[]) {
			if (entry && typeof entry === 'object' && !Array.isArray(entry)) yield entry as IDataObject;
		}
		return;
	}
	let lineNo = 0;
	for await (const line of lines(source, budget)) {
		lineNo++;
		if (line.trim() === '') continue;
		let parsed: unknown;
		try {
			parsed = JSON.parse(line);
		} catch (error) {
			throw fail(`Line ${lineNo} of the JSON result file is not valid JSON: ${(error as Error).message}`);
		}
		if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) yield parsed as IDataObject;
	}
}
