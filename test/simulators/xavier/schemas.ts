// Xavier Analytics (Dext Precision) contract, from /work/shared/research/xavier-xtrakit.md §1 and the
// official doc history (HatchApps/xavier-help, api.md). Request schemas: the API documents no query
// parameters and no bodies. Response schemas: strict, so tests can check that the simulator itself
// stays on the documented shapes.
import { z } from 'zod';

/** No route takes query parameters (FACT: none documented); any key is a contract violation. */
const noQuery = z.object({}).strict();

export const xavierQuerySchemas = {
	listClients: noQuery,
	getClient: noQuery,
	getActivityStats: noQuery,
};

// INFERENCE (research 1.4/1.5): every documented "integer" other than counts can be a float or null,
// and alertLevel is a free string (success and warning seen; a red level is inferred).
const looseNumber = z.number().nullable();

export const xavierClientListItemSchema = z
	.object({
		id: z.string(),
		name: z.string(),
		practiceCode: z.string().nullable(), // null in every example; typed string since Jan 2020
		providerId: z.string(),
		alertLevel: z.string(),
		healthScore: z.number().int(),
	})
	.strict();

/** GET /clients: a bare array, no envelope, no pagination. */
export const xavierClientListSchema = z.array(xavierClientListItemSchema);

export const xavierVatDetailsSchema = z
	.object({
		scheme: z.string().nullable(),
		number: z.string().nullable(),
		reportingCycle: z.string().nullable(),
		periodStart: z.string().nullable(),
		periodEnd: z.string().nullable(),
	})
	.strict();

export const xavierClientDetailSchema = xavierClientListItemSchema
	.extend({
		organisationType: z.string(),
		companyNumber: z.string().nullable(),
		hmrcStatus: z.string(),
		yearEnd: z.string(),
		vatDetails: xavierVatDetailsSchema,
		metrics: z
			.object({
				debtorBalance: z.number(),
				avgDebtorDays: z.number().int(),
				oneDayImpact: looseNumber, // documented integer; the screenshots show null and 93.25
			})
			.strict(),
		bankReconciliation: z.object({ bankAccounts: z.number().int(), manualFeeds: z.number().int() }).strict(),
	})
	.strict();

/** GET /clients/{id} as the first (Jan 2020) doc showed it, wrapped in a one-element array. */
export const xavierLegacyClientDetailSchema = z.array(xavierClientDetailSchema).length(1);

const statsBlockShape = {
	start: z.string(),
	end: z.string(),
	turnover: z.number(),
	salesCount: z.number().int(),
	billsCount: z.number().int(),
	creditsCount: z.number().int(),
	manualJournalsCount: z.number().int(),
	bankTransactionsCount: z.number().int(),
	totalCount: z.number().int(),
	// Field names as in the official model (`salesChangeYoY`, not `salesCountChangeYoY`).
	turnoverChangeYoY: looseNumber,
	salesChangeYoY: looseNumber,
	billsChangeYoY: looseNumber,
	creditsChangeYoY: looseNumber,
	manualJournalsChangeYoY: looseNumber,
	bankTransactionsChangeYoY: looseNumber,
	totalChangeYoY: looseNumber,
};

export const xavierStatsBlockSchema = z.object(statsBlockShape).strict();

// quarterlyAverage (added July 2020) also has `*ChangeMoM` fields (FACT). Their exact names are not in
// our stored copy of the doc; INFERENCE: they mirror the YoY names.
export const xavierQuarterlyStatsBlockSchema = z
	.object({
		...statsBlockShape,
		turnoverChangeMoM: looseNumber,
		salesChangeMoM: looseNumber,
		billsChangeMoM: looseNumber,
		creditsChangeMoM: looseNumber,
		manualJournalsChangeMoM: looseNumber,
		bankTransactionsChangeMoM: looseNumber,
		totalChangeMoM: looseNumber,
	})
	.strict();

export const xavierActivityStatsSchema = z
	.object({
		annual: xavierStatsBlockSchema,
		monthlyAverage: xavierStatsBlockSchema,
		quarterlyAverage: xavierQuarterlyStatsBlockSchema,
	})
	.strict();

/** Error bodies: none documented. INFERENCE: Laravel-style `{ message }` (see routes.ts). */
export const xavierErrorSchema = z.object({ message: z.string() }).strict();

export type XavierClientListItem = z.infer<typeof xavierClientListItemSchema>;
export type XavierClientDetail = z.infer<typeof xavierClientDetailSchema>;
export type XavierVatDetails = z.infer<typeof xavierVatDetailsSchema>;
export type XavierStatsBlock = z.infer<typeof xavierStatsBlockSchema>;
export type XavierQuarterlyStatsBlock = z.infer<typeof xavierQuarterlyStatsBlockSchema>;
export type XavierActivityStats = z.infer<typeof xavierActivityStatsSchema>;
