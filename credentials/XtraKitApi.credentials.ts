import type {
	IAuthenticateRuleResponseCode,
	IAuthenticateRuleResponseSuccessBody,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { bearerAuthenticate } from '../nodes/shared/authenticate';
import { itemTimeLimitField, readsAtOnceField, requestTimeoutField } from '../nodes/shared/credentialFields';
import { XTRAKIT_READS_AT_ONCE } from '../nodes/XtraKit/transport/reads';

const KEY_REFUSED =
	'XtraKit refused the API Key: it is wrong, or was reset or rotated. Copy the current key from Settings › APIs (app.xtrakit.com/settings/apis) and paste it whole into API Key.';
const PLAN_LAPSED =
	'XtraKit accepted the API Key but answered "payment required": the plan of this account does not include API access, or it has lapsed. Nothing to change in this credential; renew the plan in XtraKit.';
const NO_API =
	'No XtraKit API at this address: set Base URL to the API address, ending in /api/v1, e.g. https://api.xtrakit.com/api/v1.';

/**
 * The rules for one failure, both ways XtraKit may say it: as the HTTP status (n8n's CredentialsTester
 * checks `responseCode` rules when the request fails) and only in the envelope of an HTTP 200 (it
 * checks `responseSuccessBody` rules when the request succeeds; the docs do not say which). The tester
 * of n8n 1.x and 2.x runs each list over every rule and skips the other kind, so one array may hold
 * both, though n8n-workflow's type asks for one kind per array.
 */
function failure(status: number, message: string): Array<IAuthenticateRuleResponseCode | IAuthenticateRuleResponseSuccessBody> {
	return [
		{ type: 'responseCode', properties: { value: status, message } },
		{ type: 'responseSuccessBody', properties: { key: 'status', value: status, message } },
		{ type: 'responseSuccessBody', properties: { key: 'status', value: String(status), message } },
	];
}

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
		readsAtOnceField('XtraKit', XTRAKIT_READS_AT_ONCE),
	];

	// docs.xtrakit.com's introduction: "Authorization: Bearer API_KEY" on every request.
	authenticate = bearerAuthenticate('apiKey');

	// The documented authentication check (the docs' curl example uses GET).
	test: ICredentialTestRequest = {
		request: {
			// A redirect is not followed: n8n would send the credential along to wherever it points.
			disableFollowRedirect: true,
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/user/authenticate',
			method: 'GET',
		},
		rules: [
			...failure(401, KEY_REFUSED),
			...failure(402, PLAN_LAPSED),
			...failure(404, NO_API),
			{ type: 'responseSuccessBody', properties: { key: 'status', value: false, message: KEY_REFUSED } },
		] as ICredentialTestRequest['rules'],
	};
}
