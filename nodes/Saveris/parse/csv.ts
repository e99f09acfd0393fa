/**
 * A streaming CSV reader (RFC 4180): a header row, fields optionally in double quotes (Athena quotes
 * every value), `""` for a quote inside a quoted field, line breaks inside quotes kept, CRLF or LF.
 * Yields one record per data row, keyed by the header; memory holds one row at a time.
 */
export async function* parseCsv(text: AsyncIterable<string>): AsyncGenerator<Record<string, string>> {
	let header: string[] | undefined;
	let row: string[] = [];
	let field = '';
	let inQuotes = false;
	let quoteSeen = false; // a quote just closed (or escaped quote pending) inside a quoted field
	let fieldStarted = false;

	const endField = () => {
		row.push(field);
		field = '';
		fieldStarted = false;
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
						field += '"';
						continue;
					}
					inQuotes = false;
					// fall through: c is handled outside quotes
				} else if (c === '"') {
					quoteSeen = true;
					continue;
				} else {
					// Copy the run up to the next quote at once (Athena quotes every value).
					const next = chunk.indexOf('"', i);
					const end = next === -1 ? chunk.length : next;
					field += chunk.slice(i, end);
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
				if (field.endsWith('\r') && !inQuotes) field = field.slice(0, -1);
				const record = endRow();
				if (record) yield record;
			} else if (c === '\r') {
				// Kept until we know whether \n follows (CRLF); a lone CR is data.
				field += c;
				fieldStarted = true;
			} else {
				field += c;
				fieldStarted = true;
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
