// The trigger's watched lists against the spec (issue 14, point 16): a poll asks for the records its
// list hides by default — archived, cancelled and (soft-)deleted ones — wherever the list's q[] table
// takes the field, so a record changed that way between two polls is still seen.
import { specOperations } from '../../../nodes/Cliniko/generated/spec';
import { pollFilters, watchedResources } from '../../../nodes/Cliniko/trigger/events';

const filtersOf = (path: string) => (specOperations.find((o) => o.method === 'GET' && o.path === path)?.filters ?? []).map(([f]) => f);

describe('Cliniko trigger: watched lists', () => {
	it('include deleted records on exactly the 12 lists that filter on deleted_at', () => {
		const deletable = watchedResources.filter((w) => filtersOf(w.path).includes('deleted_at')).map((w) => w.value);
		expect(deletable).toEqual([
			'attendee',
			'booking',
			'business',
			'contact',
			'groupAppointment',
			'individualAppointment',
			'invoice',
			'invoiceItem',
			'medicalAlert',
			'treatmentNote',
			'treatmentNoteTemplate',
			'unavailableBlock',
		]);
		for (const w of watchedResources) {
			const filters = filtersOf(w.path);
			const asked = pollFilters(w, 'updated_at', '2026-01-01T00:00:00Z');
			expect(asked[0]).toBe('updated_at:>=2026-01-01T00:00:00Z');
			// Every field asked for is one the list documents, and every hiding field it documents is asked for.
			for (const hidden of ['archived_at', 'cancelled_at', 'deleted_at']) {
				expect([w.value, hidden, asked.includes(`${hidden}:*`)]).toEqual([w.value, hidden, filters.includes(hidden)]);
			}
		}
	});
});
