import { REDACTED, credentialSecrets, redactDeep, redactText, secretForms } from '../../../nodes/shared/redact';

// Issue 12 point 2: a server that echoes the request puts the credential into what the node shows.
describe('redaction of the credential in use', () => {
	const key = 'k3y+with/odd=chars ok';
	const forms = secretForms([key], 'someone@example.com');

	it('finds the secret plain, URL-encoded, base64 and inside HTTP Basic', () => {
		const b64 = (t: string) => Buffer.from(t).toString('base64');
		for (const text of [
			key,
			encodeURIComponent(key),
			encodeURIComponent(key).replace(/%20/g, '+'),
			b64(key),
			b64(key).replace(/=+$/, ''),
			Buffer.from(key).toString('base64url'),
			`Basic ${b64(`${key}:`)}`,
			`Basic ${b64(`someone@example.com:${key}`)}`,
		]) {
			const out = redactText(`before ${text} after`, forms);
			expect(out).toContain(REDACTED);
			expect(out).not.toContain(text.replace(/^Basic /, ''));
			expect(out.startsWith('before ')).toBe(true);
		}
	});

	it('finds every form exactly at its own length, in keys and values, deep in a list', () => {
		// Texts shorter than the shortest form are passed over unread: each form alone must still be found.
		const shortest = forms[forms.length - 1];
		expect(redactText(shortest, forms)).toBe(REDACTED);
		expect(redactText(shortest.slice(1), forms)).toBe(shortest.slice(1));
		const records = forms.map((form) => ({ id: 1, [form]: form, list: [form, 'x'] }));
		const clean = redactDeep({ records }, forms);
		expect(JSON.stringify(clean)).not.toMatch(new RegExp(forms.map((f) => f.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')));
		expect(clean.records[0]).toEqual({ id: 1, [REDACTED]: REDACTED, list: [REDACTED, 'x'] });
	});

	it('copies only what changed, and leaves bytes alone', () => {
		const untouched = { a: [{ b: 'plain' }], n: 1 };
		expect(redactDeep(untouched, forms)).toBe(untouched);
		const echoed = { a: [{ b: `Bearer ${key}` }], [key]: 'x', bytes: Buffer.from(key) };
		const clean = redactDeep(echoed, forms);
		expect(JSON.stringify({ ...clean, bytes: undefined })).not.toContain(key);
		expect(clean.bytes).toBe(echoed.bytes);
		expect(echoed.a[0].b).toBe(`Bearer ${key}`);
	});

	it('takes secret fields of a credential by name, and skips values too short to redact safely', () => {
		expect(credentialSecrets({ apiKey: ' abcd1234 ', baseUrl: 'https://x', username: 'u', password: 'pw', apiToken: 't0k3n' })).toEqual([
			' abcd1234 ',
			'abcd1234',
			'pw',
			't0k3n',
		]);
		expect(secretForms(['pw'])).toEqual([]);
	});
});
