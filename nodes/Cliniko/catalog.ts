import type { CatalogEvent, ProviderCatalog } from '../shared/catalog';
import { clinikoOperations } from './resources';
import { watchedResources } from './trigger/resources';

const triggerEvents: CatalogEvent[] = [
	...watchedResources.flatMap((w) => [
		{ event: `created:${w.value}`, name: `New ${w.name}`, method: 'GET', path: w.path },
		{ event: `updated:${w.value}`, name: `New or Updated ${w.name}`, method: 'GET', path: w.path },
	]),
	{ event: 'appointmentCancelled', name: 'Appointment Cancelled', method: 'GET', path: '/individual_appointments' },
	{ event: 'patientArchived', name: 'Patient Archived', method: 'GET', path: '/patients' },
];

export const catalog: ProviderCatalog = {
	provider: 'Cliniko',
	nodes: [
		{ node: 'cliniko', displayName: 'Cliniko', operations: clinikoOperations },
		{ node: 'clinikoTrigger', displayName: 'Cliniko Trigger', events: triggerEvents },
	],
};
