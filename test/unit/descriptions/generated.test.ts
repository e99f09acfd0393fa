import * as fs from 'fs';
import * as path from 'path';

import { ClientXcms } from '../../../nodes/ClientXcms/ClientXcms.node';
import { clientXcmsProperties } from '../../../nodes/ClientXcms/resources';
import { Cliniko } from '../../../nodes/Cliniko/Cliniko.node';
import { clinikoProperties } from '../../../nodes/Cliniko/resources';
import { Saveris } from '../../../nodes/Saveris/Saveris.node';
import { saverisProperties } from '../../../nodes/Saveris/resources';
import { Xavier } from '../../../nodes/Xavier/Xavier.node';
import { xavierProperties } from '../../../nodes/Xavier/resources';
import { XtraKit } from '../../../nodes/XtraKit/XtraKit.node';
import { xtraKitProperties } from '../../../nodes/XtraKit/resources';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { render, TARGETS } = require('../../../scripts/generate-descriptions.js') as {
	render: (properties: unknown[]) => string;
	TARGETS: Array<{ file: string; build: string }>;
};

const root = path.join(__dirname, '..', '..', '..');
const cases = [
	{ build: 'clinikoProperties', properties: clinikoProperties, node: () => new Cliniko() },
	{ build: 'clientXcmsProperties', properties: clientXcmsProperties, node: () => new ClientXcms() },
	{ build: 'xtraKitProperties', properties: xtraKitProperties, node: () => new XtraKit() },
	{ build: 'saverisProperties', properties: saverisProperties, node: () => new Saveris() },
	{ build: 'xavierProperties', properties: xavierProperties, node: () => new Xavier() },
];

// Issue 17, cold load: these nodes import their parameters, built ahead by scripts/generate-descriptions.js.
describe.each(cases)('$build, built at build time', ({ build, properties, node }) => {
	const target = TARGETS.find((t) => t.build === build) as { file: string };

	it('is what resources/ builds (run `npm run generate:descriptions` after changing a parameter)', () => {
		expect(fs.readFileSync(path.join(root, target.file), 'utf8')).toBe(render(properties()));
	});

	it('is the description the node hands n8n', () => {
		expect(JSON.stringify(node().description.properties)).toBe(JSON.stringify(properties()));
	});

	it('loses nothing in JSON (no function or RegExp in a parameter; an undefined key means what a missing one does)', () => {
		expect(JSON.parse(JSON.stringify(properties()))).toEqual(properties());
	});
});
