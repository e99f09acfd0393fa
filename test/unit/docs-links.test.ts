// Issue 16, point 4: the documentation fits npm (which cuts a README at 65,536 characters) and its
// links lead somewhere. Every relative link in README.md and docs/*.md, and every link to this
// repository's own files on GitHub (how the provider pages link, since each is also a provider
// package's README, read away from this folder), names a file that exists and, with a #fragment,
// a heading of that file.
import * as fs from 'fs';
import * as path from 'path';

const root = path.join(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
/** Links to this repository's files on GitHub, e.g. https://github.com/o/r/blob/main/docs/x.md#y. */
const GITHUB_BLOB = `${pkg.homepage}/blob/main/`;

const DOCS = ['README.md', ...fs.readdirSync(path.join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/** Text outside fenced code blocks (a `# comment` in a bash block is no heading). */
function prose(text: string): string {
	return text.replace(/^```[\s\S]*?^```/gm, '');
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchorsOf(file: string): Set<string> {
	const anchors = new Set<string>();
	const seen = new Map<string, number>();
	for (const line of prose(fs.readFileSync(file, 'utf8')).split('\n')) {
		const heading = /^#{1,6} (.+)$/.exec(line);
		if (!heading) continue;
		const base = heading[1]
			.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
			.trim()
			.toLowerCase()
			.replace(/[^\p{L}\p{N}\s_-]/gu, '')
			.replace(/ /g, '-');
		const n = seen.get(base) ?? 0;
		seen.set(base, n + 1);
		anchors.add(n === 0 ? base : `${base}-${n}`);
	}
	return anchors;
}

/** Every link target of the document's prose, as written. */
function linksOf(text: string): string[] {
	return [...prose(text).matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]);
}

/** The local file and fragment a link points to, or undefined for a link elsewhere on the web. */
function resolve(doc: string, target: string): { file: string; fragment?: string } | undefined {
	let local: string;
	if (target.startsWith(GITHUB_BLOB)) local = path.join(root, target.slice(GITHUB_BLOB.length));
	else if (/^[a-z]+:/i.test(target)) return undefined;
	else if (target.startsWith('#')) local = path.join(root, doc) + target;
	else local = path.join(root, path.dirname(doc), target);
	const [file, fragment] = local.split('#');
	return { file, fragment };
}

describe('documentation', () => {
	it('keeps the README under 20,000 bytes and every page under npm’s 65,536-character README cut', () => {
		expect(fs.statSync(path.join(root, 'README.md')).size).toBeLessThanOrEqual(20_000);
		for (const doc of DOCS) {
			const length = fs.readFileSync(path.join(root, doc), 'utf8').length;
			expect({ doc, fits: length < 65_536 }).toEqual({ doc, fits: true });
		}
	});

	it.each(DOCS)('%s: every relative or own-repository link resolves to a file and heading', (doc) => {
		const broken: string[] = [];
		for (const target of linksOf(fs.readFileSync(path.join(root, doc), 'utf8'))) {
			const to = resolve(doc, target);
			if (!to) continue;
			if (!fs.existsSync(to.file)) broken.push(`${target} (no such file)`);
			else if (to.fragment !== undefined && (!to.file.endsWith('.md') || !anchorsOf(to.file).has(to.fragment))) {
				broken.push(`${target} (no such heading)`);
			}
		}
		expect(broken).toEqual([]);
	});

	it('finds a broken link, a missing heading and an anchor with punctuation', () => {
		expect(resolve('docs/x.md', 'https://example.com/a')).toBeUndefined();
		expect(resolve('docs/x.md', `${GITHUB_BLOB}README.md#licence`)).toEqual({ file: path.join(root, 'README.md'), fragment: 'licence' });
		expect(resolve('docs/x.md', '../README.md')).toEqual({ file: path.join(root, 'README.md'), fragment: undefined });
		expect(anchorsOf(path.join(root, 'docs', 'behaviour.md')).has('polling-triggers-what-exactly-once-means')).toBe(true);
		expect(anchorsOf(path.join(root, 'README.md')).has('restart-n8n')).toBe(false);
		expect(linksOf('[a](b.md#c) `x`\n```bash\n[d](e.md)\n```\n')).toEqual(['b.md#c']);
	});
});
