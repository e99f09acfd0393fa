import type { INodeExecutionData } from 'n8n-workflow';

/** The input item each output item is paired with (`pairedItem.item`), in output order. */
export const pairedIndexes = (items: INodeExecutionData[]) => items.map((i) => (i.pairedItem as { item: number }).item);

/** Each item's `json.id` as text; a poll that emitted nothing (null) gives none. */
export const idsOf = (items: INodeExecutionData[] | null | undefined) => (items ?? []).map((i) => String(i.json.id));
