import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { deferred } from '../shared/deferred';
// Built by scripts/generate-descriptions.js from resources/ (xavierProperties), so that loading the
// package does not build every operation's fields (issue 17: cold load).
import properties from './generated/properties.json';

export class Xavier implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Xavier Analytics',
		name: 'xavier',
		icon: { light: 'file:xavier.svg', dark: 'file:xavier.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Read client health scores and activity from Xavier Analytics (Dext Precision)',
		defaults: { name: 'Xavier Analytics' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'xavierApi', required: true }],
		properties: properties as INodeProperties[],
	};

	// Each method's code loads on its first call (shared/deferred.ts); test/unit/deferred-methods.test.ts checks
	// that these names are the methods module's.
	methods = {
		listSearch: deferred(async () => (await import('./methods')).listSearch, ['searchClients']),
		loadOptions: deferred(async () => (await import('./methods')).loadOptions, ['getAlertLevels']),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		// The operation table, the executor and the provider load on the first run, not when n8n loads the
		// package: the editor reads the parameters from generated/properties.json (issue 17: cold load).
		const [{ executeOperations }, { xavier }, { xavierOperations }] = await Promise.all([import('../shared/executor'), import('./provider'), import('./resources')]);
		return await executeOperations.call(this, xavier, xavierOperations);
	}
}
