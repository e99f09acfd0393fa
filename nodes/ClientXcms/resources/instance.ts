import type { ClientXcmsRow } from '../provider';
import { route } from './row';
import type { ResourceInfo } from './row';

export const instance: ResourceInfo = { value: 'instance', name: 'Instance', label: 'Instance', path: '', show: 'object', defaultOperation: 'license' };

export const instanceRows: ClientXcmsRow[] = [
	route(instance, { operation: 'health', name: 'Check Health', action: "Check the instance's health", method: 'GET', path: '/health', ability: 'health', envelope: 'object', since: '2.14' }),
	route(instance, { operation: 'license', name: 'Get License', action: "Get the instance's license", method: 'GET', path: '/license', ability: 'license', envelope: 'object', since: '2.14' }),
];
