import type { IDataObject } from 'n8n-workflow';

import type { ClientXcmsRow } from '../provider';
import type { BodyField } from './bodies';
import { PICK_MANY, TIMESTAMPS } from './common';
import { crud } from './crud';
import type { ResourceInfo } from './row';

export const coupon: ResourceInfo = { value: 'coupon', name: 'Coupon', label: 'Coupon', path: '/coupons', show: 'paginatedShow' };

const FIELDS: BodyField[] = [
	{ key: 'code', label: 'Code', kind: 'string', create: true },
	{ key: 'type', label: 'Type', kind: 'options', options: ['percent', 'fixed'], create: true, default: 'percent' },
	{ key: 'applied_month', label: 'Applied Months', kind: 'number', create: true, default: -1, description: '-1 for every renewal' },
	{ key: 'free_setup', label: 'Free Setup', kind: 'boolean', create: true, default: false, description: 'Whether the coupon also waives the setup fee' },
	{ key: 'first_order_only', label: 'First Order Only', kind: 'boolean', create: true, default: false, description: "Whether the coupon only applies to a customer's first order" },
	{ key: 'is_global', label: 'Global', kind: 'boolean', create: true, default: true, description: 'Whether the coupon applies to every product rather than only to the products it lists' },
	{ key: 'max_uses', label: 'Max Uses', kind: 'number', create: true, default: 0 },
	{ key: 'max_uses_per_customer', label: 'Max Uses per Customer', kind: 'number', create: true, default: 0 },
	{ key: 'usages', label: 'Usages', kind: 'number', create: true, default: 0 },
	{ key: 'minimum_order_amount', label: 'Minimum Order Amount', kind: 'number', create: true, default: 0 },
	{ key: 'start_at', label: 'Start At', kind: 'dateTime' },
	{ key: 'end_at', label: 'End At', kind: 'dateTime' },
	{ key: 'customer_id', label: 'Customer', kind: 'customer' },
	{ key: 'products', label: 'Product Names or IDs', kind: 'multiOptions', loadOptionsMethod: 'getProducts', description: `Products the coupon applies to. ${PICK_MANY}.` },
	{ key: 'required_products', label: 'Required Product Names or IDs', kind: 'multiOptions', loadOptionsMethod: 'getProducts', description: PICK_MANY },
	{ key: 'pricing', label: 'Pricing (JSON)', kind: 'json', description: 'By billing cycle, e.g. {"monthly": {"price": 10, "setup": 0}}' },
];

// Sorts are the controller's own `$sorts`, not its `$filters` (AbstractApiController.php:40-45; CouponController.php:33-44 / 53-61).
const FILTERS = ['id', 'code', 'type', 'is_global', 'customer_id', ...TIMESTAMPS];
const SORTS = ['id', 'code', 'type', 'start_at', 'end_at', 'max_uses', 'usages', 'is_global', ...TIMESTAMPS];

export const couponRows: ClientXcmsRow[] = crud(coupon, {
	ability: 'coupons',
	list: { envelope: 'paginator', filters: FILTERS, sorts: SORTS, includes: ['products', 'pricing', 'usages', 'customer'] },
	show: 'paginatedShow',
	fields: FIELDS,
	// The update takes the create's rules (required every time); CouponRequest.php:73-75 turn an omitted
	// flag into false; CouponController::update empties the required products (line 232) and the
	// products (line 245) when they are not sent.
	merge: {
		keys: [
			'code',
			'type',
			'applied_month',
			'free_setup',
			'first_order_only',
			'is_global',
			'max_uses',
			'max_uses_per_customer',
			'usages',
			'minimum_order_amount',
			'products',
			'required_products',
		],
		include: 'products',
		// The products are a relation (objects), the required products the `products_required` column.
		readBack: {
			products: (record) => (Array.isArray(record.products) ? (record.products as IDataObject[]).map((p) => (p && typeof p === 'object' ? p.id : p)) : undefined),
			required_products: (record) => (Array.isArray(record.products_required) ? record.products_required : undefined),
		},
		mustReadBack: ['products', 'required_products'],
	},
});
