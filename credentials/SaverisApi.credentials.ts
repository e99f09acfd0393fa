import type { ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { requestTimeoutField } from '../nodes/shared/credentialFields';

/**
 * testo Saveris Data API. The API takes a bearer IdToken from `POST /v1/token`; the nodes log in
 * themselves (see nodes/Saveris/transport/session.ts): n8n's preAuthentication refresh-and-retry on 401
 * exists only from n8n-workflow 2.40, and n8n 1.x must work too.
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
			// The Data API hosts a source lists: data-api.{eu.p, eu.i, am.p, ap.p}.savr.saveris.net (the
			// byuTesto audit note; testo's OpenAPI names eu.p / eu.i). Outside Europe only production exists.
			options: [
				{ name: 'America', value: 'am' },
				{ name: 'Asia-Pacific', value: 'ap' },
				{ name: 'Europe', value: 'eu' },
			],
			description: 'Where the Saveris account is hosted',
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			default: 'p',
			displayOptions: { show: { region: ['eu'] } },
			options: [
				{ name: 'Production', value: 'p' },
				{ name: 'Integration (Testing)', value: 'i' },
			],
			description: "testo's integration system for testing (Europe only)",
		},
		{
			displayName: 'Base URL Override',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://data-api.eu.p.savr.saveris.net',
			description:
				'Leave empty to use the host of the region: https://data-api.eu.p.savr.saveris.net (Europe), eu.i (Europe, Integration), am.p (America) or ap.p (Asia-Pacific); set it only to reach a test server',
		},
		requestTimeoutField(60),
	];

	test: ICredentialTestRequest = {
		request: {
			// A redirect is not followed: n8n would send the credential along to wherever it points.
			disableFollowRedirect: true,
			baseURL:
				'={{ ($credentials.baseUrl || ("https://data-api." + $credentials.region + "." + ($credentials.region === "eu" ? $credentials.environment : "p") + ".savr.saveris.net")).replace(/\\/+$/, "") }}',
			url: '/v1/token',
			method: 'POST',
			body: { username: '={{$credentials.username}}', password: '={{$credentials.password}}' },
		},
		rules: [
			{
				// testo's OpenAPI maps a refused login to 400 (Cognito's "Incorrect username or password."),
				// and an account lives in the user pool of one region and environment only.
				type: 'responseCode',
				properties: {
					value: 400,
					message:
						'testo Saveris refused the login: check Username and Password. If both are right, check Region (and, in Europe, Environment: Production or Integration): the account exists only where it is hosted.',
				},
			},
			{
				// API Gateway answers a path it has no resource for (e.g. /v1/v1/token) with 403 "Missing
				// Authentication Token".
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'No testo Saveris Data API at this address: clear Base URL Override (the node then uses the host of Region and Environment), or give the host only, without /v1, e.g. https://data-api.eu.p.savr.saveris.net.',
				},
			},
		],
	};
}
