// The Xavier credential points where Dext's current documentation says the API lives.
// Source: Dext help article 272702 "Data Health & Insights API" (help.dext.com/en/articles/272702-data-health-insights-api):
// "The current version of the API lives at https://api.precision.dext.com/" and "API tokens are created and managed
// in Practice settings. Select Data Health in the left navigation, then select API tokens."
// api.xavier-analytics.com is the old host (article 105818, HatchApps/xavier-help api.md).
import { XavierApi } from '../../../credentials/XavierApi.credentials';
import { XAVIER_DEFAULT_BASE_URL, xavier } from '../../../nodes/Xavier/provider';

describe('Xavier credential', () => {
	const credential = new XavierApi();
	const field = (name: string) => credential.properties.find((p) => p.name === name);

	it('defaults to the current host, and the node falls back to the same one', () => {
		expect(field('baseUrl')?.default).toBe('https://api.precision.dext.com');
		expect(XAVIER_DEFAULT_BASE_URL).toBe('https://api.precision.dext.com');
		expect(xavier.baseUrl({ apiToken: 't' })).toBe('https://api.precision.dext.com');
		expect(xavier.baseUrl({ apiToken: 't', baseUrl: 'https://api.xavier-analytics.com/' })).toBe('https://api.xavier-analytics.com');
	});

	it('says where tokens are made today and names the old host for older accounts', () => {
		expect(field('apiToken')?.description).toMatch(/Practice settings › Data Health › API tokens/);
		expect(field('baseUrl')?.description).toContain('api.xavier-analytics.com');
		expect(credential.documentationUrl).toBe('https://help.dext.com/en/articles/272702-data-health-insights-api');
	});
});
