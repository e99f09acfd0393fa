/**
 * Tier 4, the editor: Debian's chromium driven by playwright-core against the real n8n editor
 * (1.x and 2.x) with the package installed from its `npm pack` tarball. The owner is set up through
 * n8n's own REST calls (the harness); the browser gets the owner's `n8n-auth` cookie.
 *
 * For every node of the pack, as a user meets it:
 * - typing its name in the nodes panel finds it, with its icon loaded from the package;
 * - choosing one of its actions (events for a trigger) adds it to the canvas and opens its panel,
 *   screenshotted into test-artifacts/screenshots/<flavour>/<node>.png;
 * - its dropdowns list what the catalogue (scripts/catalog.js) lists: every resource, and the
 *   operations of the chosen resource (a trigger: its events);
 * - an action node's resource locator "From list" search shows the simulator's records, the first
 *   is picked, and "Execute step" shows it as an output item; a trigger's "Fetch Test Event" shows items.
 * And for every credential: saving it with the right secret passes its "Test", and with a wrong one
 * shows the provider's own message.
 *
 * CHROMIUM_PATH overrides /usr/bin/chromium; `SKIP_BROWSER=1 npm test` skips the tier.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

import { startClientXcmsSimulator } from '../simulators/clientxcms';
import { startClinikoSimulator } from '../simulators/cliniko';
import type { Simulator } from '../simulators/core';
import { startSaverisSimulator } from '../simulators/saveris';
import { startXavierSimulator } from '../simulators/xavier';
import { startXtraKitSimulator } from '../simulators/xtrakit';
import { CRED } from '../n8n/fixtures';
import {
	FLAVOURS,
	REPO_ROOT,
	type Flavour,
	createN8nEnv,
	importCredentials,
	importWorkflow,
	startN8nServer,
	stopAllN8n,
	type N8nEnv,
	type N8nServer,
} from '../harness/n8n';

jest.setTimeout(120_000);

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = path.join(REPO_ROOT, 'test-artifacts', 'screenshots');
const LAUNCH_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-dev-shm-usage',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

type Provider = keyof typeof CRED;

interface CatalogNode {
	node: string;
	displayName: string;
	operations?: Array<{ resource: string; operation: string; name: string }>;
	events?: Array<{ name: string }>;
}

function catalogNodes(): CatalogNode[] {
	const out = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'catalog.js')], { encoding: 'utf8' });
	if (out.status !== 0) throw new Error(`scripts/catalog.js failed: ${out.stderr}`);
	const providers = JSON.parse(out.stdout) as Array<{ nodes: CatalogNode[] }>;
	return providers.flatMap((p) => p.nodes);
}

/**
 * What the test does with each node: the action (or event) chosen in the nodes panel, and for action
 * nodes the resource locator whose list search feeds the executed step (Saveris has no locator:
 * its step is an export job, run to the end).
 */
interface NodePlan {
	provider: Provider;
	action: string;
	locator?: { parameter: string; listPath: RegExp };
	/** A trigger's event selector(s), checked against the node's description. */
	selectors?: string[];
}

const PLANS: Record<string, NodePlan> = {
	xavier: { provider: 'xavier', action: 'Get a client', locator: { parameter: 'clientId', listPath: /^\/clients/ } },
	xtraKit: { provider: 'xtrakit', action: 'Get a customer', locator: { parameter: 'customerId', listPath: /\/customers/ } },
	cliniko: { provider: 'cliniko', action: 'Get patient', locator: { parameter: 'patientId', listPath: /\/patients/ } },
	clientXcms: { provider: 'clientxcms', action: 'Get a customer', locator: { parameter: 'customerId', listPath: /\/customers/ } },
	saveris: { provider: 'saveris', action: 'Export locations and wait for the rows' },
	xavierTrigger: { provider: 'xavier', action: 'On new client', selectors: ['event'] },
	xtraKitTrigger: { provider: 'xtrakit', action: 'On new customer', selectors: ['event'] },
	clinikoTrigger: { provider: 'cliniko', action: 'On new record', selectors: ['event', 'resource'] },
	saverisTrigger: { provider: 'saveris', action: 'On new testo Saveris event', selectors: ['mode'] },
};

/**
 * The credential field a user would get wrong, and the start of the credential's `rules` message for
 * the provider's refusal of it (n8n 2.x shows it in place of its generic "Authorization failed").
 * n8n 1.x never applies a `responseCode` rule: its ExecutionBaseError declares a `cause` class field
 * that erases the request error's cause (n8n-workflow 1.x, errors/abstract/execution-base.error.js),
 * so its CredentialsTester finds no `cause.response` and shows NodeApiError's text for the status
 * (`n8n1`): what a 1.x user sees, pinned so that a change on either side shows up here.
 */
const AUTH_FAILED_1X = /Authorization failed - please check your credentials/;
const SECRETS: Record<Provider, { type: string; field: string; refusal: RegExp; n8n1: RegExp }> = {
	xavier: { type: 'xavierApi', field: 'apiToken', refusal: /Dext Precision \(Xavier\) refused the API Token: it is wrong or was deleted/, n8n1: AUTH_FAILED_1X },
	xtrakit: { type: 'xtraKitApi', field: 'apiKey', refusal: /XtraKit refused the API Key: it is wrong, or was reset or rotated/, n8n1: AUTH_FAILED_1X },
	cliniko: { type: 'clinikoApi', field: 'apiKey', refusal: /Cliniko refused the API Key: it was revoked or regenerated[\s\S]*wrong shard/, n8n1: AUTH_FAILED_1X },
	clientxcms: { type: 'clientXcmsApi', field: 'apiKey', refusal: /CLIENTXCMS refused the API Key \("Unauthenticated"\): it is wrong, was deleted, or has expired/, n8n1: AUTH_FAILED_1X },
	saveris: { type: 'saverisApi', field: 'password', refusal: /testo Saveris refused the login: check Username and Password/, n8n1: /Bad request - please check your parameters/ },
};

const NODES = catalogNodes();

/**
 * A saved workflow holding only a Manual Trigger, one per action node: n8n 2.x saves every change
 * and keeps a workflow locked to the tab that edited it, so no two tests share one.
 */
const startWorkflowId = (node: string) => `browserStart${String(NODES.findIndex((n) => n.node === node)).padStart(4, '0')}`;
const START_WORKFLOWS = NODES.filter((n) => n.operations).map((n) => ({
	id: startWorkflowId(n.node),
	name: `Browser tier: ${n.displayName}`,
	nodes: [{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} }],
	connections: {},
	active: false,
	settings: { executionOrder: 'v1' },
}));

const sims = {} as Record<Provider, Simulator>;

/** Visible option texts of the dropdown a parameter opens (element-plus in 1.x and 2.x). */
async function dropdownOptions(page: Page, parameter: string): Promise<string[]> {
	// The last: a trigger's own `mode` comes after the poll-times `mode` n8n puts first.
	await page.locator(`[data-test-id="parameter-input-${parameter}"]`).last().click();
	const options = page.locator('.el-select-dropdown__item:visible');
	await options.first().waitFor();
	// An option with a description renders its name as the headline above it.
	const texts = await options.evaluateAll((els) =>
		els.map((e) => (e.querySelector('.option-headline, [class*="optionHeadline"]')?.textContent ?? e.textContent ?? '').trim()),
	);
	await page.keyboard.press('Escape');
	await page.locator('.el-select-dropdown__item:visible').first().waitFor({ state: 'hidden' });
	return texts.filter(Boolean);
}

/**
 * n8n appends its own "Custom API Call" (value `__CUSTOM_API_CALL__`, it opens the HTTP Request node
 * with our credential) to the resource and operation options of nodes whose credential that node can
 * use; the editor shows it on action nodes only. It is not ours to catalogue: both sides drop it.
 */
const EDITOR_CUSTOM_API_CALL = '__CUSTOM_API_CALL__';
function withoutEditorCustomApiCall(texts: string[], own: number): string[] {
	const out = [...texts];
	while (out.filter((t) => t === 'Custom API Call').length > own) out.splice(out.lastIndexOf('Custom API Call'), 1);
	return out;
}

const sorted = (xs: Array<string | undefined>) => [...xs].map(String).sort();

async function iconLoaded(img: Locator): Promise<boolean> {
	await img.waitFor();
	return img.evaluate((el) => {
		const i = el as unknown as { complete: boolean; naturalWidth: number };
		return i.complete && i.naturalWidth > 0;
	});
}

/**
 * The editor tests of one n8n version. Each version has its own test file (editor-n8n1.test.ts,
 * editor-n8n2.test.ts) so that the two run side by side; BROWSER_FLAVOURS=n8n1 limits a run to one.
 */
export function describeEditor(flavour: Flavour): void {
		const wanted = (process.env.BROWSER_FLAVOURS ?? FLAVOURS.join(',')).split(',');
		const describeIf = wanted.includes(flavour) ? describe : describe.skip;

	beforeAll(async () => {
		const [xavier, xtrakit, cliniko, clientxcms, saveris] = await Promise.all([
			startXavierSimulator({ rateLimit: null }),
			startXtraKitSimulator(),
			startClinikoSimulator({ rateLimit: null }),
			startClientXcmsSimulator(),
			startSaverisSimulator(),
		]);
		Object.assign(sims, { xavier, xtrakit, cliniko, clientxcms, saveris });
	});
	afterAll(async () => {
		await stopAllN8n();
		await Promise.all(Object.values(sims).map((s) => s.close()));
	});

	describeIf(`the n8n editor in chromium (${flavour}, package from the tarball)`, () => {
		let env: N8nEnv;
		let server: N8nServer;
		let context: BrowserContext;
		let userDataDir: string;
		let descriptions: Array<{ name: string; properties?: Array<{ name: string; options?: Array<{ name: string; value: string }> }> }> = [];
		const shots = path.join(SCREENSHOTS, flavour);

		beforeAll(async () => {
			const started = Date.now();
			for (const sim of Object.values(sims)) sim.reset();
			env = await createN8nEnv(flavour, { packageMode: 'tarball' });
			await importCredentials(
				env,
				(Object.keys(CRED) as Provider[]).map((p) => ({ ...CRED[p], type: SECRETS[p].type, data: sims[p].credentials })),
			);
			await importWorkflow(env, START_WORKFLOWS);
			server = await startN8nServer(env);
			descriptions = (await server.nodeTypes()) as typeof descriptions;
			fs.rmSync(shots, { recursive: true, force: true });
			fs.mkdirSync(shots, { recursive: true });
			userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chromium-profile-'));
			context = await chromium.launchPersistentContext(userDataDir, {
				executablePath: CHROMIUM,
				headless: true,
				args: LAUNCH_ARGS,
				viewport: { width: 1600, height: 1000 },
			});
			const name = server.cookie.slice(0, server.cookie.indexOf('='));
			const value = server.cookie.slice(name.length + 1);
			await context.addCookies([{ name, value, url: server.url }]);
			process.stderr.write(`[browser ${flavour}] env + server + chromium: ${Date.now() - started} ms\n`);
		}, 15 * 60_000);

		afterAll(async () => {
			await context?.close();
			if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
			await server?.stop();
			await env?.dispose();
		}, 60_000);

		const description = (node: string) => {
			const found = descriptions.find((d) => d.name.endsWith(`.${node}`));
			if (!found) throw new Error(`n8n does not serve a description of ${node}`);
			return found;
		};
		const optionsOf = (node: string, parameter: string) =>
			(description(node).properties?.find((p) => p.name === parameter)?.options ?? []).filter((o) => o.value !== EDITOR_CUSTOM_API_CALL);
		/** A dropdown's options as shown, less the editor's own "Custom API Call" (see above). */
		const shownOptions = async (page: Page, node: string, parameter: string) =>
			withoutEditorCustomApiCall(await dropdownOptions(page, parameter), optionsOf(node, parameter).filter((o) => o.name === 'Custom API Call').length);

		/** On failure, a screenshot of every open tab next to the others, then the error. */
		async function withPage(name: string, body: (page: Page) => Promise<void>): Promise<void> {
			const page = await context.newPage();
			page.setDefaultTimeout(30_000);
			try {
				await body(page);
			} catch (error) {
				await page.screenshot({ path: path.join(shots, `${name}-FAILED.png`) }).catch(() => undefined);
				throw error;
			} finally {
				await page.close();
			}
		}

		/**
		 * Adds a node as a user does: action nodes after the Start trigger of a saved workflow (the
		 * canvas "+"), triggers on an empty canvas; type the name, check the icon, choose the node, then
		 * the action. Returns with the node's panel open.
		 */
		async function addNode(page: Page, node: CatalogNode, plan: NodePlan): Promise<void> {
			const trigger = node.events !== undefined;
			await page.goto(`${server.url}/workflow/${trigger ? 'new' : startWorkflowId(node.node)}`);
			await page.locator(`[data-test-id="${trigger ? 'canvas-plus-button' : 'node-creator-plus-button'}"]`).click();
			const search = node.displayName.replace(/ Trigger$/, '');
			await page.locator('[data-test-id="node-creator-search-bar"]').fill(search);
			const items = page.locator('[data-test-id="node-creator"] [data-test-id="item-iterator-item"]');
			const item = items.filter({ hasText: search }).first();
			await item.waitFor();
			expect(await iconLoaded(item.locator('img').first())).toBe(true);
			await item.click();
			// The node's actions (or events): the same list items, now one per action.
			const action = items.filter({ has: page.locator('[data-test-id="node-creator-item-name"]', { hasText: new RegExp(`^${plan.action}$`) }) }).first();
			await action.click();
			await page.locator('[data-test-id="ndv"]').waitFor();
			await page.locator('[data-test-id="node-parameters"]').waitFor();
		}

		/** The output panel after a run, shown as JSON (every value is text there): its text. */
		async function outputText(page: Page, expected?: string): Promise<string> {
			const output = page.locator('[data-test-id="output-panel"]');
			await output.getByText(/\d+ items?/).first().waitFor({ timeout: 60_000 });
			await output.locator('[data-test-id="radio-button-json"]').click();
			if (expected) await output.getByText(expected).first().waitFor();
			return output.innerText();
		}

		test.each(NODES.map((n) => [n.node, n] as [string, CatalogNode]))(
			'%s: found by name with its icon, added from the nodes panel, dropdowns as catalogued, a step runs',
			async (name, node) => {
				const plan = PLANS[name];
				expect(plan).toBeDefined(); // a new node needs its plan here
				await withPage(name, async (page) => {
					await addNode(page, node, plan);
					const canvasNodes = page.locator('[data-test-id="canvas-node"]');
					expect(await canvasNodes.count()).toBe(node.events ? 1 : 2);
					await page.waitForTimeout(500); // credential auto-selection and options settle
					await page.screenshot({ path: path.join(shots, `${name}.png`) });

					if (node.operations) {
						const catalogued = [...new Set(node.operations.map((o) => o.resource))];
						const names = optionsOf(name, 'resource');
						expect(sorted(await shownOptions(page, name, 'resource'))).toEqual(sorted(catalogued.map((v) => names.find((o) => o.value === v)?.name)));
						const shown = await page.locator('[data-test-id="parameter-input-resource"] input').first().inputValue();
						const resource = names.find((o) => o.name === shown)?.value;
						expect(resource).toBeDefined();
						const operations = node.operations.filter((o) => o.resource === resource).map((o) => o.name);
						expect(sorted(await shownOptions(page, name, 'operation'))).toEqual(sorted(operations));
					}
					for (const selector of plan.selectors ?? []) {
						expect(sorted(await shownOptions(page, name, selector))).toEqual(sorted(optionsOf(name, selector).map((o) => o.name)));
					}

					const sim = sims[plan.provider];
					sim.resetLog();
					let picked: string | undefined;
					if (plan.locator) {
						// "From list" is the default mode: the search lists the simulator's records.
						await page.locator(`[data-test-id="resource-locator-${plan.locator.parameter}"] [data-test-id="rlc-input"]`).click();
						const first = page.locator('[data-test-id="rlc-item"]').first();
						await first.waitFor();
						picked = (await first.innerText()).trim();
						expect(picked).not.toBe('');
						expect(sim.log.some((e) => e.method === 'GET' && plan.locator?.listPath.test(e.path))).toBe(true);
						await page.screenshot({ path: path.join(shots, `${name}-list-search.png`) });
						await first.click();
					}
					await page.locator('[data-test-id="node-execute-button"]').first().click();
					// A list entry is a label ("Chiara Ahmed (born 1941-07-11)"); its first word is a field value.
					const text = await outputText(page, picked?.split(/[\s(]/)[0]);
					await page.screenshot({ path: path.join(shots, `${name}-executed.png`) });
					if (picked) expect(text).toContain(picked.split(/[\s(]/)[0]);
					expect(sim.log.length).toBeGreaterThan(0);
				});
			},
		);

		/**
		 * The credential tests share one page: the first credential opens by its URL, the next ones through
		 * the editor's own router (history.pushState + popstate, what a link inside the app does), because
		 * every full load of the editor costs seconds of CPU. A test that fails closes the page, so the next
		 * one starts from a fresh load.
		 */
		let credentialPage: Page | undefined;
		afterAll(async () => {
			await credentialPage?.close();
		});
		async function openCredential(id: string): Promise<Page> {
			const url = `/home/credentials/${id}`;
			const modal = (page: Page) => page.locator('[data-test-id="editCredential-modal"]');
			if (credentialPage) {
				const page = credentialPage;
				await page.keyboard.press('Escape');
				await modal(page).waitFor({ state: 'hidden' });
				await page.evaluate(`history.pushState(null, '', ${JSON.stringify(url)}); dispatchEvent(new PopStateEvent('popstate', { state: null }))`);
				// A version whose router ignores it gets the full load.
				const shown = await modal(page).waitFor({ timeout: 10_000 }).then(() => true, () => false);
				if (!shown) {
					process.stderr.write(`[browser ${flavour}] the editor's router did not open ${url}: loading it\n`);
					await page.goto(`${server.url}${url}`);
				}
				return page;
			}
			credentialPage = await context.newPage();
			credentialPage.setDefaultTimeout(30_000);
			await credentialPage.goto(`${server.url}${url}`);
			return credentialPage;
		}

		test.each(Object.keys(SECRETS) as Provider[])('%s credential: "Test" passes with the right secret and shows the provider\'s refusal with a wrong one', async (provider) => {
			const { field } = SECRETS[provider];
			const refusal = flavour === 'n8n1' ? SECRETS[provider].n8n1 : SECRETS[provider].refusal;
			// One modal, two saves: the wrong secret first, then the right one.
			const page = await openCredential(CRED[provider].id);
			try {
				const modal = page.locator('[data-test-id="editCredential-modal"]');
				await modal.waitFor();
				const saveWith = async (secret: string) => {
					// The modal may still be settling (n8n 2.x re-renders it once the credential has loaded, and
					// on a busy machine that can land after the first keystrokes): type until the field holds it.
					const input = modal.locator(`[data-test-id="parameter-input-${field}"] input`);
					for (let attempt = 0; attempt < 5; attempt++) {
						await input.fill(secret);
						await page.waitForTimeout(300);
						if ((await input.inputValue()) === secret) break;
					}
					expect(await input.inputValue()).toBe(secret);
					await modal.locator('[data-test-id="credential-save-button"]').click();
				};
				await saveWith(`${sims[provider].credentials[field]}-wrong`);
				await modal.getByText(/Couldn.t connect with these settings/).waitFor();
				await modal.getByText('More details').click();
				await expect(modal.innerText()).resolves.toMatch(refusal);
				await page.screenshot({ path: path.join(shots, `credential-${provider}-refused.png`) });
				await saveWith(sims[provider].credentials[field]);
				await modal.getByText(/Connection tested successfully/).waitFor();
				await page.screenshot({ path: path.join(shots, `credential-${provider}-ok.png`) });
			} catch (error) {
				await page.screenshot({ path: path.join(shots, `${provider}-credential-FAILED.png`) }).catch(() => undefined);
				credentialPage = undefined;
				await page.close();
				throw error;
			}
		});
	});
}
