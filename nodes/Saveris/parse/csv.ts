import { ResultBudget } from './limits';

/**
 * A streaming CSV reader (RFC 4180): a header row, fields optionally in double quotes (Athena quotes
 * every value), `""` for a quote inside a quoted field, line breaks inside quotes kept, CRLF or LF.
 * Yields one record per data row, keyed by the header; memory holds one row at a time.
 *
 * Fields are cut out of each chunk as slices, a run at a time: adding one character at a time to a
 * string cost about 34 bytes of heap per character (a chain of one-character pieces), so one long
 * unquoted field could exhaust the heap. A field or a row past the budget's bounds is an error.
 */
export async function* parseCsv(text: AsyncIterable<string>, budget = new ResultBudget()): AsyncGenerator<Record<string, string>> {
	let header: string[] | undefined;
	let row: string[] = [];
	let field = '';
	let inQuotes = false;
	let quoteSeen = false; // a quote just closed (or escaped quote pending) inside a quoted field
	let fieldStarted = false;

	const add = (piece: string) => {
		field += piece;
		budget.text(field.length, 'a field');
	};
	const endField = () => {
		row.push(field);
		field = '';
		fieldStarted = false;
		budget.columns(row.length);
	};
	const endRow = (): Record<string, string> | undefined => {
		endField();
		const done = row;
		row = [];
		if (done.length === 1 && done[0] === '') return undefined; // blank line
		if (!header) {
			header = done.map((h) => h.trim());
			return undefined;
		}
		const record: Record<string, string> = {};
		header.forEach((name, i) => {
			record[name] = done[i] ?? '';
		});
		return record;
	};

	for await (const chunk of text) {
		for (let i = 0; i < chunk.length; i++) {
			const c = chunk[i];
			if (inQuotes) {
				if (quoteSeen) {
					quoteSeen = false;
					if (c === '"') {
						add('"');
						continue;
					}
					inQuotes = false;
					// fall through: c is handled outside quotes
				} else if (c === '"') {
					quoteSeen = true;
					continue;
				} else {
					// The run up to the next quote, as one slice.
					const next = chunk.indexOf('"', i);
					const end = next === -1 ? chunk.length : next;
					add(chunk.slice(i, end));
					if (next !== -1) quoteSeen = true;
					i = end;
					continue;
				}
			}
			if (c === '"' && !fieldStarted) {
				inQuotes = true;
				fieldStarted = true;
			} else if (c === ',') {
				endField();
			} else if (c === '\n') {
				// A CR before the LF (CRLF) is no part of the field; a lone CR is data.
				if (field.endsWith('\r')) field = field.slice(0, -1);
				const record = endRow();
				if (record) yield record;
			} else {
				// The unquoted run up to the next comma or line feed, as one slice.
				let end = i + 1;
				while (end < chunk.length && chunk[end] !== ',' && chunk[end] !== '\n') end++;
				add(chunk.slice(i, end));
				fieldStarted = true;
				i = end - 1;
			}
		}
	}
	if (inQuotes && quoteSeen) inQuotes = false;
	if (field !== '' || row.length > 0) {
		if (field.endsWith('\r')) field = field.slice(0, -1);
		const record = endRow();
		if (record) yield record;
	}
}
