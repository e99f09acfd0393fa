import type { INodeProperties, INodePropertyMode } from 'n8n-workflow';

import { withArticle } from './article';

/**
 * A resource locator the n8n way: "From List" (searchable, filled by the node's listSearch method)
 * and "By ID", plus any provider-specific modes (e.g. Cliniko's "By URL"). One builder, so every
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
	/** Modes after "By ID" (e.g. "By URL"). */
	extraModes?: INodePropertyMode[];
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
			...(options.extraModes ?? []),
		],
	};
	return property;
}
