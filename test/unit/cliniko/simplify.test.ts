import { addLinkedIds, idFromLink } from '../../../nodes/Cliniko/resources/simplify';

describe('Simplify', () => {
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
