import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, IPollFunctions, JsonObject } from 'n8n-workflow';

import { apiRequest } from '../../shared/http';
import { pathWith } from '../../shared/validate';
import { exclusivePoll } from '../../shared/lease';
import { openEnvelope, recordFrom } from '../transport/envelope';
import { fetchAll } from '../transport/paging';
import { xtraKit } from '../provider';
import { SALE_EVENTS, WATCHED, detectEvents, newestRecord, seedState, stateDamage } from './events';
import type { XtraKitEvent, XtraKitTriggerState } from './events';
import { warnDamagedState } from '../../shared/poller';

/**
 * What XtraKitTrigger does on each poll, loaded on its first poll (the node class holds only its description,
 * which n8n reads at load: issue 17, cold load).
 */
export async function pollTrigger(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	// One poll at a time per trigger node: see shared/lease.ts.
	return await exclusivePoll(this, async () => {
		const event = this.getNodeParameter('event') as XtraKitEvent;
		const watched = WATCHED[event];
		if (!watched) throw new NodeOperationError(this.getNode(), `The event "${event}" is not supported`);
		const options = SALE_EVENTS.includes(event)
			? (this.getNodeParameter('options', {}) as { includeLineItems?: boolean })
			: {};

		// The whole list, every page of it, or an error: never a partial list (see transport/paging.ts).
		const records = await fetchAll(this, watched.list.path, watched.list.key, watched.list.noun);
		const state = this.getWorkflowStaticData('node') as XtraKitTriggerState;

		if (this.getMode() === 'manual') {
			// "Fetch test event": a real pending event if there is one, else the newest record. State untouched.
			const pending = state.event === event && !stateDamage(state) ? detectEvents(event, records, state).fresh : [];
			const sample = pending.length > 0 ? pending[pending.length - 1] : newestRecord(event, records);
			if (!sample) {
				throw new NodeOperationError(this.getNode(), `No ${watched.list.noun} to show as a sample yet`, {
					description: `Add one in XtraKit, or activate the workflow and wait for the first event.`,
				});
			}
			return [this.helpers.returnJsonArray(await withLineItems(this, [sample], options.includeLineItems))];
		}

		const damage = state.event === event ? stateDamage(state) : undefined;
		if (damage) warnDamagedState(this, damage);
		if (state.event !== event || damage) {
			// First activation (or another event chosen, or damaged state): remember what exists, emit nothing.
			replaceState(state, seedState(event, records, new Date().toISOString()));
			return null;
		}

		const { fresh, next } = detectEvents(event, records, state);
		const out = await withLineItems(this, fresh, options.includeLineItems);
		// Only now, with everything read, does the trigger remember what it has delivered.
		replaceState(state, next);
		return out.length > 0 ? [this.helpers.returnJsonArray(out)] : null;
	});
}

/** Static data must be changed in place (n8n watches that object). */
function replaceState(state: XtraKitTriggerState, next: XtraKitTriggerState): void {
	for (const key of Object.keys(state) as Array<keyof XtraKitTriggerState>) delete state[key];
	Object.assign(state, next);
}

/** Adds each sale's line items (Fetch Sale); a sale deleted in between keeps its list form. */
async function withLineItems(ctx: IPollFunctions, sales: IDataObject[], include: boolean | undefined): Promise<IDataObject[]> {
	if (!include) return sales;
	const out: IDataObject[] = [];
	for (const sale of sales) {
		const code = String(sale.invoice_code ?? '').trim();
		if (code === '') {
			out.push(sale);
			continue;
		}
		const path = pathWith(ctx.getNode(), '/sales/{invoiceCode}', { invoiceCode: code }, 0);
		try {
			const { statusCode, body } = await apiRequest.call(ctx, xtraKit, { method: 'GET', path });
			const detail = recordFrom(ctx.getNode(), openEnvelope(ctx.getNode(), body, { httpStatus: statusCode }), 'sales');
			out.push({ ...sale, ...(detail ?? {}) });
		} catch (error) {
			if ((error as { httpCode?: unknown }).httpCode === '404') {
				out.push(sale);
				continue;
			}
			throw new NodeApiError(ctx.getNode(), error as JsonObject);
		}
	}
	return out;
}
