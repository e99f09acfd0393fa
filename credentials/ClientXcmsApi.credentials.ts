import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

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
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiKey.trim()}}',
				Accept: 'application/json',
			},
		},
	};

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
	};
}
