import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { operationProperties, resourceProperty } from '../shared/description';
import { asItems, forEachItem, operationFor, runOperation } from '../shared/executor';
import { runExportOperation } from './export/run';
import { saveris } from './provider';
import { EXPORT_RESOURCES, exportResource } from './resources/definitions';
import { exportFields, saverisOperations } from './resources';

const defaults: Record<string, string> = Object.fromEntries(EXPORT_RESOURCES.map((r) => [r.value, 'exportAndWait']));

export class Saveris implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'testo Saveris',
		name: 'saveris',
		icon: { light: 'file:saveris.svg', dark: 'file:saveris.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Export measurements, alarms, tasks and device data from the testo Saveris Data API',
		defaults: { name: 'testo Saveris' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'saverisApi', required: true }],
		properties: [
			resourceProperty(
				[
					...EXPORT_RESOURCES.map((r) => ({ name: r.name, value: r.value })),
					{ name: 'Legacy (Deprecated)', value: 'legacy', description: 'Deprecated synchronous endpoints, limited to 6 MB answers' },
				],
				'measurement',
			),
			...operationProperties(saverisOperations, { ...defaults, legacy: 'getDevicePropertiesSync' }),
			...exportFields,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const output = await forEachItem(this, async (itemIndex) => {
			const resource = this.getNodeParameter('resource', itemIndex) as string;
			const exportable = exportResource(resource);
			if (exportable) {
				const operation = this.getNodeParameter('operation', itemIndex) as string;
				return await runExportOperation(this, exportable, operation, itemIndex);
			}
			const op = operationFor(this, saverisOperations, itemIndex);
			return asItems(await runOperation(op, { ctx: this, itemIndex, provider: saveris }));
		});
		return [output];
	}
}
