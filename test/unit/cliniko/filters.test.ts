import { toDateOnly, toUtcDateTime } from '../../../nodes/Cliniko/resources/dates';
import {
	FILTER_OPERATORS,
	FilterError,
	OPERATORS_BY_TYPE,
	filterExpression,
	listQuery,
	sortExpression,
} from '../../../nodes/Cliniko/resources/filters';
import type { FilterType, SpecOperation } from '../../../nodes/Cliniko/resources/types';

const fields: Array<[string, FilterType]> = [
	['accepted_privacy_policy', 'boolean'],
	['archived_at', 'dateTime'],
	['date_of_birth', 'date'],
	['first_name', 'string'],
	['id', 'int64'],
	['invoice_status', 'integer'],
	['patient_ids', 'array'],
	['updated_at', 'dateTime'],
];

describe('q[] filter validation', () => {
	it('takes the operator by its parameter value or by Cliniko’s symbol', () => {
		expect(filterExpression(fields, 'first_name', 'equals', 'Ann')).toBe('first_name:=Ann');
		expect(filterExpression(fields, 'id', 'greaterThanOrEqual', '5')).toBe('id:>=5');
		expect(filterExpression(fields, 'archived_at', 'any', '')).toBe('archived_at:*');
		expect(filterExpression(fields, 'first_name', 'isEmpty', '')).toBe('first_name:!?');
		expect(filterExpression(fields, 'first_name', 'matchesPattern', 'a%')).toBe('first_name:~~a%');
	});

	it('builds field:operator value for every documented type', () => {
		expect(filterExpression(fields, 'first_name', '~', ' Jan ')).toBe('first_name:~Jan');
		expect(filterExpression(fields, 'first_name', '~~', 'ja%on%')).toBe('first_name:~~ja%on%');
		expect(filterExpression(fields, 'id', '=', '1000000000000000001, 9007199254740993')).toBe('id:=1000000000000000001,9007199254740993');
		expect(filterExpression(fields, 'id', '>', '1000000000000000001')).toBe('id:>1000000000000000001');
		expect(filterExpression(fields, 'invoice_status', '!=', '-1')).toBe('invoice_status:!=-1');
		expect(filterExpression(fields, 'accepted_privacy_policy', '=', true)).toBe('accepted_privacy_policy:=true');
		expect(filterExpression(fields, 'date_of_birth', '=', '****-05-**')).toBe('date_of_birth:=****-05-**');
		expect(filterExpression(fields, 'date_of_birth', '>=', '1980-01-02T00:00:00')).toBe('date_of_birth:>=1980-01-02');
		expect(filterExpression(fields, 'updated_at', '>', '2024-05-01T10:00:00+10:00')).toBe('updated_at:>2024-05-01T00:00:00Z');
		expect(filterExpression(fields, 'updated_at', '>=', '2024-05-01T10:00:00', 'Australia/Melbourne')).toBe('updated_at:>=2024-05-01T00:00:00Z');
		expect(filterExpression(fields, 'archived_at', '*', 'ignored')).toBe('archived_at:*');
		expect(filterExpression(fields, 'first_name', '?', '')).toBe('first_name:?');
		expect(filterExpression(fields, 'patient_ids', '~', '123')).toBe('patient_ids:~123');
	});

	it('refuses an operator the field type does not take, naming the ones it does', () => {
		expect(() => filterExpression(fields, 'first_name', '>', 'a')).toThrow(
			'"Greater Than" does not apply to First Name (text): use Equals, Not Equals, Contains, Matches Pattern, Is Not Empty or Is Empty',
		);
		expect(() => filterExpression(fields, 'updated_at', '=', '2024-01-01T00:00:00Z')).toThrow(/"Equals" does not apply to Updated At \(a date and time\)/);
		expect(() => filterExpression(fields, 'accepted_privacy_policy', '?', '')).toThrow(FilterError);
		expect(() => filterExpression(fields, 'patient_ids', '=', '1')).toThrow(/use Contains/);
		expect(() => filterExpression(fields, 'date_of_birth', '*', '')).toThrow(FilterError);
	});

	it('refuses malformed values and unknown fields', () => {
		expect(() => filterExpression(fields, 'id', '=', '12a')).toThrow('The filter value "12a" for ID (an ID) is not an ID (or a comma-separated list of them)');
		expect(() => filterExpression(fields, 'id', '>', '1,2')).toThrow(FilterError);
		expect(() => filterExpression(fields, 'accepted_privacy_policy', '=', 'yes')).toThrow('is not true or false');
		expect(() => filterExpression(fields, 'updated_at', '>', 'yesterday')).toThrow('is not a date and time');
		expect(() => filterExpression(fields, 'date_of_birth', '=', '31/05/1980')).toThrow('is not a date');
		expect(() => filterExpression(fields, 'first_name', '=', '  ')).toThrow('needs a value');
		expect(() => filterExpression(fields, 'last_name', '=', 'x')).toThrow('"last_name" cannot be filtered on here');
		expect(() => filterExpression(fields, 'first_name', 'LIKE', 'x')).toThrow('Unknown filter operator');
	});

	it('documents every operator once, alphabetically, and only valid ones per type', () => {
		const names = FILTER_OPERATORS.map((o) => o.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		expect(new Set(FILTER_OPERATORS.map((o) => o.value)).size).toBe(FILTER_OPERATORS.length);
		for (const ops of Object.values(OPERATORS_BY_TYPE)) for (const op of ops) expect(FILTER_OPERATORS.some((o) => o.symbol === op)).toBe(true);
		// n8n would read a stored "=" as an (empty) expression: no value may start with it.
		for (const o of FILTER_OPERATORS) expect(o.value).not.toMatch(/^=/);
	});
});

describe('list query', () => {
	const op = { filters: fields, sort: true } as SpecOperation;

	it('sends conditions, include switches and sort', () => {
		expect(
			listQuery(op, {
				conditions: [
					{ field: 'first_name', operator: '=', value: 'Ann' },
					{ field: 'updated_at', operator: '>', value: '2024-01-01T00:00:00Z' },
				],
				includeArchived: true,
				includeCancelled: true,
				sort: [{ field: 'updated_at', direction: 'desc' }, { field: 'id', direction: 'asc' }],
			}),
		).toEqual({ 'q[]': ['first_name:=Ann', 'updated_at:>2024-01-01T00:00:00Z', 'archived_at:*'], sort: 'updated_at:desc,id' });
		// cancelled_at is not a field of this list: the switch adds nothing.
		expect(listQuery(op, {})).toEqual({});
		expect(listQuery({ filters: fields } as SpecOperation, { sort: [{ field: 'id', direction: 'desc' }] })).toEqual({});
	});

	it('checks sort entries', () => {
		expect(sortExpression([{ field: 'last_name' }, { field: 'first_name', direction: 'desc' }])).toBe('last_name,first_name:desc');
		expect(sortExpression([{ field: '' }])).toBeUndefined();
		expect(() => sortExpression([{ field: 'name; drop' }])).toThrow(FilterError);
		expect(() => sortExpression([{ field: 'id', direction: 'up' }])).toThrow('asc or desc');
	});
});

describe('dates for Cliniko', () => {
	it('converts local times in the workflow time zone to UTC, keeping explicit offsets', () => {
		expect(toUtcDateTime('2024-07-01T09:30:00', 'Australia/Sydney')).toBe('2024-06-30T23:30:00Z');
		expect(toUtcDateTime('2024-01-01T09:30:00', 'Australia/Sydney')).toBe('2023-12-31T22:30:00Z');
		expect(toUtcDateTime('2024-03-10T12:00:00', 'America/New_York')).toBe('2024-03-10T16:00:00Z');
		expect(toUtcDateTime('2024-07-01T09:30:00.250Z')).toBe('2024-07-01T09:30:00.250Z');
		expect(toUtcDateTime('2024-07-01T09:30:00-04:00', 'Europe/London')).toBe('2024-07-01T13:30:00Z');
		expect(toUtcDateTime('2024-07-01', 'UTC')).toBe('2024-07-01T00:00:00Z');
		expect(toUtcDateTime('2024-07-01T09:30', 'Not/AZone')).toBe('2024-07-01T09:30:00Z');
		expect(toUtcDateTime(new Date(Date.UTC(2024, 6, 1, 9, 30)))).toBe('2024-07-01T09:30:00Z');
		expect(toUtcDateTime({ toISO: () => '2024-07-01T19:30:00.000+10:00' })).toBe('2024-07-01T09:30:00Z');
		expect(toUtcDateTime('2024-13-01T00:00:00')).toBeUndefined();
		expect(toUtcDateTime('next tuesday')).toBeUndefined();
	});

	it('keeps the calendar date of what was picked', () => {
		expect(toDateOnly('2024-05-31T00:00:00')).toBe('2024-05-31');
		expect(toDateOnly('2024-05-31T23:00:00.000+10:00')).toBe('2024-05-31');
		expect(toDateOnly('2024-05-31')).toBe('2024-05-31');
		expect(toDateOnly('31/05/2024')).toBeUndefined();
	});
});
