import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import type { ApiRequest, AttachmentsDef, OperationContext } from './types';

export interface MultipartFile {
	field: string;
	fileName: string;
	mimeType: string;
	data: Buffer;
}

/**
 * A multipart/form-data body, built by hand (node code may not import form-data). Arrays become
 * repeated `key[]` fields and booleans `1` / `0`, as PHP and Laravel read forms.
 */
export function multipartBody(fields: IDataObject, files: MultipartFile[], boundary: string): Buffer {
	const chunks: Buffer[] = [];
	const quote = (s: string) => s.replace(/[\r\n"]/g, '_');
	const add = (name: string, value: string) => {
		chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"\r\n\r\n${value}\r\n`, 'utf8'));
	};
	for (const [key, value] of Object.entries(fields)) {
		if (value === undefined || value === null) continue;
		if (Array.isArray(value)) value.forEach((v) => add(`${key}[]`, String(v)));
		else if (typeof value === 'boolean') add(key, value ? '1' : '0');
		else if (typeof value === 'object') add(key, JSON.stringify(value));
		else add(key, String(value));
	}
	for (const file of files) {
		chunks.push(
			Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name="${quote(file.field)}"; filename="${quote(file.fileName)}"\r\nContent-Type: ${file.mimeType}\r\n\r\n`,
				'utf8',
			),
			file.data,
			Buffer.from('\r\n', 'utf8'),
		);
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`, 'utf8'));
	return Buffer.concat(chunks);
}

/**
 * Turns a request's JSON body into a multipart body carrying the input item's files, when the item
 * lists any under `def.param`; leaves the request as it is otherwise.
 */
export async function attachFiles(def: AttachmentsDef, request: ApiRequest, opCtx: OperationContext): Promise<void> {
	const { ctx, itemIndex, provider } = opCtx;
	const names = String(ctx.getNodeParameter(def.param, itemIndex, '') ?? '')
		.split(',')
		.map((s) => s.trim())
		.filter((s) => s !== '');
	if (names.length === 0) return;
	if (names.length > def.max) {
		throw new NodeOperationError(ctx.getNode(), `${provider.displayName} accepts at most ${def.max} attachments per message`, { itemIndex });
	}
	const item = ctx.getInputData()[itemIndex];
	const files: MultipartFile[] = [];
	for (const name of names) {
		const meta = item.binary?.[name];
		if (!meta) {
			throw new NodeOperationError(ctx.getNode(), `The input item has no binary property "${name}" to attach`, { itemIndex });
		}
		const data = await ctx.helpers.getBinaryDataBuffer(itemIndex, name);
		files.push({ field: def.field, fileName: meta.fileName ?? name, mimeType: meta.mimeType ?? 'application/octet-stream', data });
	}
	const boundary = `----n8nForm${Date.now().toString(16)}${Math.random().toString(16).slice(2)}`;
	request.body = multipartBody((request.body ?? {}) as IDataObject, files, boundary);
	request.headers = { ...request.headers, 'Content-Type': `multipart/form-data; boundary=${boundary}` };
}
