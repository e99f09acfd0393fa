import { NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription, JsonObject } from 'n8n-workflow';

import { operationProperties, resourceProperty } from '../shared/description';
import { findOperation, runOperation } from '../shared/executor';
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
		const items = this.getInputData();
		const output: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				const resource = this.getNodeParameter('resource', itemIndex) as string;
				const operation = this.getNodeParameter('operation', itemIndex) as string;
				const exportable = exportResource(resource);
				if (exportable) {
					output.push(...(await runExportOperation(this, exportable, operation, itemIndex)));
					continue;
				}
				const op = findOperation(saverisOperations, resource, operation);
				if (!op) {
					throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`, { itemIndex });
				}
				const records = await runOperation(op, { ctx: this, itemIndex, provider: saveris });
				for (const json of records) output.push({ json, pairedItem: { item: itemIndex } });
			} catch (error) {
				if (this.continueOnFail()) {
					const json: IDataObject = { error: error.message };
					if (error.description) json.description = error.description;
					if (error.httpCode) json.httpCode = error.httpCode;
					output.push({ json, pairedItem: { item: itemIndex } });
					continue;
				}
				if (error instanceof NodeApiError) {
					if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
					throw new NodeApiError(this.getNode(), error as unknown as JsonObject);
				}
				throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
			}
		}
		return [output];
	}
}
