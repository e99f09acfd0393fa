/**
 * Alphabetical order as `localeCompare` gives it (n8n's lint checks option lists in that order), without
 * starting ICU's collator for the names that do not need it: its first use costs ~10 ms, and the option
 * lists sorted while n8n loads the package made that part of every start (issue 17: cold load).
 *
 * For text of ASCII letters, digits and spaces the collator's order is: case ignored first (space before
 * digits before letters, as in ASCII), then, between texts equal but for case, lower case first at the
 * first difference. Any other text (accents, punctuation) is left to `localeCompare`.
 */
const PLAIN = /^[A-Za-z0-9 ]*$/;

export function compareText(a: string, b: string): number {
	if (!PLAIN.test(a) || !PLAIN.test(b)) return a.localeCompare(b);
	const lowerA = a.toLowerCase();
	const lowerB = b.toLowerCase();
	if (lowerA !== lowerB) return lowerA < lowerB ? -1 : 1;
	for (let i = 0; i < a.length; i++) {
		if (a[i] !== b[i]) return a[i] === lowerA[i] ? -1 : 1;
	}
	return 0;
}

/** Dropdown and list-search entries in alphabetical order of what the user reads. */
export function byName(a: { name: string }, b: { name: string }): number {
	return compareText(a.name, b.name);
}

/** Parameters in alphabetical order of their label (n8n's order for a collection's options). */
export function byDisplayName(a: { displayName: string }, b: { displayName: string }): number {
	return compareText(a.displayName, b.displayName);
}
