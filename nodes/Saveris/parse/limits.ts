/**
 * How much one item may read from its result files. A result file is server data: 1.2 KB of gzip
 * became 300,000 rows, a 1 MB gzip file exhausted a 512 MB heap. Every byte after decompression and
 * every row is counted against these limits (over all files of the item), and going past one is a
 * clear error rather than an n8n process killed for lack of memory.
 *
 * Defaults: n8n keeps every output item in memory, at roughly 0.5–1 KB of heap per parsed row once
 * n8n has wrapped it, so 1,000,000 rows is about 1 GB of heap, near what a default n8n survives; a
 * week of 5-minute readings from 500 channels is 1,008,000 rows. 512 MB of text is 3–5 million
 * Saveris rows (100–150 bytes each), so for real exports the row limit comes first; the size limit
 * stops what yields no rows (a gzip bomb of one endless field or line). Binary Files output stores
 * the files as downloaded and parses nothing: no row limit applies there.
 */
export const DEFAULT_MAX_ROWS = 1_000_000;
export const DEFAULT_MAX_MEGABYTES = 512;
/** The most the options accept: beyond this no n8n process can hold the rows anyway. */
export const MAX_ROWS_LIMIT = 100_000_000;
export const MAX_MEGABYTES_LIMIT = 100_000;

/**
 * One field, one JSON line, or one JSON array document, in characters: far beyond any Saveris value,
 * and below V8's longest string (about 2^29 characters), so an endless field is our error, not a crash.
 */
export const MAX_TEXT_CHARS = 64 * 1024 * 1024;

/** Columns of one CSV row: Saveris files have a few dozen; an endless row of commas is damage. */
export const MAX_COLUMNS = 10_000;

export interface ResultLimits {
	maxRows: number;
	maxBytes: number;
}

export const defaultLimits = (): ResultLimits => ({ maxRows: DEFAULT_MAX_ROWS, maxBytes: DEFAULT_MAX_MEGABYTES * 1024 * 1024 });

/** Why a file was refused: the limit's name, what was reached, and what to do. */
export type LimitFail = (message: string, description: string) => Error;

const plainFail: LimitFail = (message) => new RangeError(message);

const mb = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

/** The rows and bytes read so far by one item, against its limits. */
export class ResultBudget {
	rows = 0;
	bytes = 0;

	constructor(
		readonly limits: ResultLimits = defaultLimits(),
		private readonly fail: LimitFail = plainFail,
	) {}

	/** Passes bytes through, counting them; past the size limit it stops with the error. */
	async *count(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
		for await (const chunk of source) {
			this.bytes += chunk.length;
			if (this.bytes > this.limits.maxBytes) {
				throw this.fail(
					`The Saveris result files hold more than ${mb(this.limits.maxBytes)} of data (Max Result Size)`,
					'Counted after decompression. Narrow the export (a shorter date range, an OData filter or $select), raise Options › Max Result Size (MB), or choose the "Binary Files" output to store the files without reading them.',
				);
			}
			yield chunk;
		}
	}

	/** Counts one row; past the row limit it stops with the error. */
	row(): void {
		this.rows++;
		if (this.rows > this.limits.maxRows) {
			throw this.fail(
				`The Saveris result files hold more than ${this.limits.maxRows.toLocaleString('en-US')} rows (Max Rows)`,
				'Narrow the export (a shorter date range or an OData filter), raise Options › Max Rows, or choose the "Binary Files" output to store the files without turning them into items.',
			);
		}
	}

	/** Refuses a CSV row of more than MAX_COLUMNS fields. */
	columns(count: number): void {
		if (count > MAX_COLUMNS) {
			throw this.fail(
				`A Saveris result file holds a row of more than ${MAX_COLUMNS.toLocaleString('en-US')} columns`,
				'No Saveris export has that many columns: the file is damaged. Choose the "Binary Files" output to look at it.',
			);
		}
	}

	/** Refuses one field or line longer than MAX_TEXT_CHARS. */
	text(length: number, what: string): void {
		if (length > MAX_TEXT_CHARS) {
			throw this.fail(
				`A Saveris result file holds ${what} longer than ${mb(MAX_TEXT_CHARS)}`,
				'No Saveris value is that long: the file is damaged. Choose the "Binary Files" output to look at it.',
			);
		}
	}
}
