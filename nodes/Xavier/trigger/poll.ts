import { NodeOperationError } from 'n8n-workflow';
import type { INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { apiRequestBody } from '../../shared/http';
import { recordsAt } from '../../shared/pagination';
import { describeValue, numberOf, textList } from '../../shared/validate';
import { exclusivePoll } from '../../shared/lease';
import { xavier } from '../provider';
import { detectEvents, sampleEvent, snapshotOf, stateDamage, uniqueClients } from './events';
import type { EventOptions, XavierEvent, XavierTriggerState } from './events';
import { warnDamagedState } from '../../shared/poller';

/**
 * What XavierTrigger does on each poll, loaded on its first poll (the node class holds only its description,
 * which n8n reads at load: issue 17, cold load).
 */
export async function pollTrigger(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	// One poll at a time per trigger node: see shared/lease.ts.
	return await exclusivePoll(this, async () => {
		const event = this.getNodeParameter('event') as XavierEvent;
		const options: EventOptions = { threshold: 0, toLevels: [] };
		if (event === 'healthScoreDropped') {
			const raw = this.getNodeParameter('threshold', 60);
			const threshold = numberOf(raw);
			if (!Number.isFinite(threshold) || threshold < 0 || threshold > 100) {
				throw new NodeOperationError(this.getNode(), 'Threshold must be a number from 0 to 100', {
					description: `Got ${describeValue(raw)}.`,
				});
			}
			options.threshold = threshold;
		}
		if (event === 'alertLevelChanged') {
			options.toLevels = textList(this.getNode(), this.getNodeParameter('toLevels', []), 'To Alert Level Names or IDs', 0);
		}

		const body = await apiRequestBody.call(this, xavier, { method: 'GET', path: '/clients' });
		const clients = uniqueClients(recordsAt(this, xavier, body, undefined));
		const state = this.getWorkflowStaticData('node') as XavierTriggerState;

		if (this.getMode() === 'manual') {
			// A test fetch shows real pending events if there are any, else a sample; state is untouched.
			const pending = state.clients && !stateDamage(state) ? detectEvents(event, clients, state.clients, options) : [];
			if (pending.length > 0) return [this.helpers.returnJsonArray(pending.slice(0, 1))];
			if (clients.length === 0) {
				throw new NodeOperationError(this.getNode(), 'No clients to show as a sample', {
					description: 'The token sees no clients in Xavier Analytics yet.',
				});
			}
			return [this.helpers.returnJsonArray([sampleEvent(event, clients[0], options)])];
		}

		const damage = stateDamage(state);
		if (damage) warnDamagedState(this, damage);
		if (!state.clients || damage) {
			state.clients = snapshotOf(clients);
			state.seededAt = new Date().toISOString();
			return null;
		}
		const events = detectEvents(event, clients, state.clients, options);
		// Only now, with the whole poll done, is the remembered state moved on.
		state.clients = snapshotOf(clients, state.clients);
		return events.length > 0 ? [this.helpers.returnJsonArray(events)] : null;
	});
}
