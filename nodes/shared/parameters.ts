import type { IExecuteFunctions } from 'n8n-workflow';

import { perContext } from './perContext';

/** Per execution context: the value of each parameter read that holds no expression, or null for one that does. */
const fixedValues = perContext<string, { value: unknown } | null>();

/** Whether a parameter's stored value holds an expression anywhere (n8n marks one with a leading "="). */
function holdsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(holdsExpression);
	if (value !== null && typeof value === 'object') return Object.values(value).some(holdsExpression);
	return false;
}

/**
 * A parameter's value for one item, read once per run when it holds no expression (it is then the
 * same for every item). n8n charges every `getNodeParameter`: a node type lookup, the expression
 * context, a schema check (n8n-core node-execution-context.js). A failed read is not kept: each item
 * reads again and fails with n8n's own error.
 */
export function itemParameter(ctx: IExecuteFunctions, name: string, itemIndex: number): unknown {
	const byName = fixedValues(ctx);
	let fixed = byName.get(name);
	if (fixed === undefined) {
		const stored = ctx.getNodeParameter(name, itemIndex, undefined, { rawExpressions: true });
		fixed = holdsExpression(stored) ? null : { value: ctx.getNodeParameter(name, itemIndex) };
		byName.set(name, fixed);
	}
	return fixed ? fixed.value : ctx.getNodeParameter(name, itemIndex);
}
