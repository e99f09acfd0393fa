const ACRONYMS: Record<string, string> = {
	dna: 'DNA',
	dob: 'DOB',
	dva: 'DVA',
	id: 'ID',
	ids: 'IDs',
	ip: 'IP',
	sms: 'SMS',
	uri: 'URI',
	url: 'URL',
};
// Lower-cased inside a label (never first or last): a subset of the small words n8n's title-case lint
// leaves in lower case. scripts/generate-cliniko.js labels the generated fields with these same words.
export const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'but', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'via', 'with']);

/** "date_of_birth" → "Date of Birth", "patient_ids" → "Patient IDs" (the generator's labels too). */
export function labelOf(key: string): string {
	return key
		.split(/[_\s]+/)
		.filter((w) => w !== '')
		.map((w, i, all) => {
			const lower = w.toLowerCase();
			if (ACRONYMS[lower]) return ACRONYMS[lower];
			if (i > 0 && i < all.length - 1 && SMALL_WORDS.has(lower)) return lower;
			return lower.charAt(0).toUpperCase() + lower.slice(1);
		})
		.join(' ');
}

/** "patient_case_id" → "patientCaseId". */
export function camelOf(key: string): string {
	return key.replace(/[_-]+([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}
