import type { INodeProperties } from 'n8n-workflow';

/**
 * One definition for identical parameters of several operations (issue 17).
 *
 * n8n sends every node's description to every editor as JSON, so N identical copies of a parameter
 * that differ only in `displayOptions.show.resource/operation` cost N times their bytes. This merges
 * them: one definition shown for all of their (resource, operation) pairs. It changes no form: every
 * form still shows the same parameters in the same order (test/unit/descriptions checks the reachable
 * UI of every node against a fixture recorded before).
 */

type Pair = [resource: string, operation: string];
type Rectangle = { resource: string[]; operation: string[] };

/**
 * The pairs as few displayOptions as possible. n8n shows a parameter where the resource is one of
 * `resource` AND the operation one of `operation`, so one condition covers a rectangle of pairs. A
 * rectangle may also take pairs that are no form at all (an operation value the resource does not
 * offer: the editor never shows that form), but no form the parameter is not part of, and no form
 * twice. Greedy: the rectangle that covers the most pairs first.
 */
function rectangles(pairs: Pair[], forms: Set<string>): Rectangle[] {
	const left = new Set(pairs.map(([r, o]) => `${r}\u0000${o}`));
	// A pair may be in the rectangle: one still to cover, or no form.
	const ok = (r: string, o: string) => left.has(`${r}\u0000${o}`) || !forms.has(`${r}\u0000${o}`);
	const resources = [...new Set(pairs.map(([r]) => r))];
	const operations = [...new Set(pairs.map(([, o]) => o))];
	const out: Rectangle[] = [];
	while (left.size) {
		let best: { rectangle: Rectangle; covers: number } | undefined;
		// Seeds: every resource with its operations still to cover, every operation with its resources.
		const seeds: Array<[0 | 1, string]> = [];
		for (const r of resources) seeds.push([0, r]);
		for (const o of operations) seeds.push([1, o]);
		for (const [pick, seed] of seeds) {
			// Grow from the seed along one side, then the other, then drop rows and columns that add nothing.
			let rs: string[];
			let os: string[];
			if (pick === 0) {
				os = operations.filter((o) => left.has(`${seed}\u0000${o}`));
				rs = resources.filter((r) => os.every((o) => ok(r, o)));
				os = operations.filter((o) => rs.every((r) => ok(r, o)));
			} else {
				rs = resources.filter((r) => left.has(`${r}\u0000${seed}`));
				os = operations.filter((o) => rs.every((r) => ok(r, o)));
				rs = resources.filter((r) => os.every((o) => ok(r, o)));
			}
			rs = rs.filter((r) => os.some((o) => left.has(`${r}\u0000${o}`)));
			os = os.filter((o) => rs.some((r) => left.has(`${r}\u0000${o}`)));
			let covers = 0;
			for (const r of rs) for (const o of os) if (left.has(`${r}\u0000${o}`)) covers++;
			if (covers && (!best || covers > best.covers)) best = { rectangle: { resource: rs, operation: os }, covers };
		}
		const { rectangle } = best as { rectangle: Rectangle };
		for (const r of rectangle.resource) for (const o of rectangle.operation) left.delete(`${r}\u0000${o}`);
		out.push(rectangle);
	}
	return out;
}

/** A field's own show conditions: everything but its resource and operation. */
export function ownShow(show: Record<string, unknown> | undefined): Record<string, unknown> {
	const own: Record<string, unknown> = {};
	for (const [name, value] of Object.entries(show ?? {})) if (name !== 'resource' && name !== 'operation') own[name] = value;
	return own;
}

interface Group {
	first: number;
	field: INodeProperties;
	pairs: Pair[];
}

/** The parameter without its resource and operation, as the key that finds its identical copies. */
function keyOf(field: INodeProperties): { key: string; pairs: Pair[] } | undefined {
	const show = field.displayOptions?.show;
	const resources = show?.resource;
	const operations = show?.operation;
	if (!Array.isArray(resources) || !Array.isArray(operations)) return undefined;
	const key = JSON.stringify({ ...field, displayOptions: { ...field.displayOptions, show: ownShow(show) } });
	const pairs: Pair[] = [];
	for (const r of resources) for (const o of operations) pairs.push([String(r), String(o)]);
	return { key, pairs };
}

/**
 * A run of mergeable parameters, merged. Each form's order is a chain of "comes before" edges between
 * definitions; a copy joins an identical definition only if its edge keeps the graph free of cycles
 * (else it stays a definition of its own), so one order, topological, keeps every form's order.
 */
function compactRun(run: INodeProperties[], forms: Set<string>): INodeProperties[] {
	const groups: Group[] = [];
	const byKey = new Map<string, number[]>();
	const after: Array<Set<number>> = [];
	const last = new Map<string, number>();
	const reaches = (from: number, to: number): boolean => {
		const seen = new Set<number>();
		const stack = [from];
		while (stack.length) {
			const at = stack.pop() as number;
			if (at === to) return true;
			if (seen.has(at)) continue;
			seen.add(at);
			for (const next of after[at]) stack.push(next);
		}
		return false;
	};
	run.forEach((field, index) => {
		const { key, pairs } = keyOf(field) as { key: string; pairs: Pair[] };
		const forms = pairs.map(([r, o]) => `${r}\u0000${o}`);
		const mine = new Set(forms);
		const fits = (g: number) =>
			!groups[g].pairs.some(([r, o]) => mine.has(`${r}\u0000${o}`)) &&
			forms.every((f) => {
				const before = last.get(f);
				return before === undefined || (before !== g && !reaches(g, before));
			});
		const candidates = byKey.get(key) ?? [];
		let g = candidates.find(fits);
		if (g === undefined) {
			g = groups.length;
			groups.push({ first: index, field, pairs: [] });
			after.push(new Set());
			candidates.push(g);
			byKey.set(key, candidates);
		}
		groups[g].pairs.push(...pairs);
		for (const f of forms) {
			const before = last.get(f);
			if (before !== undefined) after[before].add(g);
			last.set(f, g);
		}
	});
	// Topological order; among ready definitions the earliest first, so the layout stays familiar.
	const waiting = groups.map(() => 0);
	for (const next of after) for (const g of next) waiting[g]++;
	const out: INodeProperties[] = [];
	const done = new Set<number>();
	while (done.size < groups.length) {
		const g = groups.findIndex((_, i) => !done.has(i) && waiting[i] === 0);
		done.add(g);
		for (const next of after[g]) waiting[next]--;
		const { field, pairs } = groups[g];
		const own = ownShow(field.displayOptions?.show);
		for (const show of rectangles(pairs, forms)) {
			out.push({ ...field, displayOptions: { ...field.displayOptions, show: { ...show, ...own } } } as INodeProperties);
		}
	}
	return out;
}

/**
 * Operation fields, each shown for one or more (resource, operation) pairs, with identical ones merged.
 * `forms` are all the node's (resource, operation) pairs. A field not tied to a resource and operation
 * stays where it is, and nothing moves across it.
 */
export function compactFields(fields: INodeProperties[], forms: Array<{ resource: string; operation: string }>): INodeProperties[] {
	const all = new Set(forms.map((f) => `${f.resource}\u0000${f.operation}`));
	const out: INodeProperties[] = [];
	let run: INodeProperties[] = [];
	for (const field of fields) {
		if (keyOf(field)) {
			run.push(field);
			continue;
		}
		out.push(...compactRun(run, all), field);
		run = [];
	}
	out.push(...compactRun(run, all));
	return out;
}
