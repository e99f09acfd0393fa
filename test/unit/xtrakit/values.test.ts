
import { coerceBody, coerceValue, toXtraKitDate, toXtraKitDateTime } from '../../../nodes/XtraKit/resources/values';
import { customPath } from '../../../nodes/XtraKit/resources/customApiCall';
import { saleTypes } from '../../../nodes/XtraKit/resources/sale';
import { testNode } from '../../helpers/node';

const node = testNode('XtraKit', 'n8n-nodes-saas-connectors.xtraKit');

describe('XtraKit values in their documented forms', () => {
	it('writes dates as the wall clock of the workflow time zone: as typed without an offset, shifted with one', () => {
		const accra = 'Africa/Accra';
		const lagos = 'Africa/Lagos'; // UTC+1
		expect(toXtraKitDateTime('2024-08-04T08:23:45', lagos)).toBe('2024-08-04 08:23:45');
		expect(toXtraKitDateTime('2024-08-04T08:23:45.000+01:00', lagos)).toBe('2024-08-04 08:23:45');
		expect(toXtraKitDateTime('2024-08-04T08:23:45.000+01:00', accra)).toBe('2024-08-04 07:23:45');
		expect(toXtraKitDateTime('2024-08-04 8:05', lagos)).toBe('2024-08-04 08:05:00');
		expect(toXtraKitDateTime('2024-08-04T08:23:45Z', lagos)).toBe('2024-08-04 09:23:45');
		expect(toXtraKitDateTime('2024-08-04', lagos)).toBe('2024-08-04 00:00:00');
		expect(toXtraKitDateTime(new Date('2024-08-04T08:23:45Z'), accra)).toBe('2024-08-04 08:23:45');
		expect(toXtraKitDate('2024-09-30T23:00:00.000-05:00', 'America/New_York')).toBe('2024-10-01');
		expect(toXtraKitDate('2024-09-30T23:00:00.000-04:00', 'America/New_York')).toBe('2024-09-30');
		expect(toXtraKitDateTime('2024-08-04T24:00:00', lagos)).toBeUndefined();
		expect(toXtraKitDate('next tuesday')).toBeUndefined();
	});

	it('writes money as "10.00", IDs as integers, flags as 1/0, quantities as strings', () => {
		expect(coerceValue(node, 'total_amount', 'money', 200, 0)).toBe('200.00');
		expect(coerceValue(node, 'total_amount', 'money', '12.5', 0)).toBe('12.50');
		expect(coerceValue(node, 'customer_id', 'int', '42', 0)).toBe(42);
		expect(coerceValue(node, 'online', 'flag', true, 0)).toBe(1);
		expect(coerceValue(node, 'online', 'flag', 0, 0)).toBe(0);
		expect(coerceValue(node, 'quantity', 'numberString', 20, 0)).toBe('20');
		expect(() => coerceValue(node, 'total_amount', 'money', -1, 0)).toThrow('Total amount must be an amount from 0 to 99999999.99');
		expect(() => coerceValue(node, 'customer_id', 'int', 'Jane', 0)).toThrow('Customer ID must be a whole number (an ID)');
		expect(() => coerceValue(node, 'due_date', 'date', 'soon', 0)).toThrow('Due date must be a date (YYYY-MM-DD)');
	});

	it('drops empty values and keeps unknown keys as typed', () => {
		expect(coerceBody(node, saleTypes, { invoice_note: '', discount: 0, customer_id: '3', extra: 'x', due_date: null }, 0)).toEqual({
			discount: '0.00',
			customer_id: 3,
			extra: 'x',
		});
	});

	it('checks and encodes a Custom API Call path', () => {
		expect(customPath(node, 'customers/42', 0)).toEqual({ path: '/customers/42', qs: {} });
		expect(customPath(node, '/api/v1/sales/edit/324232', 0)).toEqual({ path: '/sales/edit/324232', qs: {} });
		expect(customPath(node, '/inventory/items/ Jce84a50?x=1#frag', 0)).toEqual({ path: '/inventory/items/%20Jce84a50', qs: { x: '1' } });
		expect(customPath(node, '/customers/a%2Fb', 0).path).toBe('/customers/a%2Fb');
		expect(() => customPath(node, 'https://evil.example/x', 0)).toThrow('Path must be relative to the base URL');
		expect(() => customPath(node, '//evil.example/x', 0)).toThrow('Path must be relative to the base URL');
		expect(() => customPath(node, '/customers/%2e%2e/x', 0)).toThrow('".." is not allowed in Path');
		expect(() => customPath(node, '/', 0)).toThrow('Path is empty');
	});
});
