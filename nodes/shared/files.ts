import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, JsonObject } from 'n8n-workflow';

import { buildRequest } from './executor';
import { apiRequest } from './http';
import { cappedText } from './serverText';
import type { FileResponse, OperationContext, OperationDef } from './types';

const headerText = (value: unknown): string => (Array.isArray(value) ? String(value[0] ?? '') : String(value ?? ''));

/** A file name from Content-Disposition; a malformed %-escape leaves it as sent rather than failing the item. */
function decodedName(raw: string): string {
	try {
		return decodeURIComponent(raw);
	} catch {
		return raw;
	}
}

/** Runs a row whose answer is a file (`row.response`): one output item with the file as binary data. */
export async function runFileOperation(row: OperationDef, file: FileResponse, opCtx: OperationContext): Promise<INodeExecutionData> {
	const { ctx, itemIndex, provider } = opCtx;
	const sent = buildRequest(row, opCtx);
	const { request, pathValues } = sent;
	if (request.body && row.buildBody) request.body = await row.buildBody(request.body as IDataObject, opCtx);
	request.encoding = 'arraybuffer';
	const response = await apiRequest.call(ctx, provider, request, { itemIndex, notFound: row.notFound?.(pathValues), ...opCtx.requestOptions });
	const mimeType = headerText(response.headers['content-type']).split(';')[0].trim() || 'application/octet-stream';
	const data = Buffer.isBuffer(response.body) ? response.body : Buffer.from((response.body as ArrayBuffer | undefined) ?? new ArrayBuffer(0));
	if (mimeType === 'text/html' || mimeType === 'application/json' || data.length === 0) {
		// A page (a redirect followed to HTML, an error in JSON) or nothing, where a file was due.
		const message = file.noFileMessage(sent, opCtx);
		throw new NodeApiError(ctx.getNode(), { message } as JsonObject, { message, description: `The answer was ${mimeType || 'empty'} instead of a file.`, itemIndex });
	}
	const disposition = headerText(response.headers['content-disposition']);
	// A header is server text: the pattern sees its first 1,000 characters only.
	const named = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(cappedText(disposition, 1000));
	const fileName = named ? decodedName(named[1]) : file.fallbackName(sent, opCtx);
	const property = ctx.getNodeParameter(file.binaryPropertyParam ?? 'binaryPropertyName', itemIndex, 'data') as string;
	const binary = await ctx.helpers.prepareBinaryData(data, fileName, mimeType);
	return {
		json: { ...file.json?.(sent, opCtx), fileName, mimeType, fileSize: data.length },
		binary: { [property]: binary },
	};
}
