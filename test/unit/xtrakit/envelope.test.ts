
import {
	PLAN_MESSAGE,
	envelopeFailure,
	envelopeMessage,
	envelopeVerdict,
	isEnvelope,
	listFrom,
	openEnvelope,
	planMessage,
	recordFrom,
} from '../../../nodes/XtraKit/transport/envelope';
import { xtraKit } from '../../../nodes/XtraKit/provider';
import { testNode } from '../../helpers/node';

const node = testNode('XtraKit', 'n8n-nodes-saas-connectors.xtraKit');

describe('XtraKit envelope', () => {
	it('recognises the envelope, and only it', () => {
		expect(isEnvelope({ status: 200, message: 'Customers found: 20', data: {} })).toBe(true);
		expect(isEnvelope({ status: 404, message: 'Customer not found' })).toBe(true);
		expect(isEnvelope({ status: 'paid' })).toBe(false); // a record with a status field
		expect(isEnvelope([{ status: 200, data: {} }])).toBe(false);
		expect(isEnvelope(null)).toBe(false);
	});

	it.each([
		[200, true],
		[201, true],
		[204, true],
		['200', true],
		[1, true],
		[true, true],
		[undefined, true],
		['success', true],
		[400, false],
		[402, false],
		['404', false],
		[500, false],
		[0, false],
		[false, false],
		['error', false],
		['Failed', false],
	])('status %p → ok %p', (status, ok) => {
		expect(envelopeVerdict(status).ok).toBe(ok);
	});

	it('keeps the HTTP code a failing status carries', () => {
		expect(envelopeVerdict(402)).toEqual({ ok: false, code: 402 });
		expect(envelopeVerdict('error')).toEqual({ ok: false });
	});

	it('reads the message and the validation details it does not already say', () => {
		expect(envelopeMessage({ status: 404, message: 'Customer not found', data: null })).toBe('Customer not found');
		expect(
			envelopeMessage({
				status: 400,
				message: 'The customer phone field is required. (and 1 more error)',
				data: { errors: { customer_phone: ['The customer phone field is required.'], address1: ['The address1 field is required.'] } },
			}),
		).toBe('The customer phone field is required. The address1 field is required.');
		expect(envelopeMessage({ status: 400, errors: { sku: ['The sku has already been taken.'] } })).toBe('The sku has already been taken.');
		expect(envelopeMessage('<html>')).toBeUndefined();
	});

	it('explains 402 whatever XtraKit wrote', () => {
		expect(planMessage(undefined)).toBe(PLAN_MESSAGE);
		expect(planMessage('Payment Required')).toBe(PLAN_MESSAGE);
		expect(planMessage('Subscription expired')).toBe(`${PLAN_MESSAGE} (XtraKit says: Subscription expired)`);
		expect(xtraKit.errorMessage?.({ status: 402, message: 'Subscription expired', data: null }, 402)).toContain('does not include API access, or it has lapsed');
		expect(xtraKit.errorMessage?.({ status: 401, message: 'Unauthenticated.', data: null }, 401)).toBe('Unauthenticated.');
	});

	it('turns a failing envelope on HTTP 200 into an error with its message', () => {
		expect(() => openEnvelope(node, { status: 500, message: 'Database connection lost', data: null })).toThrow('Database connection lost (status 500)');
		const notFound = envelopeFailure(node, { status: 404, message: 'Customer not found' }, { code: 404 }, { notFound: 'Customer not found: no customer with ID "9"', itemIndex: 2 });
		expect(notFound.message).toBe('Customer not found: no customer with ID "9" (status 404)');
		expect(notFound.description).toContain('XtraKit answered HTTP 200, but the response says the request failed (status 404).');
		expect(notFound.description).toContain('Message: Customer not found');
		expect(notFound.httpCode).toBe('404');
		expect(notFound.context.itemIndex).toBe(2);
		const lapsed = envelopeFailure(node, { status: 402, message: 'Payment required' }, { code: 402 });
		expect(lapsed.message).toBe(`${PLAN_MESSAGE} (status 402)`);
		const vague = envelopeFailure(node, { status: false }, {});
		expect(vague.message).toBe('XtraKit reported a failure without a message');
		expect(openEnvelope(node, { status: 200, message: 'ok', data: { a: 1 } })).toEqual({ a: 1 });
		expect(openEnvelope(node, [1, 2])).toEqual([1, 2]); // no envelope: as is
	});

	it('takes one record from data, keeping sibling payloads', () => {
		expect(recordFrom(node, { customer: { id: 1 }, 'customer-group': [{ id: 2 }] }, 'customer')).toEqual({ id: 1, 'customer-group': [{ id: 2 }] });
		expect(recordFrom(node, { sales: [{ id: 32 }], 'sales-item': [] }, 'sales')).toEqual({ id: 32, 'sales-item': [] });
		expect(recordFrom(node, { id: 5, name: 'bare' }, 'expense')).toEqual({ id: 5, name: 'bare' });
		expect(recordFrom(node, { other: { id: 5 } }, 'expense')).toEqual({ id: 5 });
		expect(recordFrom(node, null, 'expense')).toBeUndefined();
		expect(() => recordFrom(node, { sales: [{ id: 1 }, { id: 2 }] }, 'sales')).toThrow('expected one "sales", got a list of 2');
		expect(() => recordFrom(node, { a: { id: 1 }, b: { id: 2 } }, 'sales')).toThrow('no "sales" in "data"');
	});

	it('takes a list from data: an array, a paginator, the docs’ single object, or nothing', () => {
		expect(listFrom(node, { customers: [{ id: 1 }, { id: 2 }] }, 'customers')).toHaveLength(2);
		const paged = listFrom(node, { customers: { current_page: 1, data: [{ id: 1 }], next_page_url: 'x' } }, 'customers');
		expect(paged).toEqual([{ id: 1 }]);
		expect(listFrom(node, { customers: { id: 1, customer_name: 'Jane Doe' } }, 'customers')).toEqual([{ id: 1, customer_name: 'Jane Doe' }]);
		expect(listFrom(node, { customers: null }, 'customers')).toEqual([]);
		expect(listFrom(node, null, 'customers')).toEqual([]);
		expect(listFrom(node, {}, 'customers')).toEqual([]);
		expect(listFrom(node, { list: [{ id: 3 }] }, 'customers')).toEqual([{ id: 3 }]);
		expect(() => listFrom(node, { customers: 'nope' }, 'customers')).toThrow('expected a list at "customers"');
	});
});
