// Seed data: first the values shown in the official doc's example screenshots (research §1.4, Postman
// captures of Xero demo companies), then deterministic generated clients so lists and search are
// meaningful. The screenshots never show all fields of one client together, so WHICH documented value
// sits on which documented ID is our choice; the values themselves are real. Everything marked "ours"
// is made up.
import { hashString, seededRandom, type SeededRandom } from '../core';
import type { XavierActivityStats, XavierClientDetail, XavierQuarterlyStatsBlock, XavierStatsBlock, XavierVatDetails } from './schemas';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
// Xero ShortCodes ("!cs0gr", "!-1Tsc", "!F-5MP") use letters, digits and '-'.
const SHORTCODE_CHARS = `${BASE62}-`;

/** Alert level from the health score. INFERENCE: 71 and 78 were "success", 52 "warning"; the red
 * level's name and all thresholds are ours ("danger", like the Bootstrap class names success/warning). */
export function alertLevelFor(healthScore: number): string {
	if (healthScore >= 70) return 'success';
	if (healthScore >= 50) return 'warning';
	return 'danger';
}

const NO_VAT: XavierVatDetails = { scheme: null, number: null, reportingCycle: null, periodStart: null, periodEnd: null };

const DOCUMENTED_VAT: XavierVatDetails = {
	scheme: 'CASH',
	number: 'GB 123456789',
	reportingCycle: 'QUARTERLY',
	periodStart: '2020-07-01',
	periodEnd: '2020-09-30',
};

type DocumentedClient = Pick<XavierClientDetail, 'id' | 'name' | 'providerId' | 'healthScore'> & Partial<XavierClientDetail>;

// Six documented IDs, four documented names, five scores, five providerIds.
const DOCUMENTED: DocumentedClient[] = [
	{
		id: '8eb3l',
		name: 'Demo Company (Global)',
		providerId: '!cs0gr',
		healthScore: 76,
		companyNumber: '02181833',
		yearEnd: '2021-03-31',
		vatDetails: DOCUMENTED_VAT,
		metrics: { debtorBalance: 22464.67, avgDebtorDays: 214, oneDayImpact: null },
	},
	{
		id: 'q6K0j',
		name: 'Test Company (UK)',
		providerId: '!l3HJJ',
		healthScore: 91,
		metrics: { debtorBalance: 8952.45, avgDebtorDays: 96, oneDayImpact: 93.25 },
	},
	{ id: 'lP1Wq', name: 'Demo Company (NZ)', providerId: '!-1Tsc', healthScore: 78 },
	{ id: '8r2W8', name: 'Demo Company Main (UK)', providerId: '!jxJgV', healthScore: 52 },
	{ id: 'loXZq', name: 'Demo Company (AU)', providerId: '!F-5MP', healthScore: 71 }, // name ours
	{ id: 'qK2Bl', name: 'Demo Company (US)', providerId: '!Vq8nR', healthScore: 64 }, // name, providerId, score ours
];

type Country = 'UK' | 'NZ' | 'AU';

// Generated clients (ours): realistic small businesses of the three markets Xavier serves.
const GENERATED: Array<{ name: string; country: Country; organisationType?: string; healthScore?: number }> = [
	{ name: 'Harbourside Joinery Ltd', country: 'UK' },
	{ name: 'Pennine Valley Dairies Ltd', country: 'UK' },
	{ name: "O'Neill & Sons Builders Ltd", country: 'UK' },
	{ name: 'Thames Reach Architects LLP', country: 'UK', organisationType: 'PARTNERSHIP' },
	{ name: 'Cotswold Hearth & Home Ltd', country: 'UK' },
	{ name: 'Bramley Orchard Cider Co Ltd', country: 'UK' },
	{ name: 'Granite City Electrical Ltd', country: 'UK' },
	// Pinned below 50 so the seed always holds one client at the inferred red level.
	{ name: 'Severn Bridge Logistics Ltd', country: 'UK', healthScore: 38 },
	{ name: 'The Crooked Lane Bakery', country: 'UK', organisationType: 'SOLE_TRADER' },
	{ name: 'Whitby Kipper Smokehouse Ltd', country: 'UK' },
	{ name: 'Kingsbridge Dental Practice LLP', country: 'UK', organisationType: 'PARTNERSHIP' },
	{ name: 'Ashworth Veterinary Group Ltd', country: 'UK' },
	{ name: 'Clyde Street Coffee Roasters Ltd', country: 'UK' },
	{ name: 'Lakeland Outdoor Hire Ltd', country: 'UK' },
	{ name: "St Aidan's Community Trust", country: 'UK', organisationType: 'CHARITY' },
	{ name: 'Kauri Coast Plumbing Limited', country: 'NZ' },
	{ name: 'Tāmaki Makaurau Bakehouse Limited', country: 'NZ' },
	{ name: 'Southern Alps Heli Tours Limited', country: 'NZ' },
	{ name: 'Ponsonby Print Collective Limited', country: 'NZ' },
	{ name: "Hawke's Bay Vineyard Supplies Limited", country: 'NZ' },
	{ name: 'Ōtautahi Bike Works', country: 'NZ', organisationType: 'SOLE_TRADER' },
	{ name: 'Marlborough Sounds Mussels Limited', country: 'NZ' },
	{ name: 'Wellington Harbour Kayaks Limited', country: 'NZ' },
	{ name: 'Bondi Bean Roasters Pty Ltd', country: 'AU' },
	{ name: 'Red Centre Earthmoving Pty Ltd', country: 'AU' },
	{ name: 'Fremantle Marine Electrics Pty Ltd', country: 'AU' },
	{ name: 'Yarra Valley Cellar Door Pty Ltd', country: 'AU' },
	{ name: 'Brisbane Northside Physio Pty Ltd', country: 'AU' },
	{ name: 'Coral Coast Dive Charters Pty Ltd', country: 'AU' },
	{ name: 'Hobart Wharf Seafoods Pty Ltd', country: 'AU' },
	{ name: 'Adelaide Hills Orchards Pty Ltd', country: 'AU' },
	{ name: 'Newcastle Steel Fabrication Pty Ltd', country: 'AU' },
	{ name: 'Barossa Cooperage Pty Ltd', country: 'AU' },
	{ name: 'Darwin Tropical Landscaping Pty Ltd', country: 'AU', organisationType: 'TRUST' },
];

/** Fills every detail field a partial client lacks. Used by the seed and by state.addClient. */
export function completeClient(partial: DocumentedClient): XavierClientDetail {
	return {
		id: partial.id,
		name: partial.name,
		practiceCode: partial.practiceCode ?? null, // FACT: null in every example
		providerId: partial.providerId,
		alertLevel: partial.alertLevel ?? alertLevelFor(partial.healthScore),
		healthScore: partial.healthScore,
		organisationType: partial.organisationType ?? 'COMPANY', // FACT: the only value seen
		companyNumber: partial.companyNumber === undefined ? null : partial.companyNumber,
		hmrcStatus: partial.hmrcStatus ?? 'NOT_CONNECTED', // FACT: the only value seen
		yearEnd: partial.yearEnd ?? '2021-03-31',
		vatDetails: { ...(partial.vatDetails ?? NO_VAT) },
		metrics: { ...(partial.metrics ?? { debtorBalance: 0, avgDebtorDays: 0, oneDayImpact: null }) },
		bankReconciliation: { ...(partial.bankReconciliation ?? { bankAccounts: 1, manualFeeds: 0 }) },
	};
}

function companyNumber(r: SeededRandom, country: Country, organisationType: string): string | null {
	if (organisationType === 'SOLE_TRADER') return null; // not incorporated (INFERENCE: then no number)
	const digits = (n: number) => r.string(n, '0123456789');
	if (country === 'NZ') return digits(7);
	if (country === 'AU') return digits(9); // ACN
	if (organisationType === 'PARTNERSHIP') return `OC${digits(6)}`; // LLPs
	return digits(8);
}

function vatDetails(r: SeededRandom, country: Country, organisationType: string): XavierVatDetails {
	// The VAT block is UK-shaped; INFERENCE: NZ/AU (GST) clients and unregistered sole traders get nulls.
	if (country !== 'UK' || organisationType === 'SOLE_TRADER') return { ...NO_VAT };
	const monthly = r.next() < 0.2;
	return {
		scheme: r.pick(['CASH', 'CASH', 'ACCRUAL', 'FLAT_RATE']), // only CASH documented; the others ours
		number: `GB ${r.string(9, '0123456789')}`,
		reportingCycle: monthly ? 'MONTHLY' : 'QUARTERLY',
		periodStart: monthly ? '2020-09-01' : '2020-07-01',
		periodEnd: '2020-09-30',
	};
}

function uniqueCode(r: SeededRandom, taken: Set<string>, make: () => string): string {
	for (;;) {
		const code = make();
		if (!taken.has(code)) {
			taken.add(code);
			return code;
		}
	}
}

/** A fresh ID in the documented style (five base62 characters) not yet in `taken`. */
export function newClientId(r: SeededRandom, taken: Set<string>): string {
	return uniqueCode(r, taken, () => r.string(5, BASE62));
}

export function newProviderId(r: SeededRandom, taken: Set<string>): string {
	return uniqueCode(r, taken, () => `!${r.string(5, SHORTCODE_CHARS)}`);
}

function generatedClient(r: SeededRandom, spec: (typeof GENERATED)[number], ids: Set<string>, providerIds: Set<string>): XavierClientDetail {
	const organisationType = spec.organisationType ?? 'COMPANY';
	const bankAccounts = r.int(1, 6);
	return completeClient({
		id: newClientId(r, ids),
		name: spec.name,
		providerId: newProviderId(r, providerIds),
		healthScore: spec.healthScore ?? r.int(45, 98),
		organisationType,
		companyNumber: companyNumber(r, spec.country, organisationType),
		yearEnd: spec.country === 'AU' ? '2021-06-30' : r.pick(['2021-03-31', '2021-03-31', '2020-12-31']),
		vatDetails: vatDetails(r, spec.country, organisationType),
		metrics: {
			debtorBalance: r.float(0, 65000, 2),
			avgDebtorDays: r.int(4, 220),
			// FACT: null for one documented client, a float for the other; keep about a third null.
			oneDayImpact: r.next() < 0.35 ? null : r.float(0, 400, 2),
		},
		bankReconciliation: { bankAccounts, manualFeeds: r.int(0, bankAccounts) },
	});
}

const ANNUAL = { start: '2019-07-01', end: '2020-06-30' }; // FACT: the documented annual window

function countsBlock(r: SeededRandom): Omit<XavierStatsBlock, 'start' | 'end' | 'turnover' | `${string}ChangeYoY`> {
	const salesCount = r.int(5, 1400);
	const billsCount = r.int(5, 900);
	const creditsCount = r.int(0, 40);
	const manualJournalsCount = r.int(0, 60);
	const bankTransactionsCount = r.int(20, 2800);
	return {
		salesCount,
		billsCount,
		creditsCount,
		manualJournalsCount,
		bankTransactionsCount,
		totalCount: salesCount + billsCount + creditsCount + manualJournalsCount + bankTransactionsCount,
	};
}

function changeValue(r: SeededRandom): number | null {
	// INFERENCE: change fields can be null (no prior period), integers or floats.
	const roll = r.next();
	if (roll < 0.1) return null;
	if (roll < 0.5) return r.int(-60, 250);
	return r.float(-60, 250, 2);
}

function averaged(block: XavierStatsBlock, divisor: number): XavierStatsBlock {
	const counts = {
		salesCount: Math.round(block.salesCount / divisor),
		billsCount: Math.round(block.billsCount / divisor),
		creditsCount: Math.round(block.creditsCount / divisor),
		manualJournalsCount: Math.round(block.manualJournalsCount / divisor),
		bankTransactionsCount: Math.round(block.bankTransactionsCount / divisor),
	};
	const totalCount = Object.values(counts).reduce((sum, n) => sum + n, 0);
	return { ...block, turnover: Number((block.turnover / divisor).toFixed(2)), ...counts, totalCount };
}

function withMoM(block: XavierStatsBlock, mom: (key: string) => number | null): XavierQuarterlyStatsBlock {
	return {
		...block,
		turnoverChangeMoM: mom('turnover'),
		salesChangeMoM: mom('sales'),
		billsChangeMoM: mom('bills'),
		creditsChangeMoM: mom('credits'),
		manualJournalsChangeMoM: mom('manualJournals'),
		bankTransactionsChangeMoM: mom('bankTransactions'),
		totalChangeMoM: mom('total'),
	};
}

/** Deterministic activity stats for any client ID (seeded from the ID, so an added client gets some too). */
export function generatedActivityStats(clientId: string): XavierActivityStats {
	const r = seededRandom(hashString(clientId));
	const annual: XavierStatsBlock = {
		...ANNUAL,
		turnover: r.float(12000, 950000, 2),
		...countsBlock(r),
		turnoverChangeYoY: changeValue(r),
		salesChangeYoY: changeValue(r),
		billsChangeYoY: changeValue(r),
		creditsChangeYoY: changeValue(r),
		manualJournalsChangeYoY: changeValue(r),
		bankTransactionsChangeYoY: changeValue(r),
		totalChangeYoY: changeValue(r),
	};
	return { annual, monthlyAverage: averaged(annual, 12), quarterlyAverage: withMoM(averaged(annual, 4), () => changeValue(r)) };
}

/** The documented example (annual window, turnover, totalCount, YoY 0/3200/14200, MoM 84.4/38.89/112.5);
 * how the counts split up and which field carries which change value is ours. */
function documentedActivityStats(): XavierActivityStats {
	const annual: XavierStatsBlock = {
		...ANNUAL,
		turnover: 28713.35,
		salesCount: 38,
		billsCount: 52,
		creditsCount: 3,
		manualJournalsCount: 4,
		bankTransactionsCount: 46,
		totalCount: 143,
		turnoverChangeYoY: 14200,
		salesChangeYoY: 3200,
		billsChangeYoY: 0,
		creditsChangeYoY: 0,
		manualJournalsChangeYoY: 0,
		bankTransactionsChangeYoY: 3200,
		totalChangeYoY: 14200,
	};
	const mom: Record<string, number> = { turnover: 84.4, sales: 38.89, bills: 112.5 };
	return { annual, monthlyAverage: averaged(annual, 12), quarterlyAverage: withMoM(averaged(annual, 4), (key) => mom[key] ?? 0) };
}

export const XAVIER_SEED_NUMBER = 20200722; // the date the current detail model was documented

export interface XavierSeed {
	clients: XavierClientDetail[];
	activityStats: Map<string, XavierActivityStats>;
}

/** 40 clients: the 6 documented ones, then 34 generated. Same output on every call. */
export function buildXavierSeed(): XavierSeed {
	const r = seededRandom(XAVIER_SEED_NUMBER);
	const documented = DOCUMENTED.map((c) => completeClient(c));
	const ids = new Set(documented.map((c) => c.id));
	const providerIds = new Set(documented.map((c) => c.providerId));
	const generated = GENERATED.map((spec) => generatedClient(r, spec, ids, providerIds));
	const clients = [...documented, ...generated];
	const activityStats = new Map(clients.map((c) => [c.id, generatedActivityStats(c.id)]));
	activityStats.set('8eb3l', documentedActivityStats());
	return { clients, activityStats };
}
