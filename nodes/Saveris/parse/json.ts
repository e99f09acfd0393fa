import type { IDataObject } from 'n8n-workflow';

/** Splits text into lines as it streams (LF or CRLF). */
export async function* lines(text: AsyncIterable<string>): AsyncGenerator<string> {
	let rest = '';
	for await (const chunk of text) {
		rest += chunk;
		let start = 0;
		let at = rest.indexOf('\n', start);
		while (at >= 0) {
			yield rest.slice(start, at).replace(/\r$/, '');
			start = at + 1;
			at = rest.indexOf('\n', start);
		}
		rest = rest.slice(start);
	}
	if (rest !== '') yield rest.replace(/\r$/, '');
}

/** Builds the error for a malformed file (the caller's node error). */
export type FailFn = (message: string) => Error;

const plainFail: FailFn = (message) => new RangeError(message);

/**
 * JSON result files: newline-delimited objects (what Athena writes), or one JSON array (parsed
 * whole: arrays are not streamable line by line), detected from the first non-blank character.
 */
export async function* parseJsonRecords(text: AsyncIterable<string>, fail: FailFn = plainFail): AsyncGenerator<IDataObject> {
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
		for await (const chunk of source) whole += chunk;
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
	for await (const line of lines(source)) {
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
