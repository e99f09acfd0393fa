/**
 * The credential "Test" button in the provider's words: for each way a provider refuses the test
 * request, the message says what the refusal means and names the credential field to fix (n8n shows a
 * `rules` message in place of its generic "Authorization failed" / "Unauthorized"; the harness's
 * testCredential applies `rules` as n8n's CredentialsTester does, in 1.x and 2.x alike).
 */
import { ClientXcmsApi } from '../../credentials/ClientXcmsApi.credentials';
import { ClinikoApi } from '../../credentials/ClinikoApi.credentials';
import { SaverisApi } from '../../credentials/SaverisApi.credentials';
import { XavierApi } from '../../credentials/XavierApi.credentials';
import { XtraKitApi } from '../../credentials/XtraKitApi.credentials';
import { startClientXcmsSimulator, type ClientXcmsSimulator } from '../simulators/clientxcms';
import { startClinikoSimulator, type ClinikoSimulator } from '../simulators/cliniko';
import { startSaverisSimulator, type SaverisSimulator } from '../simulators/saveris';
import { startXavierSimulator, type XavierSimulator } from '../simulators/xavier';
import { startXtraKitSimulator, type XtraKitSimulator } from '../simulators/xtrakit';
import { registerSecret } from '../helpers/secrets';
import { useSimulator } from '../helpers/simulator';
import { testCredential } from './harness';

let cliniko: ClinikoSimulator;
let saveris: SaverisSimulator;
let clientxcms: ClientXcmsSimulator;
let xavier: XavierSimulator;
let xtrakit: XtraKitSimulator;
useSimulator(() => startClinikoSimulator({ rateLimit: null }), (s) => (cliniko = s));
useSimulator(() => startSaverisSimulator(), (s) => (saveris = s));
useSimulator(() => startClientXcmsSimulator(), (s) => (clientxcms = s));
useSimulator(() => startXavierSimulator(), (s) => (xavier = s));
useSimulator(() => startXtraKitSimulator(), (s) => (xtrakit = s));

/** The test's message must contain every phrase, and the secret that was tried must not show. */
async function refusal(
	type: Parameters<typeof testCredential>[0],
	data: Record<string, string>,
	phrases: string[],
	secret?: string,
): Promise<string> {
	const result = await testCredential(type, data);
	expect(result.status).toBe('Error');
	for (const phrase of phrases) expect(result.message).toContain(phrase);
	if (secret) expect(result.message).not.toContain(secret);
	return result.message;
}

describe('Cliniko credential test', () => {
	it('a refused key (401): revoked or regenerated, or sent to the wrong shard; names the API Key field', async () => {
		const apiKey = `${cliniko.credentials.apiKey}-wrong`;
		await refusal(ClinikoApi, { ...cliniko.credentials, apiKey }, ['API Key', 'revoked or regenerated', 'wrong shard', '-au2'], apiKey);
	});

	it('a key of another shard (401): the same explanation', async () => {
		// The simulator plays au1; a key ending -uk1 is Cliniko's plain 401 (test/simulators/cliniko, ISS #317).
		const apiKey = cliniko.credentials.apiKey.replace(/-[a-z]{2}\d{1,2}$/i, '') + '-uk1';
		await refusal(ClinikoApi, { ...cliniko.credentials, apiKey }, ['API Key', 'wrong shard'], apiKey);
	});

	it('a Base URL without the API (404): names Base URL', async () => {
		await refusal(ClinikoApi, { ...cliniko.credentials, baseUrl: cliniko.url }, ['Base URL', '/v1']);
	});
});

describe('Saveris credential test (the login call)', () => {
	it('a refused login (400 "Incorrect username or password."): names Username, Password, Region and Environment', async () => {
		const password = `${saveris.credentials.password}-wrong`;
		await refusal(SaverisApi, { ...saveris.credentials, password }, ['Username', 'Password', 'Region', 'Environment'], password);
	});

	it('an address with no Data API (API Gateway\'s 403 for an unknown path): names Base URL Override', async () => {
		await refusal(SaverisApi, { ...saveris.credentials, baseUrl: `${saveris.url}/v1` }, ['Base URL Override', 'without /v1']);
	});
});

describe('CLIENTXCMS credential test', () => {
	it('a refused key (401 "Unauthenticated."): wrong, revoked or expired after 30 days; names API Key', async () => {
		const apiKey = `${clientxcms.credentials.apiKey}-wrong`;
		await refusal(ClientXcmsApi, { ...clientxcms.credentials, apiKey }, ['API Key', 'expire', '30 days'], apiKey);
	});

	it('a key without the "license" ability (403 "Invalid ability provided."): names the ability and "*"', async () => {
		const apiKey = registerSecret('41|CLIENTXCMSnolicenseability0000000000000000');
		clientxcms.addKey(apiKey, ['customers:index']);
		await refusal(ClientXcmsApi, { ...clientxcms.credentials, apiKey }, ['API Key', '"license"', '"*"'], apiKey);
	});

	it('an address that is not a CLIENTXCMS installation (404): names Base URL', async () => {
		await refusal(ClientXcmsApi, { ...clientxcms.credentials, baseUrl: `${clientxcms.url}/billing` }, ['Base URL', '/api/application']);
	});
});

describe('Xavier credential test', () => {
	it('a refused token (401): names API Token', async () => {
		const apiToken = `${xavier.credentials.apiToken}-wrong`;
		await refusal(XavierApi, { ...xavier.credentials, apiToken }, ['API Token', 'API tokens'], apiToken);
	});

	it('an address with a path (404): names Base URL', async () => {
		await refusal(XavierApi, { ...xavier.credentials, baseUrl: `${xavier.url}/api` }, ['Base URL']);
	});
});

describe('XtraKit credential test', () => {
	it('a refused key, as HTTP 401 and as a 401 in an HTTP 200 envelope: names API Key', async () => {
		const apiKey = `${xtrakit.credentials.apiKey}-wrong`;
		const http = await refusal(XtraKitApi, { ...xtrakit.credentials, apiKey }, ['API Key', 'Settings › APIs'], apiKey);
		xtrakit.settings.errorsAsHttp200 = true;
		expect(await refusal(XtraKitApi, { ...xtrakit.credentials, apiKey }, [], apiKey)).toBe(http);
	});

	it('a Base URL without /api/v1 (404, or a 404 in an HTTP 200 envelope): names Base URL', async () => {
		const baseUrl = xtrakit.url;
		const http = await refusal(XtraKitApi, { ...xtrakit.credentials, baseUrl }, ['Base URL', '/api/v1']);
		xtrakit.settings.errorsAsHttp200 = true;
		expect(await refusal(XtraKitApi, { ...xtrakit.credentials, baseUrl }, [])).toBe(http);
	});

	it('a lapsed plan (402): says the plan, not the key', async () => {
		xtrakit.settings.planLapsed = true;
		await refusal(XtraKitApi, { ...xtrakit.credentials }, ['plan']);
	});
});
