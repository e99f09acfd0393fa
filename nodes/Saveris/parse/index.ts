import type { IDataObject } from 'n8n-workflow';

import type { ExportResource } from '../resources/definitions';
import { parseCsv } from './csv';
import { decodeText, maybeGunzip } from './gzip';
import { parseJsonRecords } from './json';
import type { FailFn } from './json';
import { ResultBudget } from './limits';

export type ParsableFormat = 'CSV' | 'JSON';

/**
 * Bytes of one result file (gzip or not) to records, streamed. The budget (shared by all files of
 * one item) counts the bytes after decompression and the rows, and stops past its limits.
 */
export async function* parseFile(
	bytes: AsyncIterable<Uint8Array>,
	format: ParsableFormat,
	fail?: FailFn,
	budget = new ResultBudget(),
): AsyncGenerator<IDataObject> {
	const text = decodeText(budget.count(maybeGunzip(bytes)));
	const records = format === 'CSV' ? parseCsv(text, budget) : parseJsonRecords(text, fail, budget);
	for await (const record of records) {
		budget.row();
		yield record;
	}
}

function toNumber(value: unknown): unknown {
	if (typeof value !== 'string') return value;
	const text = value.trim();
	if (text === '') return null;
	const n = Number(text);
	return Number.isFinite(n) ? n : value;
}

function toBoolean(value: unknown): unknown {
	if (typeof value === 'boolean') return value;
	if (typeof value === 'number') return value !== 0;
	if (typeof value !== 'string') return value;
	const text = value.trim().toLowerCase();
	if (text === 'true' || text === '1') return true;
	if (text === 'false' || text === '0') return false;
	if (text === '') return null;
	return value;
}

function toJson(value: unknown): unknown {
	if (typeof value !== 'string') return value;
	const text = value.trim();
	if (text === '') return null;
	try {
		return JSON.parse(text);
	} catch {
		return value;
	}
}

/** Types a row by the resource's documented columns; anything unparsable is kept as text. */
export function typeRow(row: IDataObject, resource: ExportResource): IDataObject {
	const out: IDataObject = { ...row };
	for (const key of resource.numbers) if (key in out) out[key] = toNumber(out[key]) as IDataObject[string];
	for (const key of resource.booleans) if (key in out) out[key] = toBoolean(out[key]) as IDataObject[string];
	for (const key of resource.json) if (key in out) out[key] = toJson(out[key]) as IDataObject[string];
	return out;
}
