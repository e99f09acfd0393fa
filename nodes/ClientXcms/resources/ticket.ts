import type { ClientXcmsRow } from '../provider';
import type { BodyField } from './bodies';
import { PICK_ONE, TIMESTAMPS, text } from './common';
import { crud } from './crud';
import { route } from './row';
import type { ResourceInfo, RouteSpec } from './row';

export const ticket: ResourceInfo = { value: 'ticket', name: 'Ticket', label: 'Ticket', path: '/tickets', show: 'paginatedShow' };

const FIELDS: BodyField[] = [
	{ key: 'department_id', label: 'Department Name or ID', kind: 'options', loadOptionsMethod: 'getDepartments', create: true, description: PICK_ONE },
	{ key: 'priority', label: 'Priority', kind: 'options', options: ['low', 'medium', 'high'], create: true, default: 'medium' },
	{ key: 'subject', label: 'Subject', kind: 'string', create: true },
	{ key: 'content', label: 'Message', kind: 'string', create: true, only: 'create', description: '5 to 10000 characters' },
	{ key: 'customer_id', label: 'Customer', kind: 'customer', only: 'create' },
	// No Related Record: with an API key the server answers 500 to any "service-ID" / "invoice-ID"
	// (CustomerIsRelatedWith.php:38-45 calls auth('web')->user()->services() on null), and the
	// update route does not take it (UpdateTicketRequest.php:34-40).
	{ key: 'close_reason', label: 'Close Reason', kind: 'string', only: 'update' },
	{ key: 'assigned_to', label: 'Assigned To', kind: 'string', only: 'update', description: 'Admin ID, or "none"' },
];

const FILTERS = ['id', 'subject', 'status', 'priority', 'department_id', 'customer_id', 'assigned_to', ...TIMESTAMPS];

/** A POST on one ticket (ID or UUID). */
const onTicket = (spec: Omit<RouteSpec, 'method' | 'envelope' | 'uuid'>): ClientXcmsRow => route(ticket, { method: 'POST', envelope: 'object', uuid: true, ...spec });

export const ticketRows: ClientXcmsRow[] = [
	...crud(ticket, {
		ability: 'tickets',
		list: { envelope: 'paginator', filters: FILTERS, sorts: [...FILTERS, 'closed_at'], includes: ['customer', 'department', 'messages', 'attachments', 'assignedTo', 'comments'] },
		show: 'paginatedShow',
		fields: FIELDS,
		// Department, priority and subject are required on every update (its FormRequest in app/Http/Requests/Helpdesk).
		merge: { keys: ['department_id', 'priority', 'subject'] },
		uuid: ['update', 'delete'],
		extra: {
			create: {
				fields: [
					{
						displayName:
							'Attachments and a related service or invoice cannot be set on Create: CLIENTXCMS discards files sent with a new ticket (attach them with Reply), and answers HTTP 500 to a related record sent with an API key.',
						name: 'createNotice',
						type: 'notice',
						default: '',
					},
				],
			},
		},
	}),
	onTicket({
		operation: 'reply',
		name: 'Reply',
		action: 'Reply to a ticket',
		path: '/tickets/{id}/reply',
		ability: 'tickets:reply',
		fields: [
			text('Message', 'content', { required: true, typeOptions: { rows: 4 }, description: '5 to 10000 characters' }),
			{
				displayName: 'Attachment Binary Properties',
				name: 'attachments',
				type: 'string',
				default: '',
				placeholder: 'data, invoice',
				description: 'Comma-separated names of binary properties of the input item to attach (up to 5). The request is then sent as multipart form data.',
			},
		],
		body: { fields: [{ param: 'content', label: 'Message', required: true }] },
		// Only Reply stores files (TicketController.php:350-352), at most 5; Create discards them (lines 188-196).
		attachments: { param: 'attachments', field: 'attachments[]', max: 5 },
	}),
	onTicket({ operation: 'close', name: 'Close', path: '/tickets/{id}/close', ability: 'tickets:close', fields: [text('Reason', 'reason')], body: { fields: [{ param: 'reason' }] } }),
	onTicket({ operation: 'reopen', name: 'Reopen', path: '/tickets/{id}/reopen', ability: 'tickets:reopen', body: {} }),
];
