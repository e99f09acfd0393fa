import { NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { byName } from '../../shared/alphabetical';
import { apiRequestBody, originOf } from '../../shared/http';
import { matchingRecords, plainText, searchItems } from '../../shared/listSearch';
import { listPages, recordsAt, valueAt } from '../../shared/pagination';
import type { ApiRequest } from '../../shared/types';
import { cliniko } from '../provider';
import { pageLinks } from '../transport/paging';

/** Lists these dropdowns read are small (practitioners, businesses, types); this caps a runaway. */
const MAX_PAGES = 20;
const SEARCH_PAGE_SIZE = 50;

async function fetchAll(ctx: ILoadOptionsFunctions, path: string, itemsPath: string): Promise<IDataObject[]> {
	const out: IDataObject[] = [];
	let pages = 0;
	for await (const page of listPages.call(ctx, cliniko, { method: 'GET', path }, pageLinks(itemsPath), undefined)) {
		out.push(...page);
		if (++pages >= MAX_PAGES) break;
	}
	return out;
}

function personName(record: IDataObject): string {
	return [record.first_name, record.last_name].filter((p) => typeof p === 'string' && p !== '').join(' ');
}

/** What a person would call a record: its display name, else its name, else its ID. */
function recordName(record: IDataObject): string {
	for (const candidate of [record.display_name, record.business_name, record.name, personName(record), record.label]) {
		if (typeof candidate === 'string' && candidate.trim() !== '') return candidate.trim();
	}
	return String(record.id);
}

const NAME_FIELDS = ['display_name', 'business_name', 'name', 'label', 'first_name', 'last_name'];

/** The records a typed filter finds: by any of their names, by "first last", or by their exact ID. */
function matching(records: IDataObject[], filter: string | undefined): IDataObject[] {
	const needle = plainText(filter);
	const named = new Set(matchingRecords(records, needle, NAME_FIELDS));
	return records.filter(
		(r) => named.has(r) || plainText(r.id) === needle || personName(r).toLowerCase().includes(needle.toLowerCase()),
	);
}

async function searchList(ctx: ILoadOptionsFunctions, path: string, itemsPath: string, filter?: string): Promise<INodeListSearchResult> {
	return { results: searchItems(matching(await fetchAll(ctx, path, itemsPath), filter), recordName) };
}

// ------------------------------------------------------------------------------------------------
// List search (resource locators)
// ------------------------------------------------------------------------------------------------

/** "From list" of the Practitioner locator: active practitioners, filtered by name or ID. */
async function searchPractitioners(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await searchList(this, '/practitioners', 'practitioners', filter);
}

/** "From list" of the Business locator. */
async function searchBusinesses(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await searchList(this, '/businesses', 'businesses', filter);
}

/** "From list" of the Appointment Type locator. */
async function searchAppointmentTypes(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await searchList(this, '/appointment_types', 'appointment_types', filter);
}

/** The next-page links of a patient search, carried in n8n's pagination token. */
interface PatientSearchToken {
	links: string[];
}

function patientQueries(filter: string): string[][] {
	const text = filter.trim().replace(/\s+/g, ' ');
	if (text === '') return [[]];
	if (/^\d{1,19}$/.test(text)) return [[`id:=${text}`]];
	const words = text.split(' ');
	if (words.length > 1) {
		// "Jane van der Berg": the first word is the first name, the rest the last name.
		return [[`first_name:~${words[0]}`, `last_name:~${words.slice(1).join(' ')}`]];
	}
	// One word may be either name; Cliniko ANDs q[] filters, so ask twice and merge.
	return [[`last_name:~${text}`], [`first_name:~${text}`]];
}

function patientItem(p: IDataObject): INodeListSearchItems {
	const name = recordName(p);
	const born = typeof p.date_of_birth === 'string' && p.date_of_birth !== '' ? ` (born ${p.date_of_birth})` : '';
	return { name: `${name}${born}`, value: String(p.id) };
}

/**
 * "From list" of the Patient locator: searched in Cliniko by name (`q[]=last_name:~…`, first name
 * likewise) or by ID, a page at a time; the pagination token holds Cliniko's own next links.
 */
async function searchPatients(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const credentials = await this.getCredentials(cliniko.credentialType);
	const origin = new URL(cliniko.baseUrl(credentials)).origin;
	let requests: ApiRequest[];
	if (paginationToken) {
		let token: PatientSearchToken;
		try {
			token = JSON.parse(paginationToken) as PatientSearchToken;
		} catch {
			token = { links: [] };
		}
		const links = Array.isArray(token.links) ? token.links.filter((l) => typeof l === 'string') : [];
		// The key goes with every request: only ever follow links back to the same Cliniko server.
		if (links.some((l) => originOf(l) !== origin)) {
			throw new NodeOperationError(this.getNode(), 'The patient list continues on another server; search again');
		}
		requests = links.map((url) => ({ method: 'GET', url }));
	} else {
		requests = patientQueries(filter ?? '').map((q) => ({
			method: 'GET',
			path: '/patients',
			qs: { per_page: SEARCH_PAGE_SIZE, sort: 'last_name,first_name', ...(q.length ? { 'q[]': q } : {}) },
		}));
	}
	const seen = new Set<string>();
	const results: INodeListSearchItems[] = [];
	const next: string[] = [];
	for (const request of requests) {
		const body = await apiRequestBody.call(this, cliniko, request);
		for (const patient of recordsAt(this, cliniko, body, 'patients')) {
			const id = String(patient.id);
			if (seen.has(id)) continue;
			seen.add(id);
			results.push(patientItem(patient));
		}
		const link = valueAt(body, 'links.next');
		if (typeof link === 'string' && link !== '') next.push(link);
	}
	return { results, paginationToken: next.length ? JSON.stringify({ links: next }) : undefined };
}

// ------------------------------------------------------------------------------------------------
// Dropdowns (loadOptions)
// ------------------------------------------------------------------------------------------------

async function options(ctx: ILoadOptionsFunctions, path: string, itemsPath: string): Promise<INodePropertyOptions[]> {
	return (await fetchAll(ctx, path, itemsPath)).map((r) => ({ name: recordName(r), value: String(r.id) })).sort(byName);
}

async function getAppointmentTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await options(this, '/appointment_types', 'appointment_types');
}

async function getBillableItems(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await options(this, '/billable_items', 'billable_items');
}

async function getBusinesses(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await options(this, '/businesses', 'businesses');
}

async function getConcessionTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await options(this, '/concession_types', 'concession_types');
}

async function getPatientFormTemplates(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await options(this, '/patient_form_templates', 'patient_form_templates');
}

async function getPractitioners(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await options(this, '/practitioners', 'practitioners');
}

async function getProducts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await options(this, '/products', 'products');
}

async function getProductSuppliers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await options(this, '/product_suppliers', 'product_suppliers');
}

async function getReferralSourceTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await options(this, '/referral_source_types', 'referral_source_types');
}

async function getTaxes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await options(this, '/taxes', 'taxes');
}

async function getTreatmentNoteTemplates(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await options(this, '/treatment_note_templates', 'treatment_note_templates');
}

async function getUnavailableBlockTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await options(this, '/unavailable_block_types', 'unavailable_block_types');
}

export const listSearch = { searchAppointmentTypes, searchBusinesses, searchPatients, searchPractitioners };

/**
 * The Field choices of a list operation's Filters and Sort, from the form's resource and operation (kept
 * out of the description, which n8n sends to every editor: see resources/filters.ts). No request is made.
 */
async function getFilterFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const resource = this.getCurrentNodeParameter('resource');
	const operation = this.getCurrentNodeParameter('operation');
	// Loaded here, not when n8n loads the package (issue 17: cold load).
	const [{ specOperations }, { filterFieldOptions }] = await Promise.all([import('../generated/spec'), import('../resources/filters')]);
	const spec = specOperations.find((o) => o.resource === resource && o.operation === operation);
	return spec ? filterFieldOptions(spec) : [];
}

export const loadOptions = {
	getFilterFields,
	getAppointmentTypes,
	getBillableItems,
	getBusinesses,
	getConcessionTypes,
	getPatientFormTemplates,
	getPractitioners,
	getProducts,
	getProductSuppliers,
	getReferralSourceTypes,
	getTaxes,
	getTreatmentNoteTemplates,
	getUnavailableBlockTypes,
};
