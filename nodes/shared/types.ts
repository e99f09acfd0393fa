import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	INodeProperties,
	IPollFunctions,
} from 'n8n-workflow';

import type { JsonShape } from './validate';

/** Every context our code makes requests from. */
export type RequestContext = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions;

export type HeaderMap = Record<string, string | string[] | undefined>;

/** What a provider is, as far as the one shared HTTP path needs to know. */
export interface ProviderConfig {
	/** Name used in messages, e.g. "Xavier Analytics". */
	displayName: string;
	credentialType: string;
	/** Base URL from the decrypted credential (no trailing slash). */
	baseUrl: (credentials: IDataObject) => string;
	/** Documented limit; the pacer keeps a run under it. */
	rateLimit?: { requests: number; perMs: number };
	/**
	 * Milliseconds to wait before retrying, read from the provider's own reset headers
	 * (Retry-After is handled for every provider).
	 */
	resetDelayMs?: (headers: HeaderMap, now: number) => number | undefined;
	/** The provider's own error text from an error body, if it has one. */
	errorMessage?: (body: unknown, statusCode: number) => string | undefined;
	/**
	 * A 404 that means the route itself does not exist (most often a Base URL missing its path
	 * prefix), told from a record not found by the provider's text (capped before the test runs),
	 * and what to say about the Base URL then.
	 */
	missingRoute?: { test: (text: string) => boolean; hint: string };
	/** Extra headers on every request (e.g. Accept). */
	headers?: Record<string, string>;
	/**
	 * Input items whose operation is a GET run up to this many at a time (writes always one by one,
	 * in item order); a credential offering Reads at Once (readsAtOnceField) may set another number.
	 * Unset: every item waits for the one before it.
	 */
	readConcurrency?: number;
	/** Per-request timeout in milliseconds. */
	timeoutMs?: number;
	/**
	 * All requests of one input item together (retries, waits, pages), in milliseconds; default 15
	 * minutes, 0 for none. The credential's Time Limit per Item wins.
	 */
	itemTimeLimitMs?: number;
	/** Attempts in total (first try + retries). */
	maxAttempts?: number;
	/** Upper bound for one wait before a retry; a longer required wait fails the request. */
	maxWaitMs?: number;
	/**
	 * Session-token providers (a login call issues a short-lived token): headers to add to each
	 * attempt, and which answers mean "the token is no longer good". On such an answer the request
	 * asks for fresh headers (`refresh: true`) and is sent once more.
	 */
	session?: {
		headers: (ctx: RequestContext, credentials: IDataObject, baseUrl: string, refresh: boolean) => Promise<Record<string, string>>;
		isExpired: (statusCode: number, body: unknown) => boolean;
	};
	/**
	 * What is wrong with the credential before anything is sent (e.g. a Base URL that cannot be
	 * the API), or undefined. Asked once per run, from inside the item loop, so that with Continue
	 * On Fail each item gets the error instead of the whole run stopping.
	 */
	credentialProblem?: (credentials: IDataObject) => { message: string; description?: string } | undefined;
	/** Per-item request settings the node exposes as parameters (e.g. the longest rate-limit wait). */
	requestOptions?: (ctx: IExecuteFunctions, itemIndex: number) => OperationContext['requestOptions'];
	/**
	 * Rewords an item's error with what only the provider knows (the ability a key lacks, the version
	 * that added a route), given the row the item ran. Returns the error unchanged otherwise.
	 */
	translateError?: (error: Error, opCtx: OperationContext, row: OperationDef) => Error;
}

export interface ApiRequest {
	method: IHttpRequestMethods;
	/** Path below the base URL, already encoded (use `pathWith`). */
	path?: string;
	/** Absolute URL (e.g. a next-page link); wins over `path`. */
	url?: string;
	qs?: IDataObject;
	/** JSON body; or raw bytes (e.g. a multipart body built by the node) sent with the caller's Content-Type. */
	body?: IDataObject | IDataObject[] | Buffer;
	headers?: Record<string, string>;
	/** 'arraybuffer': the answer is read as bytes (files), not parsed as JSON. */
	encoding?: 'arraybuffer';
	/** Per-call override of the provider's timeout. */
	timeoutMs?: number;
}

export interface ApiResponse {
	statusCode: number;
	headers: HeaderMap;
	body: unknown;
}

/** How a list endpoint pages, as data. */
export type Pagination =
	/** The API returns everything at once; Return All / Limit are applied here. */
	| { type: 'none'; itemsPath?: string }
	/** Page size parameter plus a next-page link in the body (Cliniko, Laravel resources). */
	| {
			type: 'nextLink';
			itemsPath: string;
			nextLinkPath: string;
			pageSizeParam: string;
			maxPageSize: number;
			/** Set when the API numbers its pages and reports its total: see `NumberedPages`. */
			numberedPages?: NumberedPages;
	  }
	/** limit/offset parameters; the end is a short page. */
	| { type: 'offset'; itemsPath?: string; limitParam: string; offsetParam: string; maxPageSize: number }
	/**
	 * The provider walks its own pages (an envelope to open, paging it has to detect): yields each
	 * page's records; `wanted` (undefined = everything) is only a hint, the caller stops reading.
	 */
	| {
			type: 'custom';
			pages: (
				ctx: RequestContext,
				request: ApiRequest,
				options: { itemIndex?: number; notFound?: string; maxWaitMs?: number },
				wanted: number | undefined,
			) => AsyncIterable<IDataObject[]>;
	  };

/**
 * A next-link list whose links differ only in a page number and whose first page says how many
 * records there are (Cliniko: `page`, `total_entries`). Following one link at a time pays a full
 * round trip per page; knowing the total, the next pages can be asked for a few at a time. Each page's
 * own next link is still checked against the page fetched after it, so the records are exactly those
 * a one-by-one walk would give; on any doubt the walk goes on one link at a time.
 */
export interface NumberedPages {
	/** Query parameter holding the page number in the next link (`page`). */
	pageParam: string;
	/** Where the first page's body holds the total number of records (`total_entries`). */
	totalPath: string;
	/** Requests in flight at once, the one being read included. */
	concurrency: number;
}

/** Where a parameter of the node goes in the request. */
export interface ParamMapping {
	/** Node parameter name (resource locators are read with extractValue). */
	param: string;
	/** Name in the path template / query / body; defaults to `param`. */
	as?: string;
	/** Whether an empty value is an error (path parameters always are). */
	required?: boolean;
	/** Display name used in validation messages. */
	label?: string;
}

export interface OperationContext {
	ctx: IExecuteFunctions;
	itemIndex: number;
	provider: ProviderConfig;
	/** Per-run request settings the node exposes (e.g. the longest rate-limit wait). */
	requestOptions?: { maxWaitMs?: number };
}

/** How the node's parameters become a JSON body. */
export interface BodyDef {
	/** Top-level parameters, each one body key. */
	fields?: ParamMapping[];
	/** Collection parameters ("Additional Fields", "Update Fields") whose entries are body keys. */
	collections?: string[];
	/**
	 * Body keys whose values are JSON text typed by the user: parsed, with an error naming the field
	 * (`label`, its display name) if malformed or not of the expected `shape`.
	 */
	jsonKeys?: Array<{ key: string; label: string; shape?: JsonShape }>;
}

/** One row of a provider's operations table. */
export interface OperationDef {
	resource: string;
	operation: string;
	/** Title Case name shown in the dropdown. */
	name: string;
	/** Sentence case, includes the resource ("Get a client"). */
	action: string;
	description: string;
	method: IHttpRequestMethods;
	/**
	 * The node parameter holding the HTTP method, when the user picks it (a call to any endpoint, run
	 * by the row's own `run`); `method` is then its default. Whether an item only reads is told from it.
	 */
	methodParam?: string;
	/** Path template with {placeholders}, as the provider documents it. */
	path: string;
	pathParams?: ParamMapping[];
	query?: ParamMapping[];
	/** Present on list operations: adds Return All / Limit. */
	pagination?: Pagination;
	/** Turn the raw response body into the output records. */
	/** `pathValues`: the path parameters as read for the request (reading one again evaluates its expression again). */
	unwrap?: (body: unknown, opCtx: OperationContext, pathValues: Record<string, string>) => IDataObject | IDataObject[];
	/** Validate parameters before anything is sent; throw NodeOperationError. */
	validate?: (opCtx: OperationContext, pathValues: Record<string, string>) => void;
	/** Filter/transform the records after fetching (list filters the API does not offer). */
	postProcess?: (records: IDataObject[], opCtx: OperationContext) => IDataObject[];
	/** What goes into the request body (POST/PATCH/PUT). */
	body?: BodyDef;
	/** Extra query parameters computed from the node's parameters (filter builders, switches). */
	buildQuery?: (opCtx: OperationContext) => IDataObject;
	/** Last look at the body before it is sent (wrapping, merging with a fetched record). */
	buildBody?: (body: IDataObject, opCtx: OperationContext) => IDataObject | Promise<IDataObject>;
	/** Output for an empty answer (204), given the resolved path parameters. */
	emptyResult?: (pathValues: Record<string, string>) => IDataObject;
	/** Message for a 404, given the resolved path parameters. */
	notFound?: (pathValues: Record<string, string>) => string;
	/** Extra UI fields of this operation (displayOptions are added by the builder). */
	fields?: INodeProperties[];
	/**
	 * The row's whole work, when it is more than the one request the fields above describe (an
	 * async export job, a read with a fallback): the executor calls it instead of sending the
	 * request itself, and pairs its output items with the input item. Everything else on the row
	 * (method, path, fields) still describes the operation for the editor and the catalogue.
	 */
	run?: (opCtx: OperationContext, row: OperationDef) => Promise<INodeExecutionData[]>;
	/** What the answer is when it is not JSON records: a file becomes the item's binary data (see FileResponse). */
	response?: FileResponse;
	/** Files of the input item to send with the body, which then goes as multipart form data (see AttachmentsDef). */
	attachments?: AttachmentsDef;
}

/** What the executor was sending when the answer came: the request and its resolved path values. */
export interface SentRequest {
	request: ApiRequest;
	pathValues: Record<string, string>;
}

/**
 * An operation whose answer is a file (a PDF, an export): read as bytes and output as the item's
 * binary data, with `{...json, fileName, mimeType, fileSize}` as its JSON. An HTML page, a JSON
 * body or an empty answer is not a file: the item fails with `noFileMessage`.
 */
export interface FileResponse {
	kind: 'file';
	/** Node parameter holding the output binary property's name ('binaryPropertyName' when unset). */
	binaryPropertyParam?: string;
	/** The file's name when the answer's Content-Disposition names none. */
	fallbackName: (sent: SentRequest, opCtx: OperationContext) => string;
	/** Why there is no file, when the server answered something else. */
	noFileMessage: (sent: SentRequest, opCtx: OperationContext) => string;
	/** Keys of the output JSON before the file's own (e.g. the record's ID). */
	json?: (sent: SentRequest, opCtx: OperationContext) => IDataObject;
}

/**
 * Attachments read from the input item's binary properties: `param` is the node parameter listing
 * their names (comma-separated), `field` the form field each file goes in, `max` how many the API
 * takes. With none listed, the body goes as JSON as usual.
 */
export interface AttachmentsDef {
	param: string;
	field: string;
	max: number;
}
