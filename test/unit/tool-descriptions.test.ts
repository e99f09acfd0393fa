// What a model reads about our nodes when an AI Agent uses them as tools (issue 18, item 3). n8n turns a
// node with `usableAsTool` into a `<node>Tool` type; unless the user writes a description by hand, the tool
// description the model gets is `NodeHelpers.getToolDescriptionForNode` over the node's parameters: the
// chosen operation's `action` plus " in <defaults.name>" (n8n-workflow node-helpers.ts, makeDescription;
// the same in 1.123 and 2.41), and the node's own `description` when no operation matches. This walks
// every resource and operation of every node as the nodes build their descriptions at run time.
import * as fs from 'fs';
import * as path from 'path';
import { NodeHelpers, type INode, type INodePropertyOptions, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

const root = path.join(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const nodeFiles: string[] = pkg.n8n.nodes.map((f: string) => f.replace(/^dist\//, '').replace(/\.js$/, ''));

function load(file: string): INodeTypeDescription {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const mod = require(path.join(root, file)) as Record<string, new () => INodeType>;
	const Cls = Object.values(mod).find((v) => typeof v === 'function');
	if (!Cls) throw new Error(`${file} exports no node class`);
	return new Cls().description;
}

const descriptions = nodeFiles.map(load);
const actionNodes = descriptions.filter((d) => !d.name.endsWith('Trigger'));

interface ToolCase {
	node: string;
	resource: string;
	resourceName: string;
	operation: string;
	action: string | undefined;
	text: string;
}

/** Every (resource, operation) of a node with the tool description n8n makes of it. */
function toolCases(d: INodeTypeDescription): ToolCase[] {
	const resource = d.properties.find((p) => p.name === 'resource');
	const cases: ToolCase[] = [];
	for (const r of (resource?.options ?? []) as INodePropertyOptions[]) {
		const operationProps = d.properties.filter(
			(p) => p.name === 'operation' && (p.displayOptions?.show?.resource as unknown[] | undefined)?.includes(r.value),
		);
		for (const prop of operationProps) {
			for (const o of (prop.options ?? []) as INodePropertyOptions[]) {
				// The parameters of a tool node as n8n runs it: defaults filled in, descriptionType 'auto'.
				const node = { name: d.defaults.name, parameters: { resource: r.value, operation: o.value, descriptionType: 'auto' } } as unknown as INode;
				const text = NodeHelpers.getToolDescriptionForNode(node, { description: d } as INodeType);
				cases.push({ node: d.name, resource: String(r.value), resourceName: r.name, operation: String(o.value), action: o.action, text });
			}
		}
	}
	return cases;
}

const cases = actionNodes.flatMap(toolCases);

describe('tool descriptions a model sees (usableAsTool)', () => {
	it('every action node is usable as a tool, no trigger is, and each says what it is for', () => {
		expect(actionNodes.map((d) => d.name).sort()).toEqual(['clientXcms', 'cliniko', 'saveris', 'xavier', 'xtraKit']);
		for (const d of descriptions) {
			expect({ node: d.name, usableAsTool: d.usableAsTool === true }).toEqual({ node: d.name, usableAsTool: !d.name.endsWith('Trigger') });
		}
		for (const d of actionNodes) {
			// The fallback description (no operation matched) and the name the tool description ends with.
			expect(d.description.split(/\s+/).length).toBeGreaterThanOrEqual(5);
			expect(d.defaults.name?.trim()).toBeTruthy();
		}
	});

	it('covers every operation of every action node', () => {
		// Counts from the operations tables (`npm run catalog`): a resource without operations would drop out here.
		const count = (node: string) => cases.filter((c) => c.node === node).length;
		expect({ clientXcms: count('clientXcms'), cliniko: count('cliniko'), saveris: count('saveris'), xavier: count('xavier'), xtraKit: count('xtraKit') }).toEqual({
			clientXcms: 82,
			cliniko: 184,
			saveris: 45,
			xavier: 3,
			xtraKit: 21,
		});
	});

	it('is the operation’s action in the node’s name, never a bare "<operation> <resource>" or the generic fallback', () => {
		const bad = cases.filter((c) => {
			const d = actionNodes.find((n) => n.name === c.node)!;
			return !c.action?.trim() || c.text !== `${c.action} in ${d.defaults.name}`;
		});
		expect(bad).toEqual([]);
	});

	it('names the record it works on (a word of the resource) and starts with a verb in sentence case', () => {
		const stem = (w: string) => w.toLowerCase().replace(/(ies|s)$/, '');
		const bad = cases.filter((c) => {
			const words = c.resourceName
				.replace(/[()]/g, ' ')
				.split(/\s+/)
				.filter((w) => w.length >= 3)
				.map(stem);
			const text = c.text.toLowerCase();
			return !/^[A-Z][a-z]+ /.test(c.text) || !words.some((w) => text.includes(w));
		});
		expect(bad.map((c) => `${c.node} ${c.resource}.${c.operation}: ${c.text}`)).toEqual([]);
	});

	it('tells every operation of a node apart (no two tools read the same)', () => {
		for (const d of actionNodes) {
			const texts = cases.filter((c) => c.node === d.name).map((c) => c.text);
			const dupes = texts.filter((t, i) => texts.indexOf(t) !== i);
			expect({ node: d.name, dupes }).toEqual({ node: d.name, dupes: [] });
		}
	});
});
