/** gzip files start with 1F 8B (RFC 1952). */
export function isGzip(head: Uint8Array): boolean {
	return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

async function* fromReader(reader: ReadableStreamDefaultReader<Uint8Array>): AsyncGenerator<Uint8Array> {
	for (;;) {
		const { done, value } = await reader.read();
		if (done) return;
		if (value) yield value;
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
	const rest: AsyncIterable<Uint8Array> = {
		[Symbol.asyncIterator]: () => iterator,
	};
	if (!isGzip(first)) {
		yield first;
		for await (const chunk of rest) yield chunk;
		return;
	}
	const input = new ReadableStream<Uint8Array>({
		start(controller) {
			controller.enqueue(first);
		},
		async pull(controller) {
			const next = await iterator.next();
			if (next.done) controller.close();
			else controller.enqueue(next.value);
		},
	});
	const output = input.pipeThrough(new DecompressionStream('gzip')) as ReadableStream<Uint8Array>;
	yield* fromReader(output.getReader() as ReadableStreamDefaultReader<Uint8Array>);
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
