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
