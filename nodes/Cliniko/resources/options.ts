import type { OperationContext } from '../../shared/types';
import { perContext } from '../../shared/perContext';
import { finiteNumber } from '../../shared/validate';

// Cliniko's Options collection as every request reads it. A file of its own: the provider imports it, and
// the provider is also loaded by the list searches and option loaders an editor calls, which need not
// build the operation table (resources/index.ts) and read the spec (issue 17: cold load).

/** Default for Options › Max Rate-Limit Wait (Seconds). */
export const DEFAULT_MAX_WAIT_SECONDS = 120;

export interface ClinikoOptions {
	addLinkedIds?: boolean;
	maxWaitSeconds?: number;
	includeArchived?: boolean;
	includeCancelled?: boolean;
}

// Options are read for the wait limit, the list switches and Add Linked IDs (once per page): n8n resolves
// the collection afresh on every read, so each item's is read once per execution.
const optionsRead = perContext<number, ClinikoOptions>();

export function readOptions({ ctx, itemIndex }: Pick<OperationContext, 'ctx' | 'itemIndex'>): ClinikoOptions {
	const perItem = optionsRead(ctx);
	let options = perItem.get(itemIndex);
	if (!options) {
		options = (ctx.getNodeParameter('options', itemIndex, {}) ?? {}) as ClinikoOptions;
		perItem.set(itemIndex, options);
	}
	return options;
}

/** The per-item request settings Cliniko's Options offer: the longest rate-limit wait. */
export function clinikoRequestOptions(ctx: OperationContext['ctx'], itemIndex: number): OperationContext['requestOptions'] {
	const raw = readOptions({ ctx, itemIndex }).maxWaitSeconds;
	// "ten" or NaN from an expression is refused, not quietly replaced by the default.
	const seconds =
		raw === undefined || raw === null || (raw as unknown) === ''
			? DEFAULT_MAX_WAIT_SECONDS
			: finiteNumber(ctx.getNode(), raw, 'Max Rate-Limit Wait (Seconds)', itemIndex, { min: 0 });
	return { maxWaitMs: seconds * 1000 };
}
