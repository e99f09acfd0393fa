import type { INodeProperties } from 'n8n-workflow';

/**
 * Time settings every credential of this package offers (read by nodes/shared/http.ts): one
 * definition, so the five credentials say the same thing in the same words.
 */

/** Timeout (Seconds): one request, from sending it to the last byte of the answer. */
export function requestTimeoutField(defaultSeconds: number): INodeProperties {
	return {
		displayName: 'Timeout (Seconds)',
		name: 'timeoutSeconds',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: `Longest time one request may take, from sending it to the last byte of the answer (a server that keeps sending a byte now and then does not extend it). 0 means ${defaultSeconds} s. A server that did not answer in time or refused the connection is not asked again for the other items of the same run.`,
	};
}

/** Time Limit per Item (Minutes): every request of one input item together. */
export const itemTimeLimitField: INodeProperties = {
	displayName: 'Time Limit per Item (Minutes)',
	name: 'itemTimeLimitMinutes',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: 0,
	description:
		'Longest time all requests for one input item may take together: retries, rate-limit waits and every page of a Return All count. 0 means 15 minutes. Raise it for very long Return All runs.',
};

/**
 * The most reads one node run may have in flight, whatever Reads at Once says. (Written into the
 * description as plain digits: `toLocaleString` would load ICU's locale data when n8n starts, ~20 ms.)
 */
export const MAX_READS_AT_ONCE = 1000;

/**
 * Reads at Once: for a provider that documents no rate limit, how many reads one node run keeps in
 * flight over many input items. n8n's HTTP Request node sends every item's request at once unless
 * told to batch; this package stays at the provider's default unless the account's owner raises it.
 */
export function readsAtOnceField(providerName: string, defaultReads: number): INodeProperties {
	return {
		displayName: 'Reads at Once',
		name: 'readsAtOnce',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: MAX_READS_AT_ONCE },
		default: 0,
		description: `How many reads (Get, Get Many and other lookups; never a write) one node run sends at the same time when it has many input items. 0 means ${defaultReads}. ${providerName} documents no limit: raise it for speed on large inputs (up to ${MAX_READS_AT_ONCE}, i.e. every item at once, as the HTTP Request node does), lower it if ${providerName} answers 429 Too Many Requests. Writes always run one at a time, in item order.`,
	};
}
