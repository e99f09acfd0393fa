import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiRequestBody } from '../../shared/http';
import { clientXcms } from '../provider';
import { notFoundError, readPage } from '../transport/envelope';
import { fetchAllRecords } from '../transport/paging';
import type { ResourceInfo } from './row';

/**
 * Reads a record as it is now (before an update, or when a show route cannot be trusted), the way
 * its resource is read: a bare object, a "paginated show", or — for groups, whose show route binds
 * the wrong parameter — the list.
 */
export async function fetchRecord(
	ctx: IExecuteFunctions,
	resource: Pick<ResourceInfo, 'label' | 'path' | 'show'>,
	id: string,
	itemIndex: number,
	/** Extra query, e.g. `include` for relations the caller needs. */
	qs: IDataObject = {},
): Promise<IDataObject> {
	const node = ctx.getNode();
	if (resource.show === 'list') {
		const all = await fetchAllRecords(ctx, resource.path, qs, 10_000);
		const found = all.find((r) => String(r.id) === id);
		if (!found) throw notFoundError(node, resource.label, id, itemIndex);
		return found;
	}
	const body = await apiRequestBody.call(
		ctx,
		clientXcms,
		{ method: 'GET', path: `${resource.path}/${encodeURIComponent(id)}`, ...(Object.keys(qs).length > 0 ? { qs } : {}) },
		{ itemIndex, notFound: `${resource.label} ${id} was not found` },
	);
	if (resource.show === 'object') return (body ?? {}) as IDataObject;
	const { records } = readPage(node, body, itemIndex);
	if (records.length === 0) throw notFoundError(node, resource.label, id, itemIndex);
	return records[0];
}
