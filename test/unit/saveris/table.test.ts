import { catalog } from '../../../nodes/Saveris/catalog';
import { Saveris } from '../../../nodes/Saveris/Saveris.node';
import { SaverisTrigger } from '../../../nodes/Saveris/SaverisTrigger.node';
import { EXPORT_RESOURCES } from '../../../nodes/Saveris/resources/definitions';
import { saverisOperations } from '../../../nodes/Saveris/resources';

describe('Saveris operations table', () => {
	it('runs every export operation from its own row, and the legacy reads as plain requests', () => {
		const exports = saverisOperations.filter((row) => row.resource !== 'legacy');
		expect(exports).toHaveLength(EXPORT_RESOURCES.length * 4);
		for (const row of exports) expect({ row: `${row.resource}.${row.operation}`, run: typeof row.run }).toEqual({ row: `${row.resource}.${row.operation}`, run: 'function' });
		for (const row of saverisOperations.filter((r) => r.resource === 'legacy')) expect(row.run).toBeUndefined();
	});

	it('offers in the editor every resource/operation the table has, and nothing else', () => {
		const { properties } = new Saveris().description;
		const resources = properties.find((p) => p.name === 'resource')!.options!.map((o) => (o as { value: string }).value);
		const offered = properties
			.filter((p) => p.name === 'operation')
			.flatMap((p) => p.options!.map((o) => `${p.displayOptions!.show!.resource![0]}.${(o as { value: string }).value}`));
		expect(offered.sort()).toEqual(saverisOperations.map((row) => `${row.resource}.${row.operation}`).sort());
		expect(resources.sort()).toEqual([...new Set(saverisOperations.map((row) => row.resource))].sort());
	});

	it('lists the same trigger events in the editor as in the catalogue', () => {
		const mode = new SaverisTrigger().description.properties.find((p) => p.name === 'mode')!;
		const inEditor = mode.options!.map((o) => (o as { value: string }).value);
		const inCatalogue = catalog.nodes.find((n) => n.node === 'saverisTrigger')!.events!.map((e) => e.event);
		expect(inEditor.sort()).toEqual(inCatalogue.sort());
	});
});
