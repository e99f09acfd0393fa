import { NodeHelpers } from 'n8n-workflow';
import type { INodeParameters, INodeProperties, INodePropertyCollection, INodePropertyOptions, INodeType } from 'n8n-workflow';

/**
 * What a user can choose or type in a node's editor, form by form: for every resource × operation, the
 * parameters n8n shows (NodeHelpers.displayParameter, with the form's other parameters at their defaults),
 * in order, with name, type, default, required, the values they accept (option lists, collection entries,
 * fixedCollection values, locator modes) and any condition beyond resource/operation. Descriptions and
 * hints are left out: they are help text, not something a saved workflow depends on.
 *
 * An option list the node loads without the network (a loadOptions method that answers from the form's
 * resource and operation) is resolved, so a list moved from the description into such a method compares
 * equal to the inline list it replaced.
 */

type Any = INodeProperties | INodePropertyOptions | INodePropertyCollection;

const HELP = new Set(['description', 'hint', 'placeholder', 'action', 'routing', 'noDataExpression']);

async function localOptions(node: INodeType, method: string, form: INodeParameters): Promise<unknown> {
	const fn = node.methods?.loadOptions?.[method];
	if (!fn) return { loadOptionsMethod: method };
	const ctx = {
		getCurrentNodeParameter: (name: string) => form[name.replace(/^\//, '')],
		getNodeParameter: (name: string) => form[name],
		getNode: () => ({ name: 'node', typeVersion: 1, parameters: form }),
	};
	try {
		const list = await fn.call(ctx as never);
		return list.map((o) => ({ name: o.name, value: o.value }));
	} catch {
		// Needs the API (helpers are missing here): the method's name is what the description holds.
		return { loadOptionsMethod: method };
	}
}

async function normalise(p: Any, node: INodeType, form: INodeParameters): Promise<unknown> {
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(p)) {
		if (HELP.has(key)) continue;
		if (key === 'displayOptions') {
			const { show, ...rest } = value as NonNullable<INodeProperties['displayOptions']>;
			const own = Object.fromEntries(Object.entries(show ?? {}).filter(([k]) => k !== 'resource' && k !== 'operation'));
			const kept = { ...rest, ...(Object.keys(own).length ? { show: own } : {}) };
			if (Object.keys(kept).length) out.displayOptions = kept;
			continue;
		}
		if (key === 'typeOptions') {
			const { loadOptionsMethod, loadOptionsDependsOn: _dependsOn, ...rest } = value as Record<string, unknown>;
			if (Object.keys(rest).length) out.typeOptions = rest;
			if (typeof loadOptionsMethod === 'string') out.options = await localOptions(node, loadOptionsMethod, form);
			continue;
		}
		if ((key === 'options' || key === 'values' || key === 'modes') && Array.isArray(value)) {
			out[key] = await Promise.all(value.map((v) => (typeof v === 'object' && v !== null ? normalise(v as Any, node, form) : v)));
			continue;
		}
		out[key] = value;
	}
	// Not required, false and undefined are the same to n8n (and a JSON round trip drops undefined).
	if (!out.required) delete out.required;
	return out;
}

export type ReachableUi = Record<string, unknown[]>;

/** The reachable UI of one node, keyed "resource/operation" ("-" where the node has none). */
export async function reachableUi(node: INodeType): Promise<ReachableUi> {
	const properties = node.description.properties;
	const values = (name: string, form: INodeParameters): Array<string | number | boolean> => {
		const options: Array<string | number | boolean> = [];
		for (const p of properties) {
			if (p.name !== name || !NodeHelpers.displayParameter(form, p, { typeVersion: 1 }, node.description)) continue;
			for (const o of (p.options ?? []) as INodePropertyOptions[]) options.push(o.value as string | number | boolean);
		}
		return options;
	};
	const forms: INodeParameters[] = [];
	const resources = properties.some((p) => p.name === 'resource') ? values('resource', {}) : [undefined];
	for (const resource of resources) {
		const base: INodeParameters = resource === undefined ? {} : { resource: resource as string };
		const operations = properties.some((p) => p.name === 'operation') ? values('operation', base) : [undefined];
		for (const operation of operations) forms.push(operation === undefined ? base : { ...base, operation: operation as string });
	}
	const out: ReachableUi = {};
	for (const form of forms) {
		const visible: unknown[] = [];
		const state: INodeParameters = { ...form };
		for (const p of properties) {
			if (p.name === 'resource' || p.name === 'operation') continue;
			if (!NodeHelpers.displayParameter(state, p, { typeVersion: 1 }, node.description)) continue;
			if (!(p.name in state)) state[p.name] = p.default;
			visible.push(await normalise(p, node, form));
		}
		out[`${form.resource ?? '-'}/${form.operation ?? '-'}`] = visible;
	}
	// Resource and operation lists themselves (names, values, defaults).
	const selectors = properties.filter((p) => p.name === 'resource' || p.name === 'operation');
	out['(selectors)'] = await Promise.all(selectors.map((p) => normalise(p, node, {})));
	return out;
}
