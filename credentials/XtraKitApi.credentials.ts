import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { itemTimeLimitField, requestTimeoutField } from '../nodes/shared/credentialFields';

const KEY_REFUSED = 'XtraKit refused the API key. Check or reset it under Settings › APIs.';
const PLAN_LAPSED =
	'Payment required: the XtraKit plan of this account does not include API access, or it has lapsed.';

export class XtraKitApi implements ICredentialType {
	name = 'xtraKitApi';

	displayName = 'XtraKit API';

	documentationUrl = 'https://docs.xtrakit.com';

	icon = { light: 'file:../nodes/XtraKit/xtrakit.svg', dark: 'file:../nodes/XtraKit/xtrakit.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Generate, reset or rotate it in XtraKit under Settings › APIs (app.xtrakit.com/settings/apis)',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.xtrakit.com/api/v1',
			required: true,
			description:
				'The current API host. Older accounts and older docs use https://app.xtrakit.com/api/v1; change it only if XtraKit told you to, or to reach a test server.',
		},
		requestTimeoutField(30),
		itemTimeLimitField,
	];

	// docs.xtrakit.com's introduction: "Authorization: Bearer API_KEY" on every request.
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiKey}}',
			},
		},
	};

	// The documented authentication check (the docs' curl example uses GET).
	test: ICredentialTestRequest = {
		request: {
			// A redirect is not followed: n8n would send the credential along to wherever it points.
			disableFollowRedirect: true,
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/user/authenticate',
			method: 'GET',
		},
		// Rules must all be of one kind. An HTTP 401/402 already fails the test; these catch the
		// case where XtraKit answers HTTP 200 and says the failure only in its envelope.
		rules: [
			{ type: 'responseSuccessBody', properties: { key: 'status', value: 401, message: KEY_REFUSED } },
			{ type: 'responseSuccessBody', properties: { key: 'status', value: '401', message: KEY_REFUSED } },
			{ type: 'responseSuccessBody', properties: { key: 'status', value: 402, message: PLAN_LAPSED } },
			{ type: 'responseSuccessBody', properties: { key: 'status', value: '402', message: PLAN_LAPSED } },
			{ type: 'responseSuccessBody', properties: { key: 'status', value: false, message: KEY_REFUSED } },
		],
	};
}
