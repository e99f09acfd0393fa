import type { ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { bearerAuthenticate } from '../nodes/shared/authenticate';
import { itemTimeLimitField, requestTimeoutField } from '../nodes/shared/credentialFields';

export class ClientXcmsApi implements ICredentialType {
	name = 'clientXcmsApi';

	displayName = 'CLIENTXCMS API';

	documentationUrl = 'https://docs.clientxcms.com/developpers/api';

	icon = { light: 'file:../nodes/ClientXcms/clientxcms.svg', dark: 'file:../nodes/ClientXcms/clientxcms.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName:
				'API keys expire 30 days after creation by default (the server setting SANCTUM_TOKEN_EXPIRATION), whatever expiry date the admin form shows. When requests start failing with "Unauthenticated", create a new key.',
			name: 'expiryNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://billing.example.com',
			description:
				'Address of your CLIENTXCMS installation, without /api. Must be https. Warning: plain http is accepted only for localhost and private test hosts, and sends the API key unencrypted.',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: '12|CLIENTXCMS…',
			description:
				'An application API key of an admin account (Settings › Security › API Keys, or `php artisan clientxcms:create-api-key`). It looks like "{id}|CLIENTXCMS…". Each operation needs its ability, or "*".',
		},
		requestTimeoutField(60),
		itemTimeLimitField,
	];

	// A Laravel Sanctum personal access token, sent as a bearer token (ClientXCMS's own API tests send
	// it so: tests/TestCase.php, performAction).
	authenticate = bearerAuthenticate('apiKey', { Accept: 'application/json' });

	// /license, not /health: keys made in the admin UI get the misspelled "hearth" ability (never
	// "health") and so a 403 on /health, but they always get "license" (ClientXCMS's
	// ApiKeysController::getAbilities appends both to every non-administrator key).
	test: ICredentialTestRequest = {
		request: {
			// A redirect is not followed: n8n would send the credential along to wherever it points.
			disableFollowRedirect: true,
			baseURL: '={{$credentials.baseUrl.trim().replace(/\\/+$/, "").replace(/\\/api(\\/application)?$/i, "")}}/api/application',
			url: '/license',
			method: 'GET',
		},
		// Laravel's answers (ClientXCMS's API routes sit behind auth:sanctum and an ability check).
		rules: [
			{
				// Sanctum's "Unauthenticated.": no such key, revoked, or past SANCTUM_TOKEN_EXPIRATION.
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'CLIENTXCMS refused the API Key ("Unauthenticated"): it is wrong, was deleted, or has expired (keys expire 30 days after creation by default, whatever expiry the admin form shows). Create a new key and paste it whole, "{id}|CLIENTXCMS…", into API Key.',
				},
			},
			{
				// "Invalid ability provided.": the key is valid but lacks the ability of this route.
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'CLIENTXCMS accepted the API Key but it lacks the "license" ability this test calls (GET /api/application/license). Give the key the "license" ability, or "*" for every operation, or create a new key under Settings › Security › API Keys.',
				},
			},
			{
				// Laravel's "The route … could not be found.": the address is not a CLIENTXCMS installation.
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'No CLIENTXCMS API at this address: set Base URL to the address of your CLIENTXCMS installation, e.g. https://billing.example.com, without /api (the test calls {Base URL}/api/application/license).',
				},
			},
		],
	};
}
