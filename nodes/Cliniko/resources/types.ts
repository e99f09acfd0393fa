/**
 * The shape of the operation table generated from Cliniko's OpenAPI document
 * (scripts/generate-cliniko.js writes ../generated/spec.json, typed by spec.ts). Everything here is data: the hand-written
 * layer in this folder turns it into n8n parameters and executor rows.
 */

/** Type of a `q[]` filter field, as the spec's filter tables name it. */
export type FilterType = 'boolean' | 'date' | 'dateTime' | 'int64' | 'integer' | 'string' | 'array';

/** How a body or query field is edited and sent. */
export type FieldKind =
	/** plain text */
	| 'string'
	/** a decimal amount Cliniko sends and takes as a string ("50.00") */
	| 'decimal'
	| 'number'
	| 'boolean'
	/** one of `options` */
	| 'options'
	/** UTC date-time, sent as `2024-05-01T09:30:00Z` */
	| 'dateTime'
	/** calendar date, sent as `2024-05-01` */
	| 'date'
	/** an int64 ID, always a string */
	| 'id'
	/** a list of int64 IDs, always strings */
	| 'idList'
	/** an object or array, typed as JSON */
	| 'json';

export interface SpecOption {
	name: string;
	value: string | number;
}

export interface SpecField {
	/** Cliniko's own field name (body key or query parameter). */
	key: string;
	/** Display name, e.g. "Date of Birth". */
	label: string;
	kind: FieldKind;
	description?: string;
	options?: SpecOption[];
	/** Resource an `id` / `idList` field points at (a resource value, e.g. `practitioner`). */
	entity?: string;
	nullable?: boolean;
	min?: number;
	max?: number;
	placeholder?: string;
	/** Query parameters only: the spec marks it required. */
	required?: boolean;
}

/** What an operation does, by its method and path pattern. */
export type OperationKind =
	| 'list'
	| 'get'
	| 'create'
	| 'update'
	| 'archive'
	| 'unarchive'
	| 'cancel'
	| 'delete'
	| 'other';

export interface SpecPathParam {
	/** Placeholder in the path, e.g. `id`, `practitioner_id`. */
	key: string;
	/** Node parameter name, e.g. `patientId`. */
	param: string;
	/** Resource the ID belongs to, e.g. `patient`. */
	entity: string;
	/** Display name of that resource, e.g. "Patient". */
	label: string;
}

export interface SpecOperation {
	resource: string;
	operation: string;
	/** Title Case name in the Operation dropdown. */
	name: string;
	/** The spec's summary in sentence case. */
	action: string;
	description: string;
	method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
	/** Exactly as in the spec. */
	path: string;
	kind: OperationKind;
	/** The spec's operationId. */
	operationId: string;
	pathParams: SpecPathParam[];
	/** Lists: the key of the records array in the answer (the plural resource name). */
	itemsPath?: string;
	/** `q[]` fields the spec documents for this operation, with their types. */
	filters?: Array<[string, FilterType]>;
	/** Whether the operation takes `sort`. */
	sort?: boolean;
	/** Other query parameters (e.g. `from` / `to`). */
	query?: SpecField[];
	/** Key of the request body in `bodies`. */
	body?: string;
	/** The answer is 204 No Content. */
	empty?: boolean;
}

export interface SpecResource {
	value: string;
	/** Singular display name, e.g. "Individual Appointment". */
	name: string;
	/** Lower-case plural for sentences, e.g. "individual appointments". */
	plural: string;
}
