import { byDisplayName, byName, compareText } from '../../../nodes/shared/alphabetical';

const sign = (n: number) => Math.sign(n);

// A small deterministic generator, so a failure names a pair that can be replayed.
function* texts(seed: number, count: number, alphabet: string) {
	let state = seed;
	const next = () => (state = (state * 1103515245 + 12345) % 2147483648);
	for (let i = 0; i < count; i++) {
		let text = '';
		const length = next() % 7;
		for (let j = 0; j < length; j++) text += alphabet[next() % alphabet.length];
		yield text;
	}
}

describe('compareText: localeCompare order without starting the collator (issue 17: cold load)', () => {
	it('agrees with localeCompare on ASCII letters, digits and spaces, including case-only and prefix differences', () => {
		const all = [...texts(7, 600, 'aAbBzZ09 '), 'a', 'A', 'ab', 'Ab', 'aB', 'a b', 'a  b', 'a1', 'a 1', 'ID', 'Id', 'id', 'IDs', 'Get Many', 'Get many', 'get Many', ''];
		const wrong: string[] = [];
		for (const a of all) for (const b of all) if (sign(compareText(a, b)) !== sign(a.localeCompare(b))) wrong.push(`${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
		expect(wrong.slice(0, 10)).toEqual([]);
	});

	it('leaves any other text to localeCompare (accents, punctuation)', () => {
		for (const [a, b] of [['École', 'Ecole'], ['a-b', 'a b'], ['(Deprecated) x', 'Deprecated'], ['a_b', 'a.b'], ['Zoë', 'Zoe']]) {
			expect(sign(compareText(a, b))).toBe(sign(a.localeCompare(b)));
			expect(sign(compareText(b, a))).toBe(sign(b.localeCompare(a)));
		}
	});

	it('sorts option lists and parameters as n8n’s lint expects', () => {
		const names = ['Patient Archived', 'appointment Cancelled', 'Appointment Cancelled', 'Any Endpoint', 'Legacy (Deprecated)', 'Item Category', 'Inventory Item'];
		expect(names.map((name) => ({ name })).sort(byName).map((o) => o.name)).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		expect(names.map((displayName) => ({ displayName })).sort(byDisplayName).map((o) => o.displayName)).toEqual([...names].sort((a, b) => a.localeCompare(b)));
	});
});
