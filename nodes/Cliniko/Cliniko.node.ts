import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { deferred } from '../shared/deferred';
// Built by scripts/generate-descriptions.js from resources/ (clinikoProperties): merging ~180 operations'
// fields at load would cost n8n hundreds of milliseconds each start (issue 17).
import properties from './generated/properties.json';

export class Cliniko implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cliniko',
		name: 'cliniko',
		icon: { light: 'file:cliniko.svg', dark: 'file:cliniko.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage patients, appointments, invoices and every other record of the Cliniko practice management API',
		defaults: { name: 'Cliniko' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'clinikoApi', required: true }],
		properties: properties as INodeProperties[],
	};

	// Each method's code loads on its first call (shared/deferred.ts); test/unit/deferred-methods.test.ts checks
	// that these names are the methods module's.
	methods = {
		listSearch: deferred(async () => (await import('./methods')).listSearch, ['searchAppointmentTypes', 'searchBusinesses', 'searchPatients', 'searchPractitioners']),
		loadOptions: deferred(async () => (await import('./methods')).loadOptions, [
			'getFilterFields',
			'getAppointmentTypes',
			'getBillableItems',
			'getBusinesses',
			'getConcessionTypes',
			'getPatientFormTemplates',
			'getPractitioners',
			'getProducts',
			'getProductSuppliers',
			'getReferralSourceTypes',
			'getTaxes',
			'getTreatmentNoteTemplates',
			'getUnavailableBlockTypes',
		]),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		// The operation table, the executor and the provider load on the first run, not when n8n loads the
		// package: the editor reads the parameters from generated/properties.json (issue 17: cold load).
		const [{ executeOperations }, { cliniko }, { clinikoOperations }] = await Promise.all([import('../shared/executor'), import('./provider'), import('./resources')]);
		return await executeOperations.call(this, cliniko, clinikoOperations);
	}
}
