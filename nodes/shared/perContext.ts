import type { INode } from 'n8n-workflow';

/**
 * A Map for each execution context, dropped with it: n8n builds one context per node run, so what
 * is kept here (a credential read, a server found down, an item's time budget) lasts one run.
 */
export function perContext<K, V>(): (ctx: object) => Map<K, V> {
	const maps = new WeakMap<object, Map<K, V>>();
	return (ctx) => {
		let map = maps.get(ctx);
		if (!map) {
			map = new Map();
			maps.set(ctx, map);
		}
		return map;
	};
}

const nodes = new WeakMap<object, INode>();

/**
 * The node, copied once per execution context. n8n's `getNode` deep-copies the node on every call
 * (n8n-core 1.x and 2.x, node-execution-context.js), which over 1,000 items is a measurable part of a
 * Get's own cost; the copy is only read (to name the node in errors, to find its credential).
 */
export function nodeOf(ctx: { getNode(): INode }): INode {
	let node = nodes.get(ctx);
	if (!node) {
		node = ctx.getNode();
		nodes.set(ctx, node);
	}
	return node;
}
