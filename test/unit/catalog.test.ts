import * as fs from 'fs';
import * as path from 'path';

import { catalog as xavier } from '../../nodes/Xavier/catalog';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { normalise, markdown, readmeWithTable } = require('../../scripts/catalog.js');

const root = path.join(__dirname, '..', '..');
const catalogs = [xavier];

describe('catalogue', () => {
	it('lists every operation with its method and a documented path', () => {
		const [x] = normalise(catalogs);
		expect(x.nodes[0].operations).toEqual([
			{ resource: 'client', operation: 'getAll', name: 'Get Many', method: 'GET', path: '/clients' },
			{ resource: 'client', operation: 'get', name: 'Get', method: 'GET', path: '/clients/{clientId}' },
			{ resource: 'client', operation: 'getActivityStats', name: 'Get Activity Stats', method: 'GET', path: '/clients/{clientId}/activity-stats' },
		]);
		expect(x.nodes[1].events.map((e: { event: string }) => e.event)).toEqual(['newClient', 'healthScoreDropped', 'alertLevelChanged']);
	});

	it('matches the operations table in the README (run `npm run catalog -- --update-readme`)', () => {
		const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
		expect(readmeWithTable(readme, markdown(normalise(catalogs)))).toBe(readme);
	});

	it('registers every node and credential of the catalogue in package.json', () => {
		const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
		for (const provider of normalise(catalogs)) {
			for (const node of provider.nodes) {
				const file = node.node.charAt(0).toUpperCase() + node.node.slice(1);
				expect(pkg.n8n.nodes.some((p: string) => p.endsWith(`/${file}.node.js`))).toBe(true);
			}
		}
		expect(pkg.dependencies ?? {}).toEqual({});
		expect(Object.keys(pkg.peerDependencies)).toEqual(['n8n-workflow']);
	});
});
