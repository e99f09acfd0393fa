import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { operationFields, operationProperties, resourceProperty } from '../../shared/description';
import type { ClientXcmsRow } from '../provider';
import { cancellationReason, cancellationReasonRows } from './cancellationReason';
import { coupon, couponRows } from './coupon';
import { customer, customerRows } from './customer';
import { department, departmentRows } from './department';
import { group, groupRows } from './group';
import { instance, instanceRows } from './instance';
import { invoice, invoiceRows } from './invoice';
import { log, logRows } from './log';
import { pricing, pricingRows } from './pricing';
import { product, productRows } from './product';
import type { ResourceInfo } from './row';
import { server, serverRows } from './server';
import { service, serviceRows } from './service';
import { subdomain, subdomainRows } from './subdomain';
import { ticket, ticketRows } from './ticket';

/**
 * The 82 routes of `routes/api-application.php` (CLIENTXCMS v2.15 – v2.16-fix), one row each: what
 * the node runs and the catalogue lists. Read from the server's code (its OpenAPI file is wrong about
 * several methods and paths). The simulator keeps its own copy (test/simulators/clientxcms/routes.ts);
 * a unit test checks that both agree.
 */
const TABLE: Array<[ResourceInfo, ClientXcmsRow[]]> = [
	[instance, instanceRows],
	[customer, customerRows],
	[product, productRows],
	[group, groupRows],
	[pricing, pricingRows],
	[service, serviceRows],
	[invoice, invoiceRows],
	[department, departmentRows],
	[ticket, ticketRows],
	[coupon, couponRows],
	[server, serverRows],
	[log, logRows],
	[subdomain, subdomainRows],
	[cancellationReason, cancellationReasonRows],
];

export const clientXcmsOperations: ClientXcmsRow[] = TABLE.flatMap(([, rows]) => rows);

export const clientXcmsResources: INodePropertyOptions[] = TABLE.map(([resource]) => ({ name: resource.name, value: resource.value }));

/** The operation selected when a resource is picked. */
export const clientXcmsDefaults: Record<string, string> = Object.fromEntries(TABLE.map(([resource]) => [resource.value, resource.defaultOperation ?? 'getAll']));

/**
 * Resource, Operation and every operation's fields: the node's parameters. scripts/generate-descriptions.js
 * writes them to generated/properties.json, which the node imports (issue 17: cold load).
 */
export function clientXcmsProperties(): INodeProperties[] {
	return [
		resourceProperty(clientXcmsResources, 'customer'),
		...operationProperties(clientXcmsOperations, clientXcmsDefaults),
		...operationFields(clientXcmsOperations),
	];
}
