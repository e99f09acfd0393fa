/** gzip files start with 1F 8B (RFC 1952). */
export function isGzip(head: Uint8Array): boolean {
	return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

/**
 * Reads asked for ahead of the consumer. The web stream over zlib pauses zlib as soon as one
 * decompressed chunk (16 KB) waits unread, so without reads pending zlib (which runs off the main
 * thread) sat idle while the rows of the last chunk were parsed. With reads pending it keeps going,
 * at most this many chunks ahead (256 KB).
 */
const READS_AHEAD = 16;

type Read = ReturnType<ReadableStreamDefaultReader<Uint8Array>['read']>;

async function* fromReader(reader: ReadableStreamDefaultReader<Uint8Array>): AsyncGenerator<Uint8Array> {
	const reads: Read[] = [];
	try {
		for (;;) {
			while (reads.length < READS_AHEAD) {
				const read = reader.read();
				// Awaited in turn below; a stream error rejects every pending read, not only that one.
				read.catch(() => undefined);
				reads.push(read);
			}
			const { done, value } = await (reads.shift() as Read);
			if (done) return;
			if (value) yield value;
		}
	} finally {
		// An early stop (or an error) cancels the decompression and so closes the download.
		await reader.cancel().catch(() => undefined);
	}
}

/**
 * Passes bytes through, gunzipping them when the first bytes are the gzip magic. Decompression uses
 * the web `DecompressionStream` every Node 20 has (n8n's lint allows no `zlib` import in node code);
 * it streams, so memory does not grow with the file.
 */
export async function* maybeGunzip(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
	const iterator = source[Symbol.asyncIterator]();
	let head = new Uint8Array(0);
	// Collect at least two bytes to look at.
	while (head.length < 2) {
		const next = await iterator.next();
		if (next.done) {
			if (head.length > 0) yield head;
			return;
		}
		const chunk = next.value;
		const joined = new Uint8Array(head.length + chunk.length);
		joined.set(head);
		joined.set(chunk, head.length);
		head = joined;
	}
	const first = head;
	if (!isGzip(first)) {
		yield first;
		yield* { [Symbol.asyncIterator]: () => iterator };
		return;
	}
	const decompression = new DecompressionStream('gzip');
	const reader = decompression.readable.getReader() as ReadableStreamDefaultReader<Uint8Array>;
	void feed(first, iterator, decompression.writable.getWriter());
	yield* fromReader(reader);
}

/**
 * Writes the compressed bytes to the decompression a chunk at a time, each once the one before was
 * taken in. Not `pipeThrough`: Node's DecompressionStream says it is ready for more while zlib still
 * holds what it was given, so a pipe read the whole download into memory ahead of the rows (a fast
 * download of 115 MB compressed was all in memory before the first row; the 70 MB gzip file of the
 * benchmark peaked at 149 MB RSS, against 103 MB for 500 MB of plain text). A write's own promise
 * settles once zlib has taken the chunk in, and zlib takes no more while its output waits unread.
 */
async function feed(first: Uint8Array, download: AsyncIterator<Uint8Array>, writer: WritableStreamDefaultWriter<Uint8Array>): Promise<void> {
	try {
		await writer.write(first);
		for (;;) {
			const next = await download.next();
			if (next.done) break;
			await writer.write(next.value);
		}
		await writer.close();
	} catch (error) {
		// A download error ends the decompression with that error, which its reader then reports. After
		// broken gzip data or a reader that stopped (the decompression has ended), the download is closed.
		await writer.abort(error).catch(() => undefined);
		await download.return?.();
	}
}

/**
 * The most bytes decoded at once. A string of more than 128 KB goes to V8's large-object space, and
 * decoding 256 KB chunks (a file stream's size) into such strings took several times as long as
 * decoding the same bytes 32 KB at a time (issue 17, measured on Node 20).
 */
const DECODE_BYTES = 32 * 1024;

/** Bytes to text, chunk by chunk, never splitting a UTF-8 sequence. */
export async function* decodeText(source: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
	const decoder = new TextDecoder('utf-8');
	let first = true;
	for await (const chunk of source) {
		for (let at = 0; at < chunk.length; at += DECODE_BYTES) {
			let text = decoder.decode(at === 0 && chunk.length <= DECODE_BYTES ? chunk : chunk.subarray(at, at + DECODE_BYTES), { stream: true });
			if (first && text.length > 0) {
				// A byte-order mark is not part of the header's first column name.
				if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
				first = false;
			}
			if (text) yield text;
		}
	}
	const tail = decoder.decode();
	if (tail) yield tail;
}
