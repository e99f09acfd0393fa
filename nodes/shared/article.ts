/**
 * A noun with "a" or "an" before it, for sentences built from labels ("an invoice", "an alarms export",
 * "a user", "an unavailable block"). By spelling, not sound: a "u" read as "you" (user, unit) takes "a".
 */
export function withArticle(noun: string): string {
	return `${/^([aeio]|u(?!s|ni))/i.test(noun) ? 'an' : 'a'} ${noun}`;
}
