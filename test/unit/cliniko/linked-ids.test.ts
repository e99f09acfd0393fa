import type { INodeProperties } from 'n8n-workflow';

import { Cliniko } from '../../../nodes/Cliniko/Cliniko.node';
import { addLinkedIds, idFromLink } from '../../../nodes/Cliniko/resources/linkedIds';
import { reachableUi } from '../../helpers/reachableUi';

describe('Add Linked IDs', () => {
	it('adds <name>_id next to record links, as strings, keeping everything else', () => {
		const record = {
			id: '1000000000000000123',
			patient: { links: { self: 'https://api.au1.cliniko.com/v1/patients/9007199254740993' } },
			practitioner: { links: { self: 'https://api.au1.cliniko.com/v1/practitioners/12' } },
			attendees: { links: { self: 'https://api.au1.cliniko.com/v1/individual_appointments/1/attendees' } },
			conflicts: { links: { self: 'https://api.au1.cliniko.com/v1/individual_appointments/1/conflicts' } },
			repeats: { links: { self: 'https://api.au1.cliniko.com/v1/individual_appointments?q[]=repeated_from_id:=1' } },
			business_id: 'already-there',
			business: { links: { self: 'https://api.au1.cliniko.com/v1/businesses/5' } },
			links: { self: 'https://api.au1.cliniko.com/v1/individual_appointments/1' },
			notes: null,
		};
		const out = addLinkedIds(record);
		// 2^53 + 1: a JS number would round it.
		expect(out.patient_id).toBe('9007199254740993');
		expect(out.practitioner_id).toBe('12');
		expect(out.business_id).toBe('already-there');
		expect(out).not.toHaveProperty('attendees_id');
		expect(out).not.toHaveProperty('conflicts_id');
		expect(out).not.toHaveProperty('repeats_id');
		expect(out).not.toHaveProperty('links_id');
		expect(out.patient).toEqual(record.patient);
		expect(Object.keys(out)).toEqual(expect.arrayContaining(Object.keys(record)));
		expect(record).not.toHaveProperty('patient_id');
	});

	it('reads IDs from record URLs only', () => {
		expect(idFromLink('https://x/v1/patient_forms/1/signatures/22')).toBe('22');
		expect(idFromLink('https://x/v1/patients/7/')).toBe('7');
		expect(idFromLink('https://x/v1/patients')).toBeUndefined();
		expect(idFromLink(42)).toBeUndefined();
	});
});

describe('the option that adds linked IDs (issue 16 item 6)', () => {
	// n8n's "Simplify" trims a record to fewer fields; this option adds fields, so it is named for what it does.
	it('is "Add Linked IDs" (addLinkedIds) on every operation that has it, and no option is called Simplify', async () => {
		const node = new Cliniko();
		const options = node.description.properties.filter((p) => p.name === 'options').flatMap((p) => (p.options ?? []) as INodeProperties[]);
		expect(options.filter((o) => o.name === 'simplify' || o.displayName === 'Simplify')).toEqual([]);
		const added = options.filter((o) => o.name === 'addLinkedIds');
		expect(added.length).toBeGreaterThan(0);
		for (const o of added) expect(o).toMatchObject({ displayName: 'Add Linked IDs', type: 'boolean', default: false });
		// The forms (resource × operation) that show it: the descriptions share one Options field among
		// operations, so count forms, not copies.
		const forms = Object.values(await reachableUi(node)).filter((params) => JSON.stringify(params).includes('"addLinkedIds"'));
		expect(forms.length).toBeGreaterThan(50);
	});
});
