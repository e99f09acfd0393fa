// n8n's UX rules (eslint-plugin-n8n-nodes-base) applied to the descriptions as the nodes build them at run
// time. The lint reads source text only; most of our descriptions are built by code (catalogue rows, the
// generated Cliniko tables), so this test loads every node listed in package.json's `n8n` block and walks
// every parameter, collection entry, fixedCollection section and option.
import * as fs from 'fs';
import * as path from 'path';
import type { INodeProperties, INodePropertyCollection, INodePropertyOptions, INodeType } from 'n8n-workflow';

/* eslint-disable @typescript-eslint/no-require-imports */
// The lint's own helpers: the title-case function it calls, its exemptions and its option comparators.
const { titleCase } = require('title-case');
const { isAllowedLowercase } = require('eslint-plugin-n8n-nodes-base/dist/lib/ast/utils/format');
const { optionComparator, optionComparatorForCollection } = require('eslint-plugin-n8n-nodes-base/dist/lib/ast/utils/sort');
const { MIN_ITEMS_TO_ALPHABETIZE, MISCASED_ID_REGEX, MISCASED_URL_REGEX, MISCASED_JSON_REGEX, LIMIT_NODE_PARAMETER } =
	require('eslint-plugin-n8n-nodes-base/dist/lib/constants');
/* eslint-enable @typescript-eslint/no-require-imports */

const root = path.join(__dirname, '../../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const nodeFiles: string[] = pkg.n8n.nodes.map((f: string) => f.replace(/^dist\//, '').replace(/\.js$/, ''));

type Any = INodeProperties | INodePropertyOptions | INodePropertyCollection;

interface Found {
	rule: string;
	where: string;
	text: string;
}

/** n8n's display-name rule (node-param-display-name-miscased + -miscased-id): title case, ID/URL/JSON upper case. */
function titleCaseProblem(text: string): boolean {
	if (text.toLowerCase().endsWith('or')) return false; // the lint's own exemption ("… Name or ID")
	if (isAllowedLowercase(text)) return false;
	if (text !== titleCase(text)) return true;
	return MISCASED_ID_REGEX.test(text) || MISCASED_URL_REGEX.test(text) || MISCASED_JSON_REGEX.test(text);
}

const ROUTE = /^(GET|POST|PUT|PATCH|DELETE|HEAD)\s+\//;

/**
 * Slips of labels built from words: "a" before a vowel ("Get the status of a alarms export", "Select a
 * invoice…"), and a label's title case applied to an API name ("Filter ($Filter)"; OData's $filter
 * belongs in the description, where its case survives).
 */
function wordingProblem(text: string | undefined, isLabel: boolean): boolean {
	if (!text) return false;
	if (/\b[aA] [aeioAEIO]\w/.test(text.replace(/<[^>]*>/g, ''))) return true;
	return isLabel && /\$[A-Z]/.test(text);
}

function check(nodeName: string, properties: INodeProperties[]): Found[] {
	const found: Found[] = [];
	const add = (rule: string, where: string, text: string) => found.push({ rule, where: `${nodeName} ${where}`, text });

	const visitParam = (p: INodeProperties, where: string) => {
		const here = `${where}${p.name}`;
		if (p.type !== 'notice' && titleCaseProblem(p.displayName)) add('title case', here, p.displayName);
		if (p.description && ROUTE.test(p.description)) add('raw route', here, p.description);
		for (const text of [p.displayName, p.description, p.placeholder, p.hint]) {
			if (wordingProblem(text, text === p.displayName)) add('wording', here, String(text));
		}
		for (const mode of p.modes ?? []) {
			for (const text of [mode.displayName, mode.placeholder, ...(mode.validation ?? []).map((v) => (typeof v === 'object' && 'properties' in v ? (v.properties as { errorMessage?: string }).errorMessage : undefined))]) {
				if (wordingProblem(text, text === mode.displayName)) add('wording', `${here}.${mode.name}`, String(text));
			}
		}
		if (p.type === 'boolean' && !(p.description ?? '').startsWith('Whether')) {
			add('whether', here, p.description ?? '(no description)');
		}
		if (p.name === 'limit' && p.type === 'number' && p.default !== LIMIT_NODE_PARAMETER.DEFAULT_VALUE) {
			add('limit 50', here, String(p.default));
		}
		if (/^(resource|operation)$|Resource$/.test(p.name) && p.type === 'options' && p.noDataExpression !== true) {
			add('noDataExpression', here, p.displayName);
		}
		const options = p.options as Any[] | undefined;
		if (!options?.length) return;
		if (p.type === 'options' || p.type === 'multiOptions') {
			const list = options as INodePropertyOptions[];
			for (const o of list) {
				if (titleCaseProblem(o.name)) add('title case (option)', `${here}.${String(o.value)}`, o.name);
				if (o.description && ROUTE.test(o.description)) add('raw route', `${here}.${String(o.value)}`, o.description);
				if (o.value === 'getAll' && o.name !== 'Get Many') add('get many', `${here}.getAll`, o.name);
				for (const text of [o.name, o.description, o.action]) {
					if (wordingProblem(text, text === o.name)) add('wording', `${here}.${String(o.value)}`, String(text));
				}
				if (typeof o.action === 'string' && /^(List|Get all) /.test(o.action)) add('get many', `${here}.${String(o.value)}`, o.action);
			}
			if (list.length >= MIN_ITEMS_TO_ALPHABETIZE && !/^\d+$/.test(String(list[0].value))) {
				const sorted = [...list].sort(optionComparator);
				if (sorted.some((o, i) => o.name !== list[i].name)) add('sorted', here, list.map((o) => o.name).join(', '));
			}
		} else if (p.type === 'collection') {
			const list = options as INodeProperties[];
			if (list.length >= MIN_ITEMS_TO_ALPHABETIZE) {
				const sorted = [...list].sort(optionComparatorForCollection);
				if (sorted.some((o, i) => o.displayName !== list[i].displayName)) add('sorted', here, list.map((o) => o.displayName).join(', '));
			}
			for (const o of list) visitParam(o, `${here}.`);
		} else if (p.type === 'fixedCollection') {
			for (const section of options as INodePropertyCollection[]) {
				if (titleCaseProblem(section.displayName)) add('title case', `${here}.${section.name}`, section.displayName);
				for (const o of section.values) visitParam(o, `${here}.${section.name}.`);
			}
		}
	};
	for (const p of properties) visitParam(p, '');
	return found;
}

function loadNodes(): Array<{ file: string; node: INodeType }> {
	return nodeFiles.map((file) => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const mod = require(path.join(root, file));
		const className = path.basename(file).replace(/\.node$/, '');
		return { file, node: new mod[className]() as INodeType };
	});
}

const nodes = loadNodes();
const all = nodes.flatMap(({ node }) => check(node.description.name, node.description.properties));
if (process.env.UX_DUMP) fs.writeFileSync(process.env.UX_DUMP, all.map((f) => `${f.rule}\t${f.where}\t${f.text}`).join('\n'));

describe("n8n's UX rules on the descriptions the nodes build", () => {
	it('loads every node of package.json', () => {
		expect(nodes.length).toBe(nodeFiles.length);
		expect(nodes.length).toBeGreaterThan(0);
	});

	it('every node has its codex file', () => {
		for (const { file } of nodes) expect(fs.existsSync(path.join(root, `${file}.json`))).toBe(true);
	});

	for (const rule of ['title case', 'title case (option)', 'whether', 'limit 50', 'sorted', 'noDataExpression', 'raw route', 'get many', 'wording']) {
		it(`rule: ${rule}`, () => {
			const hits = all.filter((f) => f.rule === rule).map((f) => `${f.where}: ${f.text}`);
			expect(hits).toEqual([]);
		});
	}
});

export { check };
