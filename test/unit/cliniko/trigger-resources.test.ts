// The trigger's watched lists against the spec (issue 14, point 16): a poll asks for the records its
// list hides by default — archived, cancelled and (soft-)deleted ones — wherever the list's q[] table
// takes the field, so a record changed that way between two polls is still seen.
import { specOperations } from '../../../nodes/Cliniko/generated/spec';
import { ClinikoTrigger } from '../../../nodes/Cliniko/ClinikoTrigger.node';
import { catalog } from '../../../nodes/Cliniko/catalog';
import { catalogEvents, perResourceEvents, pollFilters, watchFor, watchedResources } from '../../../nodes/Cliniko/trigger/events';
import type { ClinikoEvent } from '../../../nodes/Cliniko/trigger/events';

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

	it('offer in the Event dropdown exactly the events the catalogue lists, and watch what it says', () => {
		const properties = new ClinikoTrigger().description.properties;
		const events = (properties.find((p) => p.name === 'event')!.options as Array<{ value: string }>).map((o) => o.value);
		expect(properties.find((p) => p.name === 'resource')!.displayOptions).toEqual({ show: { event: perResourceEvents } });
		const listed = catalog.nodes.find((n) => n.node === 'clinikoTrigger')!.events!;
		expect(listed).toBe(catalogEvents);
		expect([...new Set(listed.map((e) => e.event.split(':')[0]))].sort()).toEqual([...events].sort());
		for (const e of listed) {
			const [event, resource = ''] = e.event.split(':') as [ClinikoEvent, string?];
			expect([e.event, watchFor(event, resource)?.list.path]).toEqual([e.event, e.path]);
		}
		expect(listed).toHaveLength(watchedResources.length * 2 + 2);
	});
});
