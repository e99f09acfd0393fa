// A small Laravel validator: the rule strings of CLIENTXCMS's FormRequests (research §5), with
// Laravel 12's English messages, so 422 bodies look like the server's `invalidJson` answer:
// `{"message": "The name field is required. (and 1 more error)", "errors": {"name": [...]}}`.

export type Rules = Record<string, string>;

export interface ValidationContext {
	/** `exists:<table>`: whether a live row with this id exists. */
	exists(table: string, value: unknown): boolean;
	/** `unique:<table>,<column>`: whether another live row already has this value. */
	taken(table: string, column: string, value: unknown): boolean;
}

const attr = (field: string) => field.replace(/_/g, ' ').replace(/\.\*$/, '');

function isNumeric(v: unknown): boolean {
	return (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)));
}

function isEmpty(v: unknown): boolean {
	return v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
}

export function validate(body: Record<string, unknown>, rules: Rules, ctx: ValidationContext): Record<string, string[]> | null {
	const errors: Record<string, string[]> = {};
	for (const [field, ruleText] of Object.entries(rules)) {
		const list = ruleText.split('|');
		const value = body[field];
		const present = field in body;
		const fail = (message: string) => {
			(errors[field] ??= []).push(message);
		};
		if (list.includes('sometimes') && !present) continue;
		if (list.includes('required') && isEmpty(value)) {
			fail(`The ${attr(field)} field is required.`);
			continue;
		}
		if (isEmpty(value)) continue;
		const numericRule = list.includes('numeric') || list.includes('integer');
		for (const rule of list) {
			const [name, arg = ''] = rule.split(':');
			const args = arg.split(',');
			switch (name) {
				case 'string':
					if (typeof value !== 'string') fail(`The ${attr(field)} field must be a string.`);
					break;
				case 'email':
					if (typeof value !== 'string' || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)) fail(`The ${attr(field)} field must be a valid email address.`);
					break;
				case 'lowercase':
					if (typeof value === 'string' && value !== value.toLowerCase()) fail(`The ${attr(field)} field must be lowercase.`);
					break;
				case 'integer':
					if (!isNumeric(value) || !Number.isInteger(Number(value))) fail(`The ${attr(field)} field must be an integer.`);
					break;
				case 'numeric':
					if (!isNumeric(value)) fail(`The ${attr(field)} field must be a number.`);
					break;
				case 'boolean':
					if (![true, false, 0, 1, '0', '1', 'true', 'false'].includes(value as never)) fail(`The ${attr(field)} field must be true or false.`);
					break;
				case 'date':
					if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) fail(`The ${attr(field)} field must be a valid date.`);
					break;
				case 'array':
					if (!Array.isArray(value) && (typeof value !== 'object' || value === null)) fail(`The ${attr(field)} field must be an array.`);
					break;
				case 'in':
					if (!args.includes(String(value))) fail(`The selected ${attr(field)} is invalid.`);
					break;
				case 'max': {
					const max = Number(args[0]);
					if (numericRule ? Number(value) > max : String(value).length > max) {
						fail(numericRule ? `The ${attr(field)} field must not be greater than ${max}.` : `The ${attr(field)} field must not be greater than ${max} characters.`);
					}
					break;
				}
				case 'min': {
					const min = Number(args[0]);
					if (numericRule ? Number(value) < min : String(value).length < min) {
						fail(numericRule ? `The ${attr(field)} field must be at least ${min}.` : `The ${attr(field)} field must be at least ${min} characters.`);
					}
					break;
				}
				case 'between': {
					const [lo, hi] = args.map(Number);
					const n = numericRule ? Number(value) : String(value).length;
					if (n < lo || n > hi) fail(numericRule ? `The ${attr(field)} field must be between ${lo} and ${hi}.` : `The ${attr(field)} field must be between ${lo} and ${hi} characters.`);
					break;
				}
				case 'exists':
					if (!(Array.isArray(value) ? value : [value]).every((v) => ctx.exists(args[0], v))) fail(`The selected ${attr(field)} is invalid.`);
					break;
				case 'unique':
					if (ctx.taken(args[0], args[1] ?? field, value)) fail(`The ${attr(field)} has already been taken.`);
					break;
				case 'size2':
					if (typeof value !== 'string' || !/^[A-Z]{2}$/.test(value)) fail(`The selected ${attr(field)} is invalid.`);
					break;
				default:
					break;
			}
		}
	}
	return Object.keys(errors).length > 0 ? errors : null;
}

/** Laravel's `invalidJson` body. */
export function validationBody(errors: Record<string, string[]>): { message: string; errors: Record<string, string[]> } {
	const all = Object.values(errors).flat();
	const more = all.length - 1;
	const message = more > 0 ? `${all[0]} (and ${more} more error${more === 1 ? '' : 's'})` : all[0];
	return { message, errors };
}
