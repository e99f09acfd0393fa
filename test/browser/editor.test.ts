// NOT REGISTERED in jest.config.js: adding a node from the nodes panel (action click / Enter) does not
// open the panel yet in n8n 1.x (see the helper report). Screenshots of the failures: test-artifacts/screenshots/.
/**
 * Tier 4, the editor: Debian's chromium driven by playwright-core against the real n8n editor
 * (1.x and 2.x) with the package loaded from its `npm pack` tarball. The owner is set up through
 * n8n's own REST calls (the harness); the browser gets the owner's `n8n-auth` cookie.
 *
 * For every node of the pack: found by typing its name in the nodes panel (with its icon), added to
 * the canvas, its panel open and screenshotted into test-artifacts/screenshots/<flavour>/<node>.png.
 * For Xavier and XtraKit: the resource and operation dropdowns list what the catalogue lists.
 * Xavier "Get many clients" executes one step and shows the simulator's clients as output items.
 *
 * CHROMIUM_PATH overrides /usr/bin/chromium; the tier is skipped by `SKIP_BROWSER=1 npm test`.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { chromium, type BrowserContext, type Page } from 'playwright-core';

import { startXavierSimulator, type XavierSimulator } from '../simulators/xavier';
import { startXtraKitSimulator, type XtraKitSimulator } from '../simulators/xtrakit';
import {
	FLAVOURS,
	REPO_ROOT,
	createN8nEnv,
	importCredentials,
	importWorkflow,
	startN8nServer,
	stopAllN8n,
	type N8nEnv,
	type N8nServer,
} from '../harness/n8n';

jest.setTimeout(180_000);

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = path.join(REPO_ROOT, 'test-artifacts', 'screenshots');
const LAUNCH_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

interface CatalogNode {
	node: string;
	displayName: string;
	operations?: Array<{ resource: string; operation: string; name: string }>;
	events?: unknown[];
}

function catalogNodes(): CatalogNode[] {
	const out = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'catalog.js')], { encoding: 'utf8' });
	const providers = JSON.parse(out.stdout) as Array<{ nodes: CatalogNode[] }>;
	return providers.flatMap((p) => p.nodes);
}
const NODES = catalogNodes();

const BASE_WORKFLOW = {
	id: 'browserBase00001',
	name: 'Browser tier: start',
	nodes: [{ id: 'bb-start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} }],
	connections: {},
	active: false,
	settings: { executionOrder: 'v1' },
};

let xavier: XavierSimulator;
let xtrakit: XtraKitSimulator;

beforeAll(async () => {
	[xavier, xtrakit] = await Promise.all([startXavierSimulator({ rateLimit: null }), startXtraKitSimulator()]);
});
afterAll(async () => {
	await stopAllN8n();
	await Promise.all([xavier, xtrakit].map((s) => s?.close()));
});

/** Visible texts of the open select's options (element-plus in 1.x, same class names in 2.x). */
async function openOptions(page: Page, parameter: string): Promise<string[]> {
	await page.locator(`[data-test-id="parameter-input-${parameter}"]`).first().click();
	const options = page.locator('.el-select-dropdown__item:visible, [role="option"]:visible');
	await options.first().waitFor({ timeout: 15_000 });
	const texts = (await options.allInnerTexts()).map((t) => t.split('\n')[0].trim()).filter(Boolean);
	await page.keyboard.press('Escape');
	return texts;
}

// n8n 2.x is not verified in this tier yet (selectors explored, not run to green): BROWSER_FLAVOURS=n8n1,n8n2 to try it.
const BROWSER_FLAVOURS = (process.env.BROWSER_FLAVOURS ?? 'n8n1').split(',').filter((f) => (FLAVOURS as string[]).includes(f)) as typeof FLAVOURS;

describe.each(BROWSER_FLAVOURS)('the n8n editor in chromium (%s, package from the tarball)', (flavour) => {
	let env: N8nEnv;
	let server: N8nServer;
	let context: BrowserContext;
	let userDataDir: string;
	let descriptions: Array<{ name: string; properties?: Array<Record<string, unknown>> }> = [];
	const shots = path.join(SCREENSHOTS, flavour);

	beforeAll(async () => {
		const started = Date.now();
		xavier.reset();
		xtrakit.reset();
		env = await createN8nEnv(flavour, { packageMode: 'tarball' });
		await importCredentials(env, [
			{ id: 'xavier-simulator', name: 'Xavier Analytics (simulator)', type: 'xavierApi', data: { apiToken: xavier.token, baseUrl: xavier.url } },
			{ id: 'xtrakit-simulator', name: 'XtraKit (simulator)', type: 'xtraKitApi', data: xtrakit.credentials },
		]);
		await importWorkflow(env, [BASE_WORKFLOW]);
		server = await startN8nServer(env);
		descriptions = (await server.nodeTypes()) as typeof descriptions;
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

	/** A fresh tab on a workflow; action nodes go after the Start trigger, triggers on an empty canvas. */
	async function addNode(node: CatalogNode, actionIndex = 0): Promise<Page> {
		const page = await context.newPage();
		page.setDefaultTimeout(30_000);
		const trigger = node.events !== undefined;
		await page.goto(`${server.url}/workflow/${trigger ? 'new' : BASE_WORKFLOW.id}`);
		const plus = trigger ? 'canvas-plus-button' : 'node-creator-plus-button';
		await page.locator(`[data-test-id="${plus}"]`).click();
		const search = node.displayName.replace(/ Trigger$/, '');
		await page.locator('[data-test-id="node-creator-search-bar"]').fill(search);
		const item = page.locator('[data-test-id="item-iterator-item"]').filter({ hasText: search }).first();
		await item.waitFor();
		// The node's icon, loaded (our SVGs are served by n8n from the package).
		const icon = item.locator('img').first();
		await icon.waitFor();
		await expect(icon.evaluate((img) => { const i = img as unknown as { complete: boolean; naturalWidth: number }; return i.complete && i.naturalWidth > 0; })).resolves.toBe(true);
		await page.keyboard.press('Enter'); // the first (active) item: our node's actions or events
		const actions = page.locator('[data-test-id="node-creator-action-item"]');
		await actions.first().waitFor();
		await page.waitForTimeout(300);
		await actions.nth(actionIndex).click();
		await page.locator('[data-test-id="ndv"]').waitFor();
		await page.locator('[data-test-id="node-parameters"]').waitFor();
		return page;
	}

	test.each(NODES.map((n) => [n.node, n] as [string, CatalogNode]))('%s: found by name with its icon, added, panel open', async (name, node) => {
		const page = await addNode(node).catch(async (error: Error) => {
			for (const p of context.pages()) await p.screenshot({ path: path.join(shots, `${name}-FAILED.png`) }).catch(() => undefined);
			throw error;
		});
		try {
			await page.waitForTimeout(500); // options and credentials settle
			await page.screenshot({ path: path.join(shots, `${name}.png`) });
			// On the canvas: the node (with an icon) next to Start, or alone for a trigger.
			const canvasNodes = page.locator('[data-test-id="canvas-node"]');
			expect(await canvasNodes.count()).toBe(node.events ? 1 : 2);
		} finally {
			await page.close();
		}
	});

	test.each(['xavier', 'xtraKit'])('%s: resource and operation dropdowns list what the catalogue lists', async (name) => {
		const node = NODES.find((n) => n.node === name) as CatalogNode;
		const description = descriptions.find((d) => d.name.endsWith(`.${name}`));
		const resourceProp = description?.properties?.find((p) => p.name === 'resource') as { options: Array<{ name: string; value: string }> };
		const resourceValues = [...new Set(node.operations?.map((o) => o.resource))];
		const expectedResources = resourceValues.map((v) => resourceProp.options.find((o) => o.value === v)?.name);
		const page = await addNode(node);
		try {
			const resources = await openOptions(page, 'resource');
			expect([...resources].sort()).toEqual([...expectedResources].sort());
			const current = await page.locator('[data-test-id="parameter-input-resource"] input').first().inputValue();
			const resource = resourceProp.options.find((o) => o.name === current)?.value;
			expect(resource).toBeDefined();
			const operations = await openOptions(page, 'operation');
			const expected = (node.operations ?? []).filter((o) => o.resource === resource).map((o) => o.name);
			expect([...operations].sort()).toEqual([...expected].sort());
		} finally {
			await page.close();
		}
	});

	test('xavier: Get many clients executes one step and shows the clients as output items', async () => {
		const node = NODES.find((n) => n.node === 'xavier') as CatalogNode;
		const page = await addNode(node, 2); // Get a client, Get activity stats of a client, Get many clients
		try {
			await page.locator('[data-test-id="node-execute-button"]').first().click();
			const output = page.locator('[data-test-id="output-panel"]');
			const first = xavier.state.listItems()[0];
			await expect(output.getByText(String(first.name)).first().waitFor({ timeout: 30_000 })).resolves.toBeUndefined();
			await page.screenshot({ path: path.join(shots, 'xavier-executed.png') });
			expect(await output.innerText()).toMatch(/\d+ items?/);
		} finally {
			await page.close();
		}
	});
});
