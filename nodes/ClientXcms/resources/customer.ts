import type { ClientXcmsRow } from '../provider';
import type { BodyField } from './bodies';
import { TIMESTAMPS, flag, text } from './common';
import { crud } from './crud';
import { route } from './row';
import type { ResourceInfo } from './row';

export const customer: ResourceInfo = {
	value: 'customer',
	name: 'Customer',
	label: 'Customer',
	path: '/customers',
	show: 'object',
	searchMethod: 'searchCustomers',
};

const FIELDS: BodyField[] = [
	{ key: 'email', label: 'Email', kind: 'string', create: true, placeholder: 'name@email.com', description: 'Lowercase, unique' },
	{ key: 'firstname', label: 'First Name', kind: 'string', create: true },
	{ key: 'lastname', label: 'Last Name', kind: 'string', create: true },
	{ key: 'address', label: 'Address', kind: 'string', create: true },
	{ key: 'city', label: 'City', kind: 'string', create: true },
	{ key: 'zipcode', label: 'Zip Code', kind: 'string', create: true },
	{ key: 'region', label: 'Region', kind: 'string', create: true },
	{ key: 'country', label: 'Country Code', kind: 'string', create: true, placeholder: 'FR', description: 'ISO 3166-1 alpha-2 code' },
	{ key: 'locale', label: 'Locale', kind: 'string', create: true, default: 'fr_FR', description: 'One of the locales enabled on the instance, e.g. fr_FR or en_GB' },
	{ key: 'address2', label: 'Address 2', kind: 'string' },
	{ key: 'phone', label: 'Phone', kind: 'string' },
	{ key: 'company_name', label: 'Company Name', kind: 'string' },
	{ key: 'billing_details', label: 'Billing Details', kind: 'string' },
	{ key: 'password', label: 'Password', kind: 'password', description: 'Leave empty on create to send the customer a reset link' },
	{
		key: 'verified',
		label: 'Email Verified',
		kind: 'boolean',
		default: true,
		only: 'create',
		description: 'Whether to mark the e-mail as verified. When off, the node leaves the field out: the server verifies whenever it is sent, even as false.',
	},
	{ key: 'balance', label: 'Balance', kind: 'number' },
];

const ACCOUNT_ACTIONS = [
	{ name: 'Suspend', value: 'suspend' },
	{ name: 'Reactivate', value: 'reactivate' },
	{ name: 'Ban', value: 'ban' },
	{ name: 'Disable Two-Factor Authentication', value: 'disable2FA' },
];

/** A POST on one customer that takes no body, from v2.14. */
const action = (operation: string, name: string, path: string, actionText: string): ClientXcmsRow =>
	route(customer, { operation, name, action: actionText, method: 'POST', path, ability: 'customers:update', envelope: 'object', since: '2.14', body: {} });

export const customerRows: ClientXcmsRow[] = [
	...crud(customer, {
		ability: 'customers',
		since: '2.14',
		list: { envelope: 'collection', filters: ['id', 'email', 'firstname', 'lastname', 'phone', ...TIMESTAMPS], includes: ['invoices', 'metadata', 'services'] },
		show: 'object',
		fields: FIELDS,
		// The update takes the create's rules (UpdateCustomerRequest): these are required every time.
		merge: { keys: ['email', 'firstname', 'lastname', 'address', 'city', 'zipcode', 'region', 'country'] },
		// StoreCustomerRequest.php:102-104 verifies the e-mail whenever `verified` is filled, and a JSON
		// false counts as filled: "not verified" is said by leaving it out.
		finishBody: (body) => {
			if (body.verified === false) delete body.verified;
			return body;
		},
		extra: {
			delete: {
				fields: [flag('Force', 'force', 'Whether to delete even with active services or pending invoices')],
				buildQuery: (opCtx) => (opCtx.ctx.getNodeParameter('force', opCtx.itemIndex, false) ? { force: 1 } : {}),
			},
		},
	}),
	action('confirm', 'Confirm Email', '/customers/{id}/confirm', "Confirm a customer's email"),
	action('resendConfirmation', 'Resend Confirmation', '/customers/{id}/resend_confirmation', "Resend a customer's confirmation email"),
	action('sendPassword', 'Send Password Reset', '/customers/{id}/send_password', 'Send a customer a password reset'),
	route(customer, {
		operation: 'action',
		name: 'Run Account Action',
		action: "Run an action on a customer's account",
		method: 'POST',
		path: '/customers/{id}/action/{action}',
		ability: 'customers:update',
		envelope: 'object',
		since: '2.14',
		pathParams: [{ param: 'accountAction', as: 'action', label: 'Action' }],
		fields: [
			{ displayName: 'Action', name: 'accountAction', type: 'options', options: ACCOUNT_ACTIONS, default: 'suspend', required: true },
			{
				displayName: 'Options',
				name: 'actionOptions',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					flag('Also Suspend Services', 'force', 'Whether to suspend the customer’s active services too'),
					flag('Notify Customer', 'notify', 'Whether to email the customer'),
					text('Reason', 'reason'),
				],
			},
		],
		body: { collections: ['actionOptions'] },
	}),
];
