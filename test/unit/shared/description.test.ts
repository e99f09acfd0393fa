import { listFields, operationFields, operationProperties, resourceProperty } from '../../../nodes/shared/description';
import type { OperationDef } from '../../../nodes/shared/types';

const table: OperationDef[] = [
	{ resource: 'widget', operation: 'getAll', name: 'Get Many', action: 'Get many widgets', description: 'd', method: 'GET', path: '/w', pagination: { type: 'none' } },
	{
		resource: 'widget',
		operation: 'get',
		name: 'Get',
		action: 'Get a widget',
		description: 'd',
		method: 'GET',
		path: '/w/{id}',
		fields: [{ displayName: 'ID', name: 'id', type: 'string', default: '' }],
	},
	{ resource: 'gadget', operation: 'create', name: 'Create', action: 'Create a gadget', description: 'd', method: 'POST', path: '/g' },
];

describe('description builders', () => {
	it('sorts resources and operations alphabetically and sets defaults', () => {
		const resource = resourceProperty([{ name: 'Widget', value: 'widget' }, { name: 'Gadget', value: 'gadget' }], 'widget');
		expect(resource.options?.map((o) => (o as { name: string }).name)).toEqual(['Gadget', 'Widget']);
		expect(resource.default).toBe('widget');
		const ops = operationProperties(table, { widget: 'getAll' });
		expect(ops).toHaveLength(2);
		expect(ops[0].displayOptions?.show).toEqual({ resource: ['widget'] });
		expect(ops[0].options?.map((o) => (o as { value: string }).value)).toEqual(['get', 'getAll']);
		expect(ops[0].default).toBe('getAll');
		expect(ops[1].default).toBe('create');
	});

	it('adds Return All / Limit to list operations and scopes every field to its operation', () => {
		const fields = operationFields(table);
		expect(fields.map((f) => f.name)).toEqual(['returnAll', 'limit', 'id']);
		expect(fields[1].displayOptions?.show).toEqual({ resource: ['widget'], operation: ['getAll'], returnAll: [false] });
		expect(fields[2].displayOptions?.show).toEqual({ resource: ['widget'], operation: ['get'] });
		expect(listFields('a', 'b')[1].default).toBe(50);
	});
});
