import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { executeOperations } from '../shared/executor';
import { finiteNumber } from '../shared/validate';
import { listSearch, loadOptions } from './methods';
import { cliniko } from './provider';
import { DEFAULT_MAX_WAIT_SECONDS, clinikoOperations, clinikoProperties, readOptions } from './resources';

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
		properties: clinikoProperties(),
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return executeOperations.call(this, cliniko, clinikoOperations, {
			requestOptions: (ctx, itemIndex) => {
				const raw = readOptions({ ctx, itemIndex }).maxWaitSeconds;
				// "ten" or NaN from an expression is refused, not quietly replaced by the default.
				const seconds = raw === undefined || raw === null || (raw as unknown) === '' ? DEFAULT_MAX_WAIT_SECONDS : finiteNumber(ctx.getNode(), raw, 'Max Rate-Limit Wait (Seconds)', itemIndex, { min: 0 });
				return { maxWaitMs: seconds * 1000 };
			},
		});
	}
}
