import { isResourceLocatorValue } from 'n8n-workflow';
import type { INodeProperties, INodePropertyMode } from 'n8n-workflow';

import { withArticle } from './article';

/**
 * A resource locator inside a collection comes as the editor stores it (`{ __rl, mode, value }`): its
 * value. (Top-level locators are read with extractValue; the ones in collections have only the List and
 * ID modes, whose value is the ID itself.)
 */
export function locatorValue(value: unknown): unknown {
	return isResourceLocatorValue(value) ? value.value : value;
}

/**
 * A resource locator the n8n way: "From List" (searchable, filled by the node's listSearch method)
 * and "By ID", and "By URL" where the provider shows records at an address. One builder, so every
 * provider's locators look and validate alike.
 */
export function locatorProperty(options: {
	name: string;
	displayName: string;
	/** The listSearch method filling "From List". */
	searchListMethod: string;
	/** What the record is, lower case, for the placeholders ("a patient"); defaults to the display name. */
	noun?: string;
	description?: string;
	required?: boolean;
	/** "By ID" placeholder, e.g. "e.g. 1234". */
	idPlaceholder: string;
	/** "By ID" check in the editor: a regular expression over the typed ID and the message when it fails. */
	idPattern?: { regex: string; errorMessage: string };
	/**
	 * A "By URL" mode after "By ID": the address of the record's page in the provider's web app, checked
	 * by `regex` and the ID taken from it by `extract` (a regular expression whose first group is the ID).
	 */
	urlMode?: { placeholder: string; regex: string; errorMessage: string; extract: string };
}): INodeProperties {
	const noun = options.noun ?? options.displayName.toLowerCase();
	const validation: INodePropertyMode['validation'] = options.idPattern ? [{ type: 'regex', properties: options.idPattern }] : undefined;
	const property: INodeProperties = {
		displayName: options.displayName,
		name: options.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: options.required ?? true,
		// Before the modes, where every provider's locators had it (the description JSON stays the same).
		...(options.description !== undefined ? { description: options.description } : {}),
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select ${withArticle(noun)}…`,
				typeOptions: { searchListMethod: options.searchListMethod, searchable: true },
			},
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder: options.idPlaceholder, ...(validation ? { validation } : {}) },
			// Written out here, inside `modes`, where n8n's lint knows a mode from a parameter.
			...(options.urlMode
				? [
						{
							displayName: 'By URL',
							name: 'url',
							type: 'string' as const,
							placeholder: options.urlMode.placeholder,
							validation: [{ type: 'regex' as const, properties: { regex: options.urlMode.regex, errorMessage: options.urlMode.errorMessage } }],
							extractValue: { type: 'regex' as const, regex: options.urlMode.extract },
						},
					]
				: []),
		],
	};
	return property;
}
