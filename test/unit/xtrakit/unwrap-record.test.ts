/**
 * XtraKit's record unwrap names the record in its not-found message (a failure XtraKit may report inside
 * an HTTP 200). It takes the ID the executor already read for the path: reading the parameter again
 * evaluates its expression again, which n8n 2.x does in its sandbox (issue 17: 1,000 Gets, one each).
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { unwrapRecord } from '../../../nodes/XtraKit/resources/records';
import type { OperationContext } from '../../../nodes/shared/types';

const node = { name: 'XtraKit', type: 'n8n-nodes-saas-connectors.xtraKit', typeVersion: 1, parameters: {} };
let reads = 0;
const opCtx = {
	itemIndex: 0,
	ctx: {
		getNode: () => node,
		getNodeParameter: () => {
			reads++;
			return '7';
		},
	} as unknown as IExecuteFunctions,
} as OperationContext;

const unwrap = unwrapRecord('customer', { param: 'customerId', message: (id) => `Customer not found: no customer with ID ${id}` });

beforeEach(() => (reads = 0));

test('a record comes out of the envelope without reading the ID parameter again', () => {
	expect(unwrap({ status: 200, success: true, data: { customer: { id: 7 } } }, opCtx, { customerId: '7' })).toEqual({ id: 7 });
	expect(reads).toBe(0);
});

test('a failure inside HTTP 200 names the ID the path was built with', () => {
	expect(() => unwrap({ status: 404, success: false, message: 'Customer not found' }, opCtx, { customerId: '7' })).toThrow(/no customer with ID 7/);
	expect(reads).toBe(0);
});
