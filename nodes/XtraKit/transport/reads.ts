/**
 * Reads one XtraKit node run keeps in flight by default (the credential's Reads at Once sets another
 * number). No rate limit is documented (docs.xtrakit.com has no rate-limit section, and its list of
 * status codes has no 429: the research note xavier-xtrakit.md, 2.3), so the node does not pace
 * itself; 429/503 are still retried. n8n's HTTP Request node sends every item's request at once by
 * default; with 4 in flight a run of 1,000 Gets waited on round trips. More in flight is faster still
 * (bench/results.md, table 5), but the default stays polite to a small provider whose capacity nobody
 * documents, and the account's owner decides to raise it. Its own file: the credential reads it, and
 * must not load the provider when n8n starts.
 */
export const XTRAKIT_READS_AT_ONCE = 8;
