/**
 * The six packages `npm run pack` writes to release/ (scripts/pack.js), for the packages tier and the
 * real-n8n test of the provider packages: what each should hold, and its tarball unpacked.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const ROOT = path.join(__dirname, '..', '..');
export const RELEASE = path.join(ROOT, 'release');
export const COMBINED = 'n8n-nodes-saas-connectors';

export interface PackageJson {
	name: string;
	version: string;
	private?: boolean;
	description?: string;
	keywords?: string[];
	license?: string;
	homepage?: string;
	repository?: { type: string; url: string; directory?: string };
	author?: { name: string; email: string };
	main?: string;
	files?: string[];
	scripts?: Record<string, string>;
	dependencies?: Record<string, string>;
	devDependencies?: Record<string, string>;
	peerDependencies?: Record<string, string>;
	peerDependenciesMeta?: Record<string, { optional?: boolean }>;
	n8n: { n8nNodesApiVersion: number; strict?: boolean; nodes: string[]; credentials: string[] };
}

/** The provider packages the issue names, with the folder under nodes/ and the credential each holds. */
export const PROVIDERS = [
	{ name: 'n8n-nodes-cliniko', folder: 'Cliniko', credential: 'ClinikoApi', nodes: ['cliniko', 'clinikoTrigger'], credentialType: 'clinikoApi' },
	{ name: 'n8n-nodes-testo-saveris', folder: 'Saveris', credential: 'SaverisApi', nodes: ['saveris', 'saverisTrigger'], credentialType: 'saverisApi' },
	{ name: 'n8n-nodes-clientxcms', folder: 'ClientXcms', credential: 'ClientXcmsApi', nodes: ['clientXcms'], credentialType: 'clientXcmsApi' },
	{ name: 'n8n-nodes-dext-precision', folder: 'Xavier', credential: 'XavierApi', nodes: ['xavier', 'xavierTrigger'], credentialType: 'xavierApi' },
	{ name: 'n8n-nodes-xtrakit', folder: 'XtraKit', credential: 'XtraKitApi', nodes: ['xtraKit', 'xtraKitTrigger'], credentialType: 'xtraKitApi' },
] as const;
export type Provider = (typeof PROVIDERS)[number];

export const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, 'utf8')) as T;
export const rootPackage = () => readJson<PackageJson>(path.join(ROOT, 'package.json'));
export const sourcePackage = (name: string) => readJson<PackageJson>(path.join(ROOT, 'packages', name, 'package.json'));

/** release/<name>-<version>.tgz; fails with the command that makes it when it is missing. */
export function tarballOf(name: string): string {
	const { version } = rootPackage();
	const file = path.join(RELEASE, `${name}-${version}.tgz`);
	if (!fs.existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: run \`npm run pack\` first`);
	return file;
}

/** The tarball unpacked into a fresh temporary folder (the caller removes it). */
export function unpack(name: string): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), `unpacked-${name}-`));
	execFileSync('tar', ['-xzf', tarballOf(name), '-C', dir, '--strip-components=1']);
	return dir;
}

/** Every file under a folder, relative, sorted. */
export function filesUnder(dir: string): string[] {
	return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();
}
