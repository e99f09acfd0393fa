/** What the harness makes of n8n's results: errors as HarnessError, static data as plain JSON. */
import type { IDataObject } from 'n8n-workflow';

import type { HarnessError } from './types';

/**
 * `recorded`: the error as the execution recorded it (WorkflowExecute stores a plain-object copy,
 * `{ ...error, message, stack }`, in the task data); `thrown`: the instance the node threw, when
 * known, which gives the class name.
 */
export function describeError(recorded: unknown, thrown?: unknown): HarnessError | undefined {
	const source = recorded ?? thrown;
	if (source === undefined || source === null) return undefined;
	const e = source as Error & {
		description?: string | null;
		httpCode?: string | null;
		messages?: string[];
		context?: IDataObject;
	};
	const instance = (thrown ?? (recorded instanceof Error ? recorded : undefined)) as Error | undefined;
	const className =
		instance?.constructor?.name ??
		(e.constructor && e.constructor !== Object ? e.constructor.name : (e.name ?? 'Object'));
	return {
		className,
		name: e.name,
		message: e.message ?? String(source),
		description: e.description,
		httpCode: e.httpCode,
		messages: e.messages,
		context: e.context,
		stack: e.stack,
		raw: e,
		...(instance ? { thrown: instance } : {}),
	};
}

/** Static data as plain JSON (drops n8n's ObservableObject bookkeeping). */
export function plainStaticData(staticData: IDataObject): IDataObject {
	const copy = JSON.parse(JSON.stringify(staticData ?? {})) as IDataObject;
	const strip = (o: IDataObject) => {
		delete o.__dataChanged;
		for (const v of Object.values(o)) if (v && typeof v === 'object' && !Array.isArray(v)) strip(v as IDataObject);
	};
	strip(copy);
	return copy;
}
