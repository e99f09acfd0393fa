import { XavierTrigger } from '../../../nodes/Xavier/XavierTrigger.node';
import { catalog } from '../../../nodes/Xavier/catalog';
import { catalogEvents, detectEvents, sampleEvent, snapshotOf, uniqueClients } from '../../../nodes/Xavier/trigger/events';
import { unwrapClient } from '../../../nodes/Xavier/resources/client';

const c = (id: string, healthScore: number | null, alertLevel: string | null = 'success') => ({ id, name: `Client ${id}`, healthScore, alertLevel });

describe('Xavier trigger events', () => {
	const known = snapshotOf([c('a', 80), c('b', 65, 'warning'), c('c', 40, 'warning')]);
	const opts = { threshold: 60, toLevels: [] as string[] };

	it('new client: only IDs never seen, once each even if the API repeats them', () => {
		const events = detectEvents('newClient', [c('a', 80), c('d', 90), c('d', 90)], known, opts);
		expect(events.map((e) => e.id)).toEqual(['d']);
		expect(events[0].event).toBe('newClient');
	});

	it('health score dropped: fires on crossing the threshold, not while staying low', () => {
		const events = detectEvents('healthScoreDropped', [c('a', 59), c('b', 61), c('c', 10)], known, opts);
		expect(events).toEqual([{ event: 'healthScoreDropped', ...c('a', 59), previousHealthScore: 80, threshold: 60 }]);
		expect(detectEvents('healthScoreDropped', [c('a', 60)], known, opts)).toEqual([]);
		expect(detectEvents('healthScoreDropped', [c('a', null)], known, opts)).toEqual([]);
	});

	it('alert level changed: any change, or only to chosen levels', () => {
		const now = [c('a', 80, 'warning'), c('b', 65, 'danger'), c('c', 40, 'warning')];
		expect(detectEvents('alertLevelChanged', now, known, opts).map((e) => [e.id, e.previousAlertLevel])).toEqual([
			['a', 'success'],
			['b', 'warning'],
		]);
		expect(detectEvents('alertLevelChanged', now, known, { ...opts, toLevels: ['Danger'] }).map((e) => e.id)).toEqual(['b']);
	});

	it('remembers clients that vanish so their return is not a new client', () => {
		const next = snapshotOf([c('a', 80)], known);
		expect(Object.keys(next).sort()).toEqual(['a', 'b', 'c']);
		expect(detectEvents('newClient', [c('b', 65)], next, opts)).toEqual([]);
	});

	it('drops entries without an ID and builds samples for every event', () => {
		expect(uniqueClients([{ name: 'no id' }, c('x', 1)]).map((x) => x.id)).toEqual(['x']);
		expect(sampleEvent('healthScoreDropped', c('a', 50), opts)).toMatchObject({ event: 'healthScoreDropped', previousHealthScore: 60 });
		expect(sampleEvent('alertLevelChanged', c('a', 50, 'success'), opts)).toMatchObject({ previousAlertLevel: 'warning' });
		expect(sampleEvent('newClient', c('a', 50), opts)).toEqual({ event: 'newClient', ...c('a', 50) });
	});
});

describe('Xavier client unwrap', () => {
	it('accepts an object or a one-element array, refuses anything else', () => {
		expect(unwrapClient({ id: 'a' })).toEqual({ id: 'a' });
		expect(unwrapClient([{ id: 'a' }])).toEqual({ id: 'a' });
		expect(() => unwrapClient([])).toThrow('got a list of 0');
		expect(() => unwrapClient([{ id: 'a' }, { id: 'b' }])).toThrow('got a list of 2');
		expect(() => unwrapClient('x')).toThrow('expected a client object');
	});

	it('are the same in the Event dropdown and the catalogue', () => {
		const dropdown = new XavierTrigger().description.properties.find((p) => p.name === 'event')!.options as Array<{ value: string; name: string }>;
		const listed = catalog.nodes.find((n) => n.node === 'xavierTrigger')!.events!;
		expect(listed).toBe(catalogEvents);
		const byValue = (a: { value: string }, b: { value: string }) => a.value.localeCompare(b.value);
		expect(listed.map((e) => ({ value: e.event, name: e.name })).sort(byValue)).toEqual(dropdown.map(({ value, name }) => ({ value, name })).sort(byValue));
	});
});
