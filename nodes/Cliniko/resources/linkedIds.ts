import type { IDataObject } from 'n8n-workflow';

import { MAX_MATCHED_TEXT } from '../../shared/serverText';

/** The ID at the end of a Cliniko record URL: `…/v1/patients/123` → `123` (never converted to a number). */
export function idFromLink(url: unknown): string | undefined {
	// A link is server text: a long one is no Cliniko record link, and the pattern never sees it.
	if (typeof url !== 'string' || url.length > MAX_MATCHED_TEXT) return undefined;
	const m = /\/[a-z_]+\/(\d{1,19})\/?(?:[?#].*)?$/.exec(url);
	return m ? m[1] : undefined;
}

function linkedId(value: unknown): string | undefined {
	if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
	const links = (value as IDataObject).links;
	if (!links || typeof links !== 'object') return undefined;
	return idFromLink((links as IDataObject).self);
}

/**
 * Cliniko links related records as `{"patient": {"links": {"self": ".../patients/123"}}}`. This adds
 * `patient_id: "123"` next to each such link (record links only, not collection links such as
 * `attendees`), keeping everything else as Cliniko sent it. A field that already exists is never
 * overwritten.
 */
export function addLinkedIds(record: IDataObject): IDataObject {
	const out: IDataObject = { ...record };
	for (const [key, value] of Object.entries(record)) {
		if (key === 'links') continue;
		const id = linkedId(value);
		const target = `${key}_id`;
		if (id !== undefined && !(target in out)) out[target] = id;
	}
	return out;
}
