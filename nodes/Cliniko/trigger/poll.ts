import { NodeOperationError } from 'n8n-workflow';
import type { INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { timestampPoll } from '../../shared/poller';
import { exclusivePoll } from '../../shared/lease';
import { cliniko } from '../provider';
import { fetchNewest, fetchSince } from '../transport/paging';
import { perResourceEvents, watchFor } from './events';
import type { ClinikoEvent } from './events';

/**
 * What ClinikoTrigger does on each poll, loaded on its first poll (the node class holds only its description,
 * which n8n reads at load: issue 17, cold load).
 */
export async function pollTrigger(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	// One poll at a time per trigger node: see shared/lease.ts.
	return await exclusivePoll(this, async () => {
		const event = this.getNodeParameter('event') as ClinikoEvent;
		const resource = perResourceEvents.includes(event) ? (this.getNodeParameter('resource') as string) : '';
		const options = this.getNodeParameter('options', {}) as { startDate?: unknown };
		const watch = watchFor(event, resource);
		if (!watch) {
			throw new NodeOperationError(this.getNode(), `The resource "${resource}" cannot be watched`);
		}
		const { watched, list } = watch;
		const records = await timestampPoll(this, {
			config: `${event}:${watched.value}`,
			startDate: options.startDate === '' || options.startDate === null ? undefined : options.startDate,
			noun: `${watched.name.toLowerCase()} records`,
			fetchSince: async (from) => await fetchSince(this, cliniko, list, from),
			fetchNewest: async () => await fetchNewest(this, cliniko, list),
		});
		return records ? [this.helpers.returnJsonArray(records)] : null;
	});
}
