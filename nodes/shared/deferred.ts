/**
 * A node's methods (list searches, option loaders) as n8n must find them when it loads the package, with
 * their code loaded on the first call (issue 17: cold load). n8n looks a method up by name on
 * `node.methods` only when an editor asks for it; until then the code behind it, and the HTTP stack it
 * reaches, need not be read or compiled (scripts/bundle.js puts what is reached only through
 * `await import` in the folder's run bundle).
 *
 * The names are written out next to the node: n8n reads the object's keys at load, before any import could
 * finish. test/unit/deferred-methods.test.ts checks they are exactly the methods module's.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Method = (this: any, ...args: any[]) => Promise<unknown>;

export function deferred<T extends Record<string, Method>>(load: () => Promise<T>, names: ReadonlyArray<keyof T & string>): T {
	const methods: Record<string, Method> = {};
	for (const name of names) {
		methods[name] = async function (this: unknown, ...args: unknown[]) {
			return await (await load())[name].apply(this, args);
		};
	}
	return methods as T;
}
