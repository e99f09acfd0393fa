import type {
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { bearerAuthenticate } from '../nodes/shared/authenticate';
import { itemTimeLimitField, requestTimeoutField } from '../nodes/shared/credentialFields';

export class XavierApi implements ICredentialType {
	name = 'xavierApi';

	displayName = 'Xavier Analytics (Dext Precision) API';

	documentationUrl = 'https://help.dext.com/en/articles/272702-data-health-insights-api';

	icon = { light: 'file:../nodes/Xavier/xavier.svg', dark: 'file:../nodes/Xavier/xavier.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Create one in Dext under Practice settings › Data Health › API tokens (enter a name, select Create, copy the token: it is shown only once)',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.precision.dext.com',
			required: true,
			description:
				"Leave as is for the real service (Dext's current API host). Older Xavier Analytics accounts may still use https://api.xavier-analytics.com; change it otherwise only to reach a test server",
		},
		requestTimeoutField(30),
		itemTimeLimitField,
	];

	authenticate = bearerAuthenticate('apiToken');

	test: ICredentialTestRequest = {
		request: {
			// A redirect is not followed: n8n would send the credential along to wherever it points.
			disableFollowRedirect: true,
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/clients',
			method: 'GET',
		},
		rules: [
			{
				// Dext documents 200, 404, 429 and 500 only; a wrong or revoked token is taken to be a 401.
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Dext Precision (Xavier) refused the API Token: it is wrong or was deleted. Create a new one under Practice settings › Data Health › API tokens and paste it whole into API Token. Older Xavier Analytics accounts may need Base URL https://api.xavier-analytics.com.',
				},
			},
			{
				// Dext's 404: "the API can't map the requested URI to a resource".
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'No Xavier (Dext Precision) API at this address: set Base URL to the host only, https://api.precision.dext.com (or https://api.xavier-analytics.com for older accounts), without a path.',
				},
			},
		],
	};
}
