import { NodeOperationError } from 'n8n-workflow';

import { calendarDate, dateText, localDateTime, optionalLocalDateTime, parseDateTime, requireDateTime, zonedTimeToUtc } from '../../../nodes/shared/dates';
import { testNode } from '../../helpers/node';

const node = testNode();
const utc = (iso: string) => Date.parse(iso);

describe('strict date-time parsing', () => {
	it('reads ISO 8601 as typed or picked, with and without a zone', () => {
		expect(parseDateTime('2024-06-01')).toBe(utc('2024-06-01T00:00:00Z'));
		expect(parseDateTime('2024-06-01T09:30')).toBe(utc('2024-06-01T09:30:00Z'));
		expect(parseDateTime(' 2024-06-01 09:30:15.5 ')).toBe(utc('2024-06-01T09:30:15.500Z'));
		expect(parseDateTime('2024-06-01T09:30:00.123456789Z')).toBe(utc('2024-06-01T09:30:00.123Z'));
		expect(parseDateTime('2024-06-01T11:30:00+02:00')).toBe(utc('2024-06-01T09:30:00Z'));
		expect(parseDateTime('2024-06-01T04:30:00-0500')).toBe(utc('2024-06-01T09:30:00Z'));
		expect(parseDateTime('2024-06-01T10:30:00+01')).toBe(utc('2024-06-01T09:30:00Z'));
		expect(parseDateTime('2024-02-29T00:00:00Z')).toBe(utc('2024-02-29T00:00:00Z'));
		expect(parseDateTime('0001-01-01T00:00:00Z')).toBe(utc('0001-01-01T00:00:00Z'));
	});

	it('reads a time without a zone in the given zone', () => {
		expect(parseDateTime('2024-07-01T09:30:00', 'Australia/Sydney')).toBe(utc('2024-06-30T23:30:00Z'));
		expect(parseDateTime('2024-07-01T09:30:00Z', 'Australia/Sydney')).toBe(utc('2024-07-01T09:30:00Z'));
		expect(zonedTimeToUtc([2024, 3, 10, 12], 'America/New_York')).toBe(utc('2024-03-10T16:00:00Z'));
		expect(zonedTimeToUtc([2024, 7, 1, 9, 30], 'Not/AZone')).toBe(utc('2024-07-01T09:30:00Z'));
	});

	it('takes a JS Date and a Luxon DateTime (what {{ $now }} gives)', () => {
		expect(parseDateTime(new Date(utc('2024-06-01T00:00:00Z')))).toBe(utc('2024-06-01T00:00:00Z'));
		expect(parseDateTime({ toISO: () => '2024-06-01T10:00:00.000+10:00' })).toBe(utc('2024-06-01T00:00:00Z'));
		expect(parseDateTime(new Date(Number.NaN))).toBeUndefined();
		expect(parseDateTime({ toISO: () => null })).toBeUndefined();
		expect(dateText(new Date(utc('2024-06-01T00:00:00Z')))).toBe('2024-06-01T00:00:00.000Z');
	});

	// What V8's Date.parse accepts and the old code turned into real (wrong) dates, or impossible ones.
	it.each([
		'1', '-1', '0', '12', 'a 1', '😀 1', 'June 1', '1/2/3', '2024', '99999', '+275760-09-13', '20240-06-01', '2024-6-1',
		'2024-02-30', '2023-02-29', '2024-13-01', '2024-00-10', '2024-06-31', '2024-06-01T24:00', '2024-06-01T12:60',
		'2024-06-01T12:00:61', '2024-06-01T12:00:00+25:00', '2024-06-01T12:00:00+02:61', '2024-06-01Z', 'NaN', 'Infinity',
		'null', '', '   ', '2024-06-01T', '2024-06-01T12', '2024-06-01T12:00:00ZZ', '2024-06-01/2024-06-02',
	])('refuses %j', (text) => {
		expect(parseDateTime(text)).toBeUndefined();
	});

	it.each([[5], [-1], [1717200000000], [true], [null], [undefined], [{}], [[]], [['2024-06-01']]])('refuses the non-date %j', (value) => {
		expect(parseDateTime(value)).toBeUndefined();
	});

	it('names the field and what arrived', () => {
		expect(() => requireDateTime(node, 'a 1', 'From', 0)).toThrow(NodeOperationError);
		expect(() => requireDateTime(node, 'a 1', 'From', 0)).toThrow('From is not a valid date and time: "a 1"');
		expect(() => requireDateTime(node, { a: 1 }, 'From', 0)).toThrow('From is not a valid date and time: an object');
		expect(() => requireDateTime(node, 5, 'Until', 0)).toThrow('Until is not a valid date and time: 5');
		expect(() => requireDateTime(node, ' ', 'Start Date', 0)).toThrow('Start Date is empty');
		expect(requireDateTime(node, '2024-06-01', 'From', 0)).toBe(utc('2024-06-01T00:00:00Z'));
	});
});

describe('the one date-time rule: the workflow time zone unless the value carries an offset', () => {
	it('gives the wall clock and calendar date in the workflow zone (Sydney and New York)', () => {
		expect(localDateTime('2024-06-01T10:00:00', 'Australia/Sydney')).toBe('2024-06-01 10:00:00');
		expect(localDateTime('2024-06-01T00:00:00Z', 'Australia/Sydney')).toBe('2024-06-01 10:00:00');
		expect(localDateTime('2024-06-01T00:00:00+02:00', 'America/New_York')).toBe('2024-05-31 18:00:00');
		expect(localDateTime(new Date('2024-01-15T12:00:00Z'), 'America/New_York')).toBe('2024-01-15 07:00:00');
		expect(calendarDate('2024-06-01T00:00:00', 'America/New_York')).toBe('2024-06-01');
		expect(calendarDate('2024-06-01T02:00:00Z', 'America/New_York')).toBe('2024-05-31');
		expect(calendarDate('2024-05-31T20:00:00Z', 'Australia/Sydney')).toBe('2024-06-01');
		expect(calendarDate('2024-05-31')).toBe('2024-05-31');
		expect(localDateTime('2024-02-30T00:00:00', 'Australia/Sydney')).toBeUndefined();
	});

	it('names the field and the zone of a bad date-time', () => {
		expect(() => optionalLocalDateTime(node, 'tomorrow', 'Paid At', 0, 'Australia/Sydney')).toThrow('Paid At is not a valid date and time: "tomorrow"');
		expect(optionalLocalDateTime(node, '  ', 'Paid At', 0, 'Australia/Sydney')).toBeUndefined();
	});
});
