import type { INodePropertyOptions } from 'n8n-workflow';

import { XtraKit } from '../../../nodes/XtraKit/XtraKit.node';

// Issue 16 item 6: n8n puts its own "Custom API Call" (the HTTP Request node with this credential) next
// to every resource list. Ours stays only because it does what that one cannot; the dropdown says what.
describe('XtraKit Any Endpoint beside n8n\'s Custom API Call', () => {
	const resources = new XtraKit().description.properties.find((p) => p.name === 'resource')!.options as INodePropertyOptions[];
	const ours = resources.find((o) => o.value === 'customApiCall');

	it('is not named like n8n\'s entry and says, in the dropdown, how it differs from it', () => {
		expect(ours?.name).toBe('Any Endpoint');
		expect(resources.filter((o) => o.name === 'Custom API Call')).toEqual([]);
		expect(ours?.description).toMatch(/Custom API Call/);
		expect(ours?.description).toMatch(/base URL/);
		expect(ours?.description).toMatch(/HTTP 200/);
	});

	it('is not the resource a new node opens on', () => {
		expect(new XtraKit().description.properties.find((p) => p.name === 'resource')!.default).toBe('sale');
	});
});
