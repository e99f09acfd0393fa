import type { IDataObject } from 'n8n-workflow';

import type { OperationDef } from '../../shared/types';

const unwrapKey =
	(key: string) =>
	(body: unknown): IDataObject[] => {
		const list = body && typeof body === 'object' ? (body as IDataObject)[key] : undefined;
		return Array.isArray(list) ? (list as IDataObject[]) : [];
	};

/** The deprecated synchronous endpoints (newest sync version of each; limited to 6 MB answers). */
export const legacyOperations: OperationDef[] = [
	{
		resource: 'legacy',
		operation: 'getDevicePropertiesSync',
		name: 'Get Device Properties (Deprecated Sync)',
		action: 'Get device properties synchronously (deprecated)',
		description: 'Deprecated GET /v1/devices/properties: probes with their sensors and channels, answers up to 6 MB',
		method: 'GET',
		path: '/v1/devices/properties',
		unwrap: unwrapKey('probes'),
	},
	{
		resource: 'legacy',
		operation: 'getDeviceStatusSync',
		name: 'Get Device Status (Deprecated Sync)',
		action: 'Get device status synchronously (deprecated)',
		description: 'Deprecated GET /v2/devices/status-sync',
		method: 'GET',
		path: '/v2/devices/status-sync',
		unwrap: unwrapKey('devices_status'),
	},
	{
		resource: 'legacy',
		operation: 'getEquipmentSync',
		name: 'Get Equipment (Deprecated Sync)',
		action: 'Get equipment synchronously (deprecated)',
		description: 'Deprecated GET /v2/equipments-sync: equipment with parts and alarm configurations',
		method: 'GET',
		path: '/v2/equipments-sync',
		unwrap: unwrapKey('equipments'),
	},
	{
		resource: 'legacy',
		operation: 'getSensorStatusSync',
		name: 'Get Sensor Status (Deprecated Sync)',
		action: 'Get sensor status synchronously (deprecated)',
		description: 'Deprecated GET /v2/sensors/status-sync',
		method: 'GET',
		path: '/v2/sensors/status-sync',
		unwrap: unwrapKey('sensors_status'),
	},
	{
		resource: 'legacy',
		operation: 'getTenantsSync',
		name: 'Get Tenants (Deprecated Sync)',
		action: 'Get tenants synchronously (deprecated)',
		description: 'Deprecated GET /v3/tenants-sync',
		method: 'GET',
		path: '/v3/tenants-sync',
		unwrap: unwrapKey('tenants'),
	},
];
