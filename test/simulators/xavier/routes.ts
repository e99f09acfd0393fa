// Xavier's three GET endpoints (research §1.4) and its error answers.
import { routesFor, type Route, type SimResponse } from '../core';
import { xavierQuerySchemas } from './schemas';
import type { XavierState } from './state';

export interface XavierSettings {
	/** Answer GET /clients/{id} wrapped in a one-element array, as the first (Jan 2020) doc showed. */
	legacyArrayDetail: boolean;
}

// No error body is documented anywhere (research §1.6). INFERENCE: `{"message": …}` as a Laravel API
// answers (the 401 text "Unauthenticated." is Laravel's); the exact wording is ours.
export const xavierErrors = {
	unauthenticated: (): SimResponse => ({ status: 401, body: { message: 'Unauthenticated.' } }),
	notFound: (): SimResponse => ({ status: 404, body: { message: 'Not Found' } }),
	methodNotAllowed: (allowed: string[]): SimResponse => ({ status: 405, body: { message: 'Method Not Allowed' }, headers: { Allow: allowed.join(', ') } }),
	// FACT: 429 past 60 requests a minute; no Retry-After or reset header is documented, so none is sent.
	tooManyRequests: (): SimResponse => ({ status: 429, body: { message: 'Too Many Attempts.' } }),
	// INFERENCE: the real API most likely ignores unknown query parameters. The simulator refuses them
	// (and records a violation) so a node that sends one fails its test loudly; see `ignoreUnknownQuery`.
	invalidQuery: (issues: string[]): SimResponse => ({ status: 400, body: { message: `Invalid query: ${issues.join('; ')}` } }),
	serverError: (): SimResponse => ({ status: 500, body: { message: 'Server Error' } }),
};

export function xavierRoutes(settings: XavierSettings): Route<XavierState>[] {
	const route = routesFor<XavierState>();
	return [
		route({
			method: 'GET',
			path: '/clients',
			query: xavierQuerySchemas.listClients,
			// A bare array of every client, no envelope, no paging (FACT).
			handler: (_req, { state }) => ({ status: 200, body: state.listItems() }),
		}),
		route({
			method: 'GET',
			path: '/clients/:clientId',
			query: xavierQuerySchemas.getClient,
			handler: (req, { state }) => {
				const client = state.client(req.params.clientId);
				if (!client) return xavierErrors.notFound();
				return { status: 200, body: settings.legacyArrayDetail ? [client] : client };
			},
		}),
		route({
			method: 'GET',
			path: '/clients/:clientId/activity-stats',
			query: xavierQuerySchemas.getActivityStats,
			handler: (req, { state }) => {
				const stats = state.activityStats(req.params.clientId);
				return stats ? { status: 200, body: stats } : xavierErrors.notFound();
			},
		}),
	];
}
