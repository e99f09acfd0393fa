import type { ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * testo Saveris Data API. The API takes a bearer IdToken from `POST /v1/token`; the nodes log in
 * themselves (see nodes/Saveris/auth/token.ts) because an expired token answers 403, which n8n's
 * own preAuthentication refresh (401 only) would never react to.
 */
export class SaverisApi implements ICredentialType {
	name = 'saverisApi';

	displayName = 'Testo Saveris Data API';

	documentationUrl = 'https://developers.testo.dev/saveris-data-api/data-api';

	icon = { light: 'file:../nodes/Saveris/saveris.svg', dark: 'file:../nodes/Saveris/saveris.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			description: 'The Saveris account user (usually an e-mail address) allowed to use the Data API',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			default: 'eu',
			options: [
				{ name: 'America (Am)', value: 'am' },
				{ name: 'Asia-Pacific (Ap)', value: 'ap' },
				{ name: 'Europe (Eu)', value: 'eu' },
			],
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			default: 'p',
			options: [
				{ name: 'Production (P)', value: 'p' },
				{ name: 'Integration / Testing (I)', value: 'i' },
			],
		},
		{
			displayName: 'Base URL Override',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://data-api.eu.p.savr.saveris.net',
			description:
				'Leave empty to use https://data-api.{region}.{environment}.savr.saveris.net; set it only to reach a test server',
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeoutSeconds',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description:
				'Longest time one request may take, from sending it to the last byte of the answer (a server that keeps sending a byte now and then does not extend it). 0 means 60 s. A server that did not answer in time or refused the connection is not asked again for the other items of the same run.',
		},
	];

	test: ICredentialTestRequest = {
		request: {
			// A redirect is not followed: n8n would send the credential along to wherever it points.
			disableFollowRedirect: true,
			baseURL:
				'={{ ($credentials.baseUrl || ("https://data-api." + $credentials.region + "." + $credentials.environment + ".savr.saveris.net")).replace(/\\/+$/, "") }}',
			url: '/v1/token',
			method: 'POST',
			body: { username: '={{$credentials.username}}', password: '={{$credentials.password}}' },
		},
	};
}
