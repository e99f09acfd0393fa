// The Saveris credential offers only the region/environment pairs a source lists as valid.
// Source: the byuTesto audit note (GitHub byuTesto/testo-saveris-data-api-test, skills/audit/references/data-api.md)
// lists the Data API hosts data-api.{eu.i, eu.p, am.p, ap.p}.savr.saveris.net and no others; testo's OpenAPI
// ("Data REST API" v1.0) names eu.p / eu.i in its server entries. There is no integration system outside Europe.
import { SaverisApi } from '../../../credentials/SaverisApi.credentials';
import { saverisBaseUrl } from '../../../nodes/Saveris/provider';

describe('Saveris credential', () => {
	const credential = new SaverisApi();
	const field = (name: string) => credential.properties.find((p) => p.name === name);
	const hostOf = (region: string, environment: string) => new URL(saverisBaseUrl({ region, environment })).host;

	it('offers the four documented hosts and no other pair', () => {
		const regions = (field('region')?.options ?? []) as Array<{ name: string; value: string }>;
		expect(regions.map((o) => o.value).sort()).toEqual(['am', 'ap', 'eu']);
		// Plain names (no "(Am)" codes), as n8n's own option lists read.
		expect(regions.map((o) => o.name).sort()).toEqual(['America', 'Asia-Pacific', 'Europe']);
		// The Integration (testing) system exists only in Europe: the field shows only there.
		expect(field('environment')?.displayOptions).toEqual({ show: { region: ['eu'] } });
		const hosts = ['am', 'ap', 'eu'].flatMap((r) => ['p', 'i'].map((e) => hostOf(r, e)));
		expect(new Set(hosts)).toEqual(
			new Set(['data-api.eu.p.savr.saveris.net', 'data-api.eu.i.savr.saveris.net', 'data-api.am.p.savr.saveris.net', 'data-api.ap.p.savr.saveris.net']),
		);
	});

	it('the credential test logs in at the same host the nodes use', () => {
		const baseURL = String(credential.test.request.baseURL);
		expect(baseURL).toContain('"eu"');
		expect(baseURL).toContain('.savr.saveris.net');
	});
});
