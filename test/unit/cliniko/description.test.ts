import { NodeHelpers } from 'n8n-workflow';
import type { INodeParameters, INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';

import { Cliniko } from '../../../nodes/Cliniko/Cliniko.node';
import { clinikoOperations } from '../../../nodes/Cliniko/resources';

// The same title-case function n8n's lint uses (eslint-plugin-n8n-nodes-base depends on it).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { titleCase } = require('title-case');

const description = new Cliniko().description;
const properties = description.properties;

type AnyProperty = INodeProperties | INodePropertyOptions | INodePropertyCollection;

/** Every parameter, collection entry and fixedCollection value, however deep. */
function walk(list: AnyProperty[], visit: (p: AnyProperty, parent?: AnyProperty) => void, parent?: AnyProperty) {
	for (const p of list) {
		visit(p, parent);
		const nested = (p as INodeProperties).options ?? (p as INodePropertyCollection).values;
		if (Array.isArray(nested) && nested.length && typeof nested[0] === 'object' && ('displayName' in nested[0] || 'values' in nested[0])) {
			walk(nested as AnyProperty[], visit, p);
		}
	}
}

function isParam(p: AnyProperty): p is INodeProperties {
	return 'displayName' in p && 'type' in p;
}

describe('Cliniko node description follows n8n conventions', () => {
	it('sorts option lists alphabetically (codes keep their order) and names things in Title Case', () => {
		walk(properties, (p) => {
			if (!isParam(p)) return;
			if (!/\bor\b/i.test(p.displayName)) expect(titleCase(p.displayName)).toBe(p.displayName);
			if ((p.type === 'options' || p.type === 'multiOptions') && Array.isArray(p.options) && p.options.length >= 5) {
				const names = (p.options as INodePropertyOptions[]).map((o) => o.name);
				if (!/^\d+$/.test(String((p.options[0] as INodePropertyOptions).value))) {
					expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
				}
			}
			if (p.type === 'options' && Array.isArray(p.options)) {
				for (const o of p.options as INodePropertyOptions[]) {
					expect(titleCase(o.name)).toBe(o.name);
					// n8n reads a stored value starting with "=" as an expression.
					expect(String(o.value)).not.toMatch(/^=/);
				}
			}
			if (p.type === 'collection' && Array.isArray(p.options)) {
				const names = (p.options as INodeProperties[]).map((o) => o.displayName);
				expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
			}
		});
	});

	it('writes descriptions the way the lint wants them', () => {
		walk(properties, (p) => {
			if (!isParam(p)) return;
			if (p.type === 'boolean' && p.description) expect(p.description).toMatch(/^Whether /);
			if (p.typeOptions?.loadOptionsMethod) {
				expect(p.displayName).toMatch(p.type === 'multiOptions' ? / Names or IDs$/ : / Name or ID$/);
				expect(p.description).toMatch(/^Choose from the list, or specify (an ID|IDs) using an <a href="https:\/\/docs.n8n.io\/code\/expressions\/">expression<\/a>$/);
			}
			const text = p.description;
			if (!text) return;
			expect(text).toBe(text.trim());
			expect(text).not.toMatch(/\b(id|ids|url|json)\b/);
			const sentences = text.replace(/\b(e\.g|i\.e)\./g, '').split(/(?<=\.)\s+(?=[A-Z"])/);
			if (sentences.length === 1) expect(text).not.toMatch(/\.$/);
			else expect(text).toMatch(/[.)>]$/);
			if (/^(email|invoice_email)$/.test(p.name) && p.type === 'string') expect(p.placeholder).toBe('name@email.com');
		});
	});

	it('offers every operation with an action, Get Many for lists', () => {
		const operationProps = properties.filter((p) => p.name === 'operation');
		const offered = operationProps.flatMap((p) =>
			(p.options as INodePropertyOptions[]).map((o) => `${(p.displayOptions?.show?.resource as string[])[0]}.${o.value}`),
		);
		expect(offered.sort()).toEqual(clinikoOperations.map((o) => `${o.resource}.${o.operation}`).sort());
		for (const p of operationProps) {
			for (const o of p.options as INodePropertyOptions[]) {
				expect(o.action).toBeTruthy();
				if (o.value === 'getAll') expect(o.name).toBe('Get Many');
				expect(String(o.description)).not.toMatch(/ all /);
			}
		}
		expect(description.usableAsTool).toBe(true);
	});

	it('shows each operation exactly its own parameters, in its own order', () => {
		const node = { typeVersion: 1 };
		for (const op of clinikoOperations) {
			const values: INodeParameters = { resource: op.resource, operation: op.operation, returnAll: false };
			const shown = properties
				.filter((p) => p.name !== 'resource' && p.name !== 'operation')
				.filter((p) => NodeHelpers.displayParameter(values, p, node, description))
				.map((p) => p.name);
			const own = (op.fields ?? []).map((f) => f.name);
			expect({ op: `${op.resource}.${op.operation}`, shown }).toEqual({ op: `${op.resource}.${op.operation}`, shown: own });
		}
	});

	it('keeps IDs as text everywhere: no number parameter for an ID', () => {
		walk(properties, (p) => {
			if (isParam(p) && /(^id$|_id$|Id$|_ids$)/.test(p.name)) expect(p.type).not.toBe('number');
		});
	});

	it('stays a reasonable size for the editor', () => {
		expect(JSON.stringify(description).length).toBeLessThan(600_000);
	});
});
