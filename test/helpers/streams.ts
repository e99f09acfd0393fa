/** Async streams for tests of code that reads them (the Saveris parsers and download). */

/** Everything an async iterable yields, in order. */
export async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
	const out: T[] = [];
	for await (const x of source) out.push(x);
	return out;
}

/** Text or bytes as a byte stream in chunks of `size` bytes (default 64 KB, as a response arrives). */
export async function* chunks(data: string | Buffer, size = 64 * 1024): AsyncGenerator<Uint8Array> {
	const bytes = typeof data === 'string' ? Buffer.from(data) : data;
	for (let i = 0; i < bytes.length; i += size) yield new Uint8Array(bytes.subarray(i, i + size));
}
