import * as fs from 'fs';

import { specBodies, specOperations, specResources } from '../../../nodes/Cliniko/generated/spec';
import { clinikoOperations } from '../../../nodes/Cliniko/resources';
import { labelOf } from '../../../nodes/Cliniko/resources/words';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generate, labelOf: generatorLabelOf, SPEC_FILE, OUT_FILE } = require('../../../scripts/generate-cliniko.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const YAML = require('yaml');

const METHODS = ['get', 'post', 'patch', 'put', 'delete'];

function specOperationsOf(): Array<{ method: string; path: string; deprecated: boolean }> {
	const spec = YAML.parse(fs.readFileSync(SPEC_FILE, 'utf8'));
	const out: Array<{ method: string; path: string; deprecated: boolean }> = [];
	for (const [path, item] of Object.entries<Record<string, { deprecated?: boolean }>>(spec.paths)) {
		for (const method of METHODS) {
			if (item[method]) out.push({ method: method.toUpperCase(), path, deprecated: item[method].deprecated === true });
		}
	}
	return out;
}

describe('generated Cliniko operation table', () => {
	it('is what the generator makes of the committed spec (run `node scripts/generate-cliniko.js`)', () => {
		expect(fs.readFileSync(OUT_FILE, 'utf8')).toBe(generate(fs.readFileSync(SPEC_FILE, 'utf8')));
	});

	it('has exactly one row per current operation: 211 in the spec minus 27 deprecated', () => {
		const all = specOperationsOf();
		expect(all).toHaveLength(211);
		const current = all.filter((o) => !o.deprecated);
		expect(current).toHaveLength(184);
		expect(specOperations).toHaveLength(184);
		const key = (o: { method: string; path: string }) => `${o.method} ${o.path}`;
		expect(specOperations.map(key).sort()).toEqual(current.map(key).sort());
		expect(clinikoOperations.map(key).sort()).toEqual(current.map(key).sort());
	});

	it('gives every operation a unique, readable resource and operation', () => {
		const pairs = clinikoOperations.map((o) => `${o.resource}.${o.operation}`);
		expect(new Set(pairs).size).toBe(pairs.length);
		const resources = new Set(specResources.map((r) => r.value));
		for (const op of specOperations) {
			expect(resources.has(op.resource)).toBe(true);
			expect(op.operation).toMatch(/^[a-z][A-Za-z]+$/);
			expect(op.name).toMatch(/^[A-Z][A-Za-z ]+$/);
			expect(op.action).toMatch(/^[A-Z]/);
			expect(op.description).not.toMatch(/\.$/);
			if (op.kind === 'list') {
				expect(op.operation).toMatch(/^getAll/);
				expect(op.itemsPath).toMatch(/^[a-z_]+$/);
			}
		}
		expect(specOperations.find((o) => o.path === '/practitioners/{practitioner_id}/appointment_types')).toMatchObject({
			resource: 'appointmentType',
			operation: 'getAllForPractitioner',
			name: 'Get Many for Practitioner',
		});
		expect(specOperations.find((o) => o.method === 'POST' && o.path === '/patients/{id}/unarchive')?.operation).toBe('unarchive');
		expect(specOperations.find((o) => o.method === 'PATCH' && o.path === '/individual_appointments/{id}/cancel')?.operation).toBe('cancel');
		expect(specOperations.find((o) => o.method === 'DELETE' && o.path === '/taxes/{id}')?.operation).toBe('delete');
		// Deprecated DELETEs that archive are replaced by the Archive operations.
		expect(specOperations.filter((o) => o.method === 'DELETE').map((o) => o.resource).sort()).toEqual([
			'appointmentTypeBillableItem',
			'appointmentTypeProduct',
			'practitionerReferenceNumber',
			'tax',
		]);
	});

	it('parses the q[] tables, list envelopes and body fields of the spec', () => {
		const patients = specOperations.find((o) => o.method === 'GET' && o.path === '/patients');
		expect(patients?.filters).toEqual([
			['accepted_privacy_policy', 'boolean'],
			['archived_at', 'dateTime'],
			['created_at', 'dateTime'],
			['date_of_birth', 'date'],
			['email', 'string'],
			['first_name', 'string'],
			['id', 'int64'],
			['last_name', 'string'],
			['old_reference_id', 'string'],
			['preferred_first_name', 'string'],
			['updated_at', 'dateTime'],
		]);
		expect(patients).toMatchObject({ itemsPath: 'patients', sort: true, kind: 'list' });
		const patient = Object.fromEntries(specBodies.Patient.map((f) => [f.key, f]));
		expect(patient.date_of_birth).toMatchObject({ label: 'Date of Birth', kind: 'date' });
		expect(patient.concession_type_id).toMatchObject({ kind: 'id', entity: 'concessionType' });
		expect(patient.reminder_type.options?.map((o) => o.value)).toEqual(['None', 'SMS', 'Email', 'SMS & Email']);
		expect(patient.pronouns.kind).toBe('json');
		expect(patient.accepted_privacy_policy.description).toMatch(/^Whether /);
		const cancel = Object.fromEntries(specBodies.IndividualAppointmentCancel.map((f) => [f.key, f]));
		expect(cancel.cancellation_reason.options).toEqual([
			{ name: 'Feeling Better', value: 10 },
			{ name: 'Condition Worse', value: 20 },
			{ name: 'Sick', value: 30 },
			{ name: 'Away', value: 40 },
			{ name: 'Other', value: 50 },
			{ name: 'Work', value: 60 },
		]);
		// int64 IDs are never number fields.
		for (const fields of Object.values(specBodies)) {
			for (const f of fields) if (/_ids?$/.test(f.key)) expect(f.kind).not.toBe('number');
		}
	});

	it('offers no body field the spec marks deprecated (issue 14, point 14)', () => {
		const spec = YAML.parse(fs.readFileSync(SPEC_FILE, 'utf8'));
		const deprecated: string[] = [];
		for (const [name, body] of Object.entries<any>(spec.components.requestBodies)) {
			const schema = body.content['application/json'].schema;
			for (const alt of schema.anyOf ?? schema.oneOf ?? [schema]) {
				for (const [key, property] of Object.entries<any>(alt.properties ?? {})) if (property.deprecated) deprecated.push(`${name}.${key}`);
			}
		}
		// The spec's own list: AppointmentType billable_item_id/product_id, Product(Update) product_supplier_name, StockAdjustment comment.
		expect(deprecated.sort()).toEqual([
			'AppointmentType.billable_item_id',
			'AppointmentType.product_id',
			'Product.product_supplier_name',
			'ProductUpdate.product_supplier_name',
			'StockAdjustment.comment',
		]);
		const offered = Object.entries(specBodies).flatMap(([name, fields]) => fields.map((f) => `${name}.${f.key}`));
		expect(offered.filter((key) => deprecated.includes(key))).toEqual([]);
		// Still offered: the current fields that replace them.
		expect(offered).toEqual(expect.arrayContaining(['StockAdjustment.notes', 'Product.product_supplier_id', 'ProductUpdate.product_supplier_id']));
	});

	it('labels with the node\'s own words: every body field and filter name gets the same label from both', () => {
		const names = new Set<string>();
		for (const fields of Object.values(specBodies)) for (const f of fields) names.add(f.key);
		for (const o of specOperations) for (const [f] of o.filters ?? []) names.add(f);
		expect(names.size).toBeGreaterThan(100);
		for (const name of names) expect(`${name} → ${generatorLabelOf(name)}`).toBe(`${name} → ${labelOf(name)}`);
		// The one source: the generator holds no word list of its own.
		expect(fs.readFileSync(require.resolve('../../../scripts/generate-cliniko.js'), 'utf8')).not.toMatch(/ACRONYMS\s*=/);
	});
});
