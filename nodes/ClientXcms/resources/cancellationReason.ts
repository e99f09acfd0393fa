import type { IDataObject } from 'n8n-workflow';

import type { ClientXcmsRow } from '../provider';
import type { BodyField } from './bodies';
import { STATUS, calendarDates, text } from './common';
import { crud } from './crud';
import { route } from './row';
import type { ResourceInfo } from './row';

export const cancellationReason: ResourceInfo = {
	value: 'cancellationReason',
	name: 'Cancellation Reason',
	label: 'Cancellation reason',
	path: '/cancellation_reasons',
	show: 'object',
};

const FIELDS: BodyField[] = [
	{ key: 'reason', label: 'Reason', kind: 'string', create: true },
	{ key: 'status', label: 'Status', kind: 'options', options: STATUS, create: true, default: 'active' },
];

const DATES = { start_date: 'Start Date', end_date: 'End Date' };

export const cancellationReasonRows: ClientXcmsRow[] = [
	...crud(cancellationReason, {
		ability: 'cancellation_reasons',
		list: { envelope: 'paginator', filters: ['status', 'reason'], sorts: ['id', 'reason', 'status', 'created_at'] },
		show: 'object',
		fields: FIELDS,
	}),
	route(cancellationReason, {
		operation: 'analytics',
		name: 'Get Analytics',
		action: 'Get cancellation reason analytics',
		method: 'GET',
		path: '/cancellation_reasons_analytics',
		ability: 'cancellation_reasons:analytics',
		envelope: 'object',
		fields: [text('Start Date', 'start_date', { type: 'dateTime', description: 'Default: six months ago' }), text('End Date', 'end_date', { type: 'dateTime', description: 'Default: today' })],
		buildQuery: (opCtx) => {
			const values = Object.fromEntries(Object.keys(DATES).map((key) => [key, opCtx.ctx.getNodeParameter(key, opCtx.itemIndex, '')]));
			const qs: IDataObject = {};
			for (const [key, date] of Object.entries(calendarDates(values, DATES, opCtx))) if (date !== undefined) qs[key] = date;
			return qs;
		},
	}),
];
