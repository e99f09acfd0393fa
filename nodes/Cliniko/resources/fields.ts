import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { byName } from '../../shared/alphabetical';
import { withArticle } from '../../shared/article';
import { locatorProperty } from '../../shared/locator';
import { LOAD_OPTIONS_ENTITIES, LOCATOR_ENTITIES } from './curation';
import type { SpecField, SpecOption } from './types';
import { camelOf } from './words';

const EXPRESSIONS_DOCS = 'https://docs.n8n.io/code/expressions/';
const DYNAMIC_OPTION_HINT = `Choose from the list, or specify an ID using an <a href="${EXPRESSIONS_DOCS}">expression</a>`;
const DYNAMIC_OPTIONS_HINT = `Choose from the list, or specify IDs using an <a href="${EXPRESSIONS_DOCS}">expression</a>`;

/** Cliniko IDs are int64: up to 19 digits, handled as text. */
export const ID_PATTERN = '^\\s*[0-9]{1,19}\\s*$';

/** Patient, practitioner, business, appointment type: From List (searchable), By ID, and By URL (a page's address in Cliniko). */
export function clinikoLocator(
	name: string,
	entity: string,
	options: { description?: string; displayName?: string } = {},
): INodeProperties {
	const def = LOCATOR_ENTITIES[entity];
	const lower = def.label.toLowerCase();
	return locatorProperty({
		name,
		displayName: options.displayName ?? def.label,
		noun: lower,
		description: options.description ?? `The ${lower}`,
		searchListMethod: def.searchMethod,
		idPlaceholder: 'e.g. 1234567890123456789',
		idPattern: { regex: ID_PATTERN, errorMessage: 'A Cliniko ID is a whole number of up to 19 digits' },
		urlMode: {
			placeholder: `e.g. https://your-clinic.au1.cliniko.com/${def.segment}/123456`,
			regex: `^https?://\\S*/${def.segment}/[0-9]{1,19}`,
			errorMessage: `Paste the address of ${withArticle(lower)} page in Cliniko (…/${def.segment}/<ID>)`,
			extract: `/${def.segment}/([0-9]{1,19})`,
		},
	});
}

function sortedOptions(options: SpecOption[]): INodePropertyOptions[] {
	const list = options.map((o) => ({ name: o.name, value: o.value }));
	// Codes (10 Feeling better, 20 Condition worse, …) keep Cliniko's order; words are alphabetical.
	return typeof list[0]?.value === 'number' ? list : list.sort(byName);
}

/** A field picked from one of the account's lists (Business, Practitioner, …): one ID or several. */
function dropdown(type: 'options' | 'multiOptions', displayName: string, name: string, method: string, required?: boolean): INodeProperties {
	const one = type === 'options';
	return {
		displayName,
		name,
		type,
		typeOptions: { loadOptionsMethod: method },
		default: one ? '' : [],
		...(required ? { required: true } : {}),
		description: one ? DYNAMIC_OPTION_HINT : DYNAMIC_OPTIONS_HINT,
	};
}

export interface FieldPropertyOptions {
	/** Parameter name; defaults to the API key (inside collections) . */
	name?: string;
	/** A top-level parameter rather than an entry of Additional Fields / Update Fields. */
	topLevel?: boolean;
	required?: boolean;
	default?: unknown;
}

/** The n8n parameter that edits one body or query field. */
export function fieldProperty(field: SpecField, options: FieldPropertyOptions = {}): INodeProperties {
	const name = options.name ?? (options.topLevel ? camelOf(field.key) : field.key);
	const base = { displayName: field.label, name } as INodeProperties;
	if (options.required) base.required = true;
	if (field.description) base.description = field.description;
	if (field.placeholder) base.placeholder = field.placeholder;
	const preset = options.default;

	switch (field.kind) {
		case 'id': {
			const entity = field.entity ?? '';
			if (options.topLevel && LOCATOR_ENTITIES[entity]) {
				return clinikoLocator(name, entity, {
					displayName: field.label.replace(/ ID$/, ''),
					description: field.description?.replace(/^ID of the /, 'The '),
				});
			}
			const dynamic = LOAD_OPTIONS_ENTITIES[entity];
			if (dynamic) {
				return dropdown('options', `${field.label.replace(/ ID$/, '')} Name or ID`, name, dynamic.method, options.required);
			}
			return {
				...base,
				type: 'string',
				default: '',
				placeholder: 'e.g. 1234567890123456789',
				description: field.description,
			};
		}
		case 'idList': {
			const dynamic = LOAD_OPTIONS_ENTITIES[field.entity ?? ''];
			if (dynamic) {
				return dropdown('multiOptions', `${field.label.replace(/ IDs$/, '')} Names or IDs`, name, dynamic.method);
			}
			return {
				...base,
				type: 'string',
				default: '',
				placeholder: 'e.g. 1234567890, 1234567891',
				description: `${field.description ?? field.label}, comma-separated`,
			};
		}
		case 'boolean':
			return { ...base, type: 'boolean', default: preset ?? false } as INodeProperties;
		case 'number': {
			const typeOptions: INodeProperties['typeOptions'] = {};
			if (field.min !== undefined) typeOptions.minValue = field.min;
			if (field.max !== undefined) typeOptions.maxValue = field.max;
			const fallback = field.min !== undefined && field.min > 0 ? field.min : 0;
			return {
				...base,
				type: 'number',
				default: (preset as number | undefined) ?? fallback,
				...(Object.keys(typeOptions).length ? { typeOptions } : {}),
			};
		}
		case 'options': {
			const opts = sortedOptions(field.options ?? []);
			return { ...base, type: 'options', options: opts, default: (preset as string | number | undefined) ?? opts[0]?.value ?? '' };
		}
		case 'dateTime':
			return { ...base, type: 'dateTime', default: '' };
		case 'date':
			return {
				...base,
				type: 'dateTime',
				default: '',
				description: !field.description
					? 'Only the date is used'
					: /\.$/.test(field.description)
						? `${field.description} Only the date is used.`
						: `${field.description} (only the date is used)`,
			};
		case 'json':
			return { ...base, type: 'json', default: '' };
		default:
			return { ...base, type: 'string', default: (preset as string | undefined) ?? '' };
	}
}
