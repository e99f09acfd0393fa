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
