import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';

import type { INodeType } from 'n8n-workflow';

import { reachableUi } from '../../helpers/reachableUi';

/**
 * Issue 17: n8n sends every node's description to every editor that opens (serialised JSON), so its size
 * is a cost each user pays. Targets: Cliniko ≤ 200 KB, all nodes of the package together ≤ 350 KB (Notion,
 * n8n's largest built-in node, is 277 KB). Shrinking must not lose anything a user can choose or type:
 * the reachable UI of every node is compared with a fixture recorded from the code before the shrinking
 * (REACHABLE_FIXTURE=write rewrites it: only for an intended, reviewed change).
 */

const root = path.join(__dirname, '..', '..', '..');
const fixture = path.join(__dirname, 'reachable-ui.json.gz');
const KB = 1000;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const pkg = require(path.join(root, 'package.json')) as { n8n: { nodes: string[] } };

function loadNodes(): Array<{ name: string; node: INodeType }> {
	const out: Array<{ name: string; node: INodeType }> = [];
	for (const file of pkg.n8n.nodes) {
		const source = path.join(root, file.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const mod = require(source) as Record<string, new () => INodeType>;
		for (const Ctor of Object.values(mod)) {
			const node = new Ctor();
			out.push({ name: node.description.name, node });
		}
	}
	return out;
}

const nodes = loadNodes();
const sizes = Object.fromEntries(nodes.map(({ name, node }) => [name, JSON.stringify(node.description).length]));

/**
 * The changes made on purpose since the fixture was recorded, applied to it. Cliniko's Filters and Sort
 * load their Field list (it differs per operation; inline it made 37 copies of each), so the field is
 * labelled the way n8n labels a loaded list: "Field Name or ID".
 */
function intendedChanges(before: Record<string, Record<string, unknown>>) {
	// Recorded with "required: false" on parameters that did not say; reachableUi leaves "not required" out.
	const canonical = (value: unknown): void => {
		if (Array.isArray(value)) return value.forEach(canonical);
		if (!value || typeof value !== 'object') return;
		const p = value as Record<string, unknown>;
		if (p.required === false) delete p.required;
		Object.values(p).forEach(canonical);
	};
	canonical(before);
	const visit = (value: unknown): void => {
		if (Array.isArray(value)) return value.forEach(visit);
		if (!value || typeof value !== 'object') return;
		const p = value as Record<string, unknown>;
		if ((p.name === 'conditions' || p.name === 'fields') && Array.isArray(p.values)) {
			for (const v of p.values as Array<Record<string, unknown>>) {
				if (v.name === 'field' && v.type === 'options' && v.displayName === 'Field') v.displayName = 'Field Name or ID';
			}
		}
		Object.values(p).forEach(visit);
	};
	visit(before.cliniko);
}

describe('node descriptions (issue 17)', () => {
	it('keeps Cliniko’s serialised description within 200 KB', () => {
		expect(sizes.cliniko).toBeLessThanOrEqual(200 * KB);
	});

	it('keeps all nodes of the package together within 350 KB', () => {
		const total = Object.values(sizes).reduce((a, b) => a + b, 0);
		expect(total).toBeLessThanOrEqual(350 * KB);
	});

	it('leaves the reachable UI (every resource × operation, its parameters, defaults and accepted values) unchanged', async () => {
		const current: Record<string, unknown> = {};
		for (const { name, node } of nodes) current[name] = await reachableUi(node);
		if (process.env.REACHABLE_FIXTURE === 'write') {
			fs.writeFileSync(fixture, zlib.gzipSync(JSON.stringify(current, null, 1), { level: 9 }));
		}
		const before = JSON.parse(zlib.gunzipSync(fs.readFileSync(fixture)).toString('utf8')) as Record<string, Record<string, unknown>>;
		intendedChanges(before);
		expect(Object.keys(current).sort()).toEqual(Object.keys(before).sort());
		for (const name of Object.keys(before)) {
			const now = current[name] as Record<string, unknown>;
			expect(Object.keys(now).sort()).toEqual(Object.keys(before[name]).sort());
			for (const form of Object.keys(before[name])) {
				// One form at a time, so a failure names it.
				expect({ node: name, form, ui: now[form] }).toEqual({ node: name, form, ui: before[name][form] });
			}
		}
	});
});
