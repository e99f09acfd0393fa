import type {
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { credentialText, type Authenticate } from '../nodes/shared/authenticate';
import { itemTimeLimitField, requestTimeoutField } from '../nodes/shared/credentialFields';

export class ClinikoApi implements ICredentialType {
	name = 'clinikoApi';

	displayName = 'Cliniko API';

	documentationUrl = 'https://docs.api.cliniko.com/';

	icon = { light: 'file:../nodes/Cliniko/cliniko.svg', dark: 'file:../nodes/Cliniko/cliniko.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Create one in Cliniko under My Info › Manage API keys. The key acts with the permissions of your Cliniko user; its ending (e.g. -au2, -uk1) tells which Cliniko server (shard) holds your account.',
		},
		{
			displayName: 'Application Name',
			name: 'appName',
			type: 'string',
			default: 'n8n',
			required: true,
			placeholder: 'e.g. Acme Clinic automations',
			description:
				'Identifies your integration to Cliniko in the User-Agent header, together with the contact email. Cliniko may block requests that do not identify themselves.',
		},
		{
			displayName: 'Contact Email',
			name: 'contactEmail',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'name@email.com',
			description: 'Where Cliniko can reach whoever runs this integration; sent in the User-Agent header',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://api.au1.cliniko.com/v1',
			description:
				'Leave empty: the node derives https://api.{shard}.cliniko.com/v1 from the API key. Set it only for a test server (such as the simulator) or a shard the key does not name.',
		},
		requestTimeoutField(30),
		itemTimeLimitField,
	];

	// HTTP Basic: the API key is the username, the password is empty; Cliniko asks every app to name
	// itself and a contact address in the User-Agent.
	authenticate: Authenticate = async (credentials, requestOptions) => ({
		...requestOptions,
		auth: { username: credentialText(credentials, 'apiKey'), password: '' },
		headers: {
			...requestOptions.headers,
			'User-Agent': `${credentialText(credentials, 'appName')} (${credentialText(credentials, 'contactEmail')})`,
			Accept: 'application/json',
		},
	});

	test: ICredentialTestRequest = {
		request: {
			// A redirect is not followed: n8n would send the credential along to wherever it points.
			disableFollowRedirect: true,
			// The same rule as the node's: the override, else the shard after the key's last hyphen (no suffix: au1).
			baseURL:
				'={{ String($credentials.baseUrl || "").trim() ? String($credentials.baseUrl).trim().replace(/\\/+$/, "") : "https://api." + ((String($credentials.apiKey || "").trim().match(/-([a-z]{2}[0-9]{1,2})$/i) || [])[1] || "au1").toLowerCase() + ".cliniko.com/v1" }}',
			url: '/user',
			method: 'GET',
		},
		rules: [
			{
				// Cliniko answers "Requires a user agent" when the User-Agent lacks a name and contact e-mail.
				type: 'responseCode',
				properties: {
					value: 400,
					message:
						'Cliniko refused the request for its User-Agent: fill Application Name and Contact Email in this credential (Cliniko requires a name and a valid contact e-mail).',
				},
			},
			{
				// A revoked or regenerated key, and a key sent to another shard, are the same plain 401
				// "HTTP Basic: Access denied." (shards do not know each other's keys: redguava/cliniko-api issue #317).
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Cliniko refused the API Key: it was revoked or regenerated (create a new one under My Info › Manage API keys), or it went to the wrong shard. Paste the API Key whole, with its ending (e.g. -au2, -uk1) that names its Cliniko shard, and leave Base URL empty unless it names that same shard.',
				},
			},
			{
				// Only a Base URL override can point at a path Cliniko has no API under.
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'Cliniko has no API at this address: clear Base URL (the node then uses the shard the API Key names), or give the full API address ending in /v1, e.g. https://api.au1.cliniko.com/v1.',
				},
			},
		],
	};
}
