import type { INodeProperties } from 'n8n-workflow';

import { optionalCalendarDate } from '../../shared/dates';
import type { OperationContext } from '../../shared/types';

/** The status every store record (products, groups, servers, cancellation reasons) has. */
export const STATUS = ['active', 'hidden', 'unreferenced'];

/** The billing cycles of a pricing, in the order the server lists them. */
export const CYCLES = ['onetime', 'monthly', 'quarterly', 'semiannually', 'annually', 'biennially', 'triennially'];

export const TIMESTAMPS = ['created_at', 'updated_at'];

export const text = (displayName: string, name: string, extra: Partial<INodeProperties> = {}): INodeProperties =>
	({ displayName, name, type: 'string', default: '', ...extra }) as INodeProperties;

export const flag = (displayName: string, name: string, description: string): INodeProperties => ({ displayName, name, type: 'boolean', default: false, description });

/** "Choose from the list…" for a dropdown filled by a loadOptions method. */
export const PICK_ONE = 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>';
export const PICK_MANY = 'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>';

/**
 * Dates the server takes as calendar days (YYYY-MM-DD): each one present is checked and cut to its day
 * under the package's one date-time rule (the workflow's time zone unless the value has an offset).
 */
export function calendarDates(values: Record<string, unknown>, labels: Record<string, string>, opCtx: OperationContext): Record<string, string | undefined> {
	const out: Record<string, string | undefined> = {};
	const timeZone = opCtx.ctx.getTimezone();
	for (const [key, label] of Object.entries(labels)) {
		if (key in values) out[key] = optionalCalendarDate(opCtx.ctx.getNode(), values[key], label, opCtx.itemIndex, timeZone);
	}
	return out;
}
