import type { ClientXcmsRow } from '../provider';
import type { BodyField } from './bodies';
import { CYCLES } from './common';
import { crud } from './crud';
import { titleOf } from './row';
import type { ResourceInfo } from './row';

export const pricing: ResourceInfo = { value: 'pricing', name: 'Pricing', label: 'Pricing', path: '/pricings', show: 'object' };

const FIELDS: BodyField[] = [
	{ key: 'related_id', label: 'Related ID', kind: 'number', create: true, default: 0, description: 'ID of the product (or other record) priced' },
	{
		key: 'related_type',
		label: 'Related Type',
		kind: 'options',
		options: ['product', 'service', 'coupon', 'configoption_service', 'config_option', 'option'],
		create: true,
		default: 'product',
	},
	{ key: 'currency', label: 'Currency', kind: 'string', create: true, default: 'EUR' },
	...CYCLES.map((c): BodyField => ({ key: c, label: `Price ${titleOf(c)}`, kind: 'number' })),
	...CYCLES.map((c): BodyField => ({ key: `setup_${c}`, label: `Setup Fee ${titleOf(c)}`, kind: 'number' })),
];

export const pricingRows: ClientXcmsRow[] = crud(pricing, {
	ability: 'pricings',
	since: '2.14',
	list: { envelope: 'paginator', filters: ['id', 'related_id', 'related_type', 'currency', ...CYCLES, ...CYCLES.map((c) => `setup_${c}`)] },
	show: 'object',
	fields: FIELDS,
	// The update takes the create's rules (PricingRequest): these are required every time.
	merge: { keys: ['related_id', 'related_type', 'currency'] },
});
