// The Xavier simulator's mutable data. The real API is read-only; tests change the data here to drive
// trigger scenarios (a client appears, its health score drops, it disappears). Values are not
// validated on purpose: a test may plant an odd value (a null score, a float) to check the node copes.
import { hashString, seededRandom, type SeededRandom } from '../core';
import type { XavierActivityStats, XavierClientDetail, XavierClientListItem } from './schemas';
import { alertLevelFor, buildXavierSeed, completeClient, generatedActivityStats, newClientId, newProviderId } from './seed';

export type XavierClientInput = Partial<XavierClientDetail>;
/** Top-level fields replace; the nested blocks (vatDetails, metrics, bankReconciliation) merge. */
export type XavierClientPatch = Partial<Omit<XavierClientDetail, 'id' | 'vatDetails' | 'metrics' | 'bankReconciliation'>> & {
	vatDetails?: Partial<XavierClientDetail['vatDetails']>;
	metrics?: Partial<XavierClientDetail['metrics']>;
	bankReconciliation?: Partial<XavierClientDetail['bankReconciliation']>;
};

export class XavierState {
	private byId = new Map<string, XavierClientDetail>();
	private stats = new Map<string, XavierActivityStats>();
	private random: SeededRandom = seededRandom(0);
	private added = 0;

	constructor() {
		this.reset();
	}

	/** Back to the 40 seed clients. */
	reset(): void {
		const seed = buildXavierSeed();
		this.byId = new Map(seed.clients.map((c) => [c.id, c]));
		this.stats = seed.activityStats;
		// IDs for added clients come from their own seeded stream, so they too repeat run after run.
		this.random = seededRandom(hashString('xavier-added-clients'));
		this.added = 0;
	}

	/** Every client, full detail, in list order (copies: changing them changes nothing). */
	clients(): XavierClientDetail[] {
		return [...this.byId.values()].map((c) => structuredClone(c));
	}

	client(id: string): XavierClientDetail | undefined {
		const found = this.byId.get(id);
		return found && structuredClone(found);
	}

	/** What GET /clients returns: the summarised form. */
	listItems(): XavierClientListItem[] {
		return [...this.byId.values()].map(({ id, name, practiceCode, providerId, alertLevel, healthScore }) => ({
			id,
			name,
			practiceCode,
			providerId,
			alertLevel,
			healthScore,
		}));
	}

	activityStats(id: string): XavierActivityStats | undefined {
		const found = this.stats.get(id);
		return found && structuredClone(found);
	}

	/** Adds a client at the end of the list; missing fields get plausible values. Returns it. */
	addClient(partial: XavierClientInput = {}): XavierClientDetail {
		const ids = new Set(this.byId.keys());
		const id = partial.id ?? newClientId(this.random, ids);
		if (this.byId.has(id)) throw new Error(`Xavier simulator: client ${id} already exists`);
		this.added += 1;
		const healthScore = partial.healthScore ?? 80;
		const client = completeClient({
			...partial,
			id,
			name: partial.name ?? `New Client ${this.added} Ltd`,
			providerId: partial.providerId ?? newProviderId(this.random, new Set([...this.byId.values()].map((c) => c.providerId))),
			healthScore,
			alertLevel: partial.alertLevel ?? alertLevelFor(healthScore),
		});
		this.byId.set(id, client);
		this.stats.set(id, generatedActivityStats(id));
		return structuredClone(client);
	}

	/** Changes a client in place (its list position stays). alertLevel is NOT derived from a new
	 * healthScore: set both when a test needs both to move. Returns the updated client. */
	updateClient(id: string, patch: XavierClientPatch): XavierClientDetail {
		const current = this.byId.get(id);
		if (!current) throw new Error(`Xavier simulator: no client ${id}`);
		const { vatDetails, metrics, bankReconciliation, ...top } = patch;
		const updated: XavierClientDetail = {
			...current,
			...top,
			id,
			vatDetails: { ...current.vatDetails, ...vatDetails },
			metrics: { ...current.metrics, ...metrics },
			bankReconciliation: { ...current.bankReconciliation, ...bankReconciliation },
		};
		this.byId.set(id, updated);
		return structuredClone(updated);
	}

	/** Removes a client; false when there was none. */
	removeClient(id: string): boolean {
		this.stats.delete(id);
		return this.byId.delete(id);
	}

	setActivityStats(id: string, stats: XavierActivityStats): void {
		if (!this.byId.has(id)) throw new Error(`Xavier simulator: no client ${id}`);
		this.stats.set(id, structuredClone(stats));
	}
}
