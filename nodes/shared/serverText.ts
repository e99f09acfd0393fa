/**
 * Server text (error messages, envelope fields, links) can be any length a hostile or broken server
 * chooses, and a pattern that backtracks costs the square of it: a 50 KB message once blocked
 * n8n's event loop for seconds. So server text is shortened to `MAX_MATCHED_TEXT` before any pattern
 * runs, and the patterns applied to it are anchored with bounded repetition or replaced by plain
 * string operations (linear by construction).
 */
export const MAX_MATCHED_TEXT = 2_000;

/** The start of a server text, at most `max` characters: what patterns may run over. */
export function cappedText(text: string, max = MAX_MATCHED_TEXT): string {
	return text.length > max ? text.slice(0, max) : text;
}

/** Whether `text` holds `first`, followed somewhere later by `then` (a linear `first.*then`). */
export function containsInOrder(text: string, first: string, then: string): boolean {
	const at = text.indexOf(first);
	return at !== -1 && text.indexOf(then, at + first.length) !== -1;
}
