#!/usr/bin/env node
// Generates nodes/Cliniko/generated/spec.json (read through spec.ts) — the table of every current (non-deprecated) operation of
// Cliniko's official OpenAPI document, with its path, filters and current (non-deprecated) body fields — from
// specs/cliniko-openapi.yaml. The output is committed and reviewed; the node's
// hand-written layer (nodes/Cliniko/resources/) turns it into n8n parameters and curates the core
// resources on top.
//
//   node scripts/generate-cliniko.js           rewrite the generated file
//   node scripts/generate-cliniko.js --check   exit 1 when the committed file is stale
'use strict';

const fs = require('fs');
const path = require('path');
const YAML = require('yaml');

const root = path.join(__dirname, '..');
const SPEC_FILE = path.join(root, 'specs', 'cliniko-openapi.yaml');
// JSON, not a TypeScript literal: n8n parses the table at every start, and JSON parses several times
// faster than the same object as code (issue 17: cold load). spec.ts gives it its types.
const OUT_FILE = path.join(root, 'nodes', 'Cliniko', 'generated', 'spec.json');
const METHODS = ['get', 'post', 'patch', 'put', 'delete'];

// ------------------------------------------------------------------------------------------------
// Words
// ------------------------------------------------------------------------------------------------

// The node labels filter fields at run time with the same words (nodes/Cliniko/resources/words.ts), so
// that file is the one source: it has no imports, and is compiled here on the fly.
const { labelOf, SMALL_WORDS } = requireTypeScript(path.join(root, 'nodes', 'Cliniko', 'resources', 'words.ts'));

function requireTypeScript(file) {
	const ts = require('typescript');
	const { outputText } = ts.transpileModule(fs.readFileSync(file, 'utf8'), {
		compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
	});
	const module = { exports: {} };
	new Function('module', 'exports', outputText)(module, module.exports);
	return module.exports;
}

/** n8n's Title Case for display text: "Feeling better" → "Feeling Better", "Out of date" → "Out of Date". */
function titleCase(text) {
	return String(text)
		.split(' ')
		.map((w, i, all) =>
			i > 0 && i < all.length - 1 && SMALL_WORDS.has(w.toLowerCase()) ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1),
		)
		.join(' ');
}

/** "Individual Appointment" / "individual_appointment" → "individualAppointment". */
function camel(text) {
	const words = text.split(/[\s_-]+/).filter(Boolean);
	return words.map((w, i) => (i === 0 ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())).join('');
}

/** "appointment_type" / "appointmentType" → "AppointmentType". */
function pascal(text) {
	const c = /[\s_-]/.test(text) ? camel(text) : text;
	return c.charAt(0).toUpperCase() + c.slice(1);
}

function article(noun) {
	return /^([aeio]|u(?!s))/i.test(noun) ? 'an' : 'a';
}

function sentenceCase(text) {
	const t = text.trim();
	return t.charAt(0).toUpperCase() + t.slice(1);
}

function pluralize(noun) {
	if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
	if (/(s|x|ch|sh)$/.test(noun)) return `${noun}es`;
	return `${noun}s`;
}

/** Markdown of the spec → plain text that follows n8n's description conventions. */
function cleanText(text) {
	if (!text) return undefined;
	let t = String(text)
		.replace(/\[([^\]]+)\]\((https?:\/\/[^)]+)\)/g, '$1 ($2)')
		.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
		.replace(/\*\*/g, '')
		.replace(/`/g, '"')
		.replace(/\s*\n+\s*/g, ' ')
		.replace(/\s{2,}/g, ' ')
		.trim();
	t = t.replace(/\bids\b/g, 'IDs').replace(/\bid\b/g, 'ID').replace(/\burl\b/gi, 'URL').replace(/\bjson\b/gi, 'JSON');
	return finishDescription(t);
}

/** n8n's lint: one sentence ends without a period, several sentences end with one. */
function finishDescription(text) {
	let t = text.trim();
	if (t === '') return undefined;
	// "e.g. AU" does not end a sentence.
	const sentences = t.replace(/\b(e\.g|i\.e)\./g, '$1').split(/(?<=\.)\s+(?=[A-Z"])/);
	if (sentences.length <= 1) t = t.replace(/\.$/, '');
	else if (!/[.!?)]$/.test(t)) t = `${t}.`;
	return sentenceCase(t);
}

// ------------------------------------------------------------------------------------------------
// Hand-written wording the spec does not carry (reviewed with the output)
// ------------------------------------------------------------------------------------------------

/** Resource overrides: tags that are not one singular noun. */
const RESOURCE_OF_TAG = {
	Settings: { value: 'setting', name: 'Setting', plural: 'settings' },
	'Public Settings': { value: 'setting', name: 'Setting', plural: 'settings' },
};

/** Operations no path pattern names well. */
const OPERATION_OVERRIDES = {
	'GET /user': { operation: 'getCurrent', name: 'Get Current', description: 'Get the user who owns the API key' },
	'GET /settings': { operation: 'get', name: 'Get', description: 'Get the account settings (needs a role that can view settings)' },
	'GET /settings/public': { operation: 'getPublic', name: 'Get Public', description: 'Get the settings any user may read' },
	'GET /patients/{patient_id}/referral_source': {
		operation: 'get',
		name: 'Get',
		kind: 'get',
		description: "Get a patient's referral source",
	},
	'PATCH /patients/{patient_id}/referral_source': {
		operation: 'update',
		name: 'Update',
		kind: 'update',
		description: "Update a patient's referral source (only the fields you set are changed)",
	},
	'GET /patients/{patient_id}/attachment_presigned_post': {
		operation: 'getPresignedPost',
		name: 'Get Upload URL',
		// The spec's summary ("Get a presigned URL to upload your file to S3") names no record: as an AI
		// Agent tool description (action + " in Cliniko") it would not say the file is a patient's attachment.
		action: 'Get a presigned URL to upload a patient attachment to',
		description: 'Get a presigned URL and form fields to upload a file to, before creating the attachment',
	},
	'GET /patient_forms/{patient_form_id}/signatures/{id}': {
		operation: 'get',
		name: 'Get',
		kind: 'get',
		description: 'Get a signature of a patient form',
	},
	'GET /businesses/{business_id}/practitioners/{practitioner_id}/appointment_types/{appointment_type_id}/available_times': {
		operation: 'getAll',
		name: 'Get Many',
		kind: 'list',
		description: 'Get the appointment start times still free for a practitioner, business and appointment type',
	},
	'GET /businesses/{business_id}/practitioners/{practitioner_id}/appointment_types/{appointment_type_id}/next_available_time': {
		operation: 'getNext',
		name: 'Get Next',
		description: 'Get the next free appointment start time for a practitioner, business and appointment type',
	},
	'POST /communications': { description: 'Record a memo of a communication (recording an SMS or email memo sends nothing)' },
	'PATCH /attendees/{id}/cancel': { description: 'Cancel an attendee of a group appointment (individual appointments have their own Cancel)' },
	'POST /patient_attachments': {
		description: 'Attach a file already uploaded to the URL that Get Upload URL returned',
	},
	'POST /patient_forms': { description: 'Create a patient form, optionally from a template whose name and content it copies' },
};

/** Option labels for enums whose values are codes. */
const ENUM_LABELS = {
	'Contact.type_code': { 0: 'Standard', 1: 'Doctor', 2: '3rd Party Payer' },
	online_bookings_lead_time_hours: {
		0: 'No Lead Time',
		1: '1 Hour',
		2: '2 Hours',
		4: '4 Hours',
		12: '12 Hours',
		18: '18 Hours',
		24: '24 Hours',
		48: '2 Days',
		72: '3 Days',
		168: '1 Week',
		336: '2 Weeks',
		504: '3 Weeks',
		672: '4 Weeks',
	},
};

/** Descriptions of boolean fields: n8n's convention is "Whether …". */
const BOOLEAN_DESCRIPTIONS = {
	accepted_email_marketing: 'Whether the patient agreed to receive marketing emails',
	accepted_privacy_policy: 'Whether the patient accepted the privacy policy',
	add_deposit_to_account_credit: 'Whether a deposit paid online is added to the patient’s account credit',
	appointment_reminders_enabled: 'Whether appointment reminders are sent for this business',
	apply_to_repeats: 'Whether to apply this to every later repeat of a repeating appointment as well',
	arrived: 'Whether the patient has arrived',
	closed: 'Whether the case is closed',
	completed: 'Whether the form is completed',
	confidential: 'Whether the memo is confidential',
	draft: 'Whether the note is saved as a draft',
	email_to_patient_on_completion: 'Whether the patient is emailed a copy once the form is completed',
	include_cancelled_attendees: 'Whether cancelled attendances count towards the case',
	include_dna_attendees: 'Whether attendances the patient did not arrive for count towards the case',
	price_includes_tax: 'Whether the price includes tax',
	receives_cancellation_emails: 'Whether the patient receives cancellation emails',
	receives_confirmation_emails: 'Whether the patient receives confirmation emails',
	referral: 'Whether the case is a referral',
	remove_logo: 'Whether to remove the business logo',
	restricted_to_practitioner: 'Whether only the practitioner may see the form',
	show_in_online_bookings: 'Whether it is offered in online bookings',
	telehealth_enabled: 'Whether appointments of this type are held by telehealth',
	unsubscribe_sms_marketing: 'Whether to unsubscribe the patient from marketing SMS',
	include_patient_address: 'Whether printouts include the patient address',
	include_patient_dob: 'Whether printouts include the patient date of birth',
	include_patient_medicare: 'Whether printouts include the patient Medicare number',
	include_patient_occupation: 'Whether printouts include the patient occupation',
	include_patient_reference_number: 'Whether printouts include the patient reference number',
};

/**
 * Descriptions written here win over the spec's (which are often a bare link): `Body.key` for one
 * request body, `key` for every body.
 */
const FIELD_DESCRIPTIONS = {
	cancellation_note: 'Free-text note on the cancellation',
	cancellation_reason: 'Why it is cancelled',
	color: 'Colour as a hex code, e.g. #00a0e4',
	country_code: 'ISO 3166-1 alpha-2 country code, e.g. AU, GB, NZ',
	deposit_price: 'Deposit for online bookings, as a decimal amount, e.g. 20.00',
	duration_in_minutes: 'Length in minutes',
	logo: 'Logo image, Base64-encoded',
	notes: 'Free-text notes',
	quantity: 'Quantity as a decimal, e.g. 1 or 0.5',
	starts_at: 'Start date and time (interpreted in the workflow time zone unless it carries an offset; sent to Cliniko in UTC)',
	time_zone: 'IANA time zone, e.g. Australia/Melbourne',
	'Business.time_zone': 'Cliniko time zone name, e.g. Melbourne (Time Zone Identifier takes the IANA name)',
	'Business.time_zone_identifier': 'IANA time zone, e.g. Australia/Melbourne',
	'Patient.referring_doctor_id': 'ID of the referring doctor (a contact)',
	'Relationship.related_patient_id': 'ID of the other patient of the relationship',
	// JSON fields: what the value is; the placeholder (built from the spec's schema) shows its shape.
	'PatientForm.content': 'The sections and questions of the form, as a JSON object (see the placeholder)',
	'PatientFormTemplate.content': 'The sections and questions of the form, as a JSON object (see the placeholder)',
	'TreatmentNote.content': 'The sections and questions of the note, as a JSON object (see the placeholder)',
	'TreatmentNoteTemplate.content': 'The sections and questions of the note, as a JSON object (see the placeholder)',
	custom_fields: 'Values of the custom fields, as a JSON object of sections and fields (see the placeholder)',
	patient_phone_numbers: 'The patient\'s phone numbers, as a JSON array of {"number", "phone_type"} objects',
	phone_numbers: 'Phone numbers, as a JSON array of {"number", "phone_type"} objects',
	'TreatmentNoteTemplate.print_settings': 'What printed treatment notes show, as a JSON object of on/off settings and a title (see the placeholder)',
	pronouns: 'The patient\'s pronouns, as a JSON object of their five forms (see the placeholder)',
	repeat_rule: 'How the appointment repeats, as a JSON object: repeat_type (Daily, Weekly or Monthly), repeating_interval and number_of_repeats',
	upload_url: "Where the file was uploaded: the URL that Get Upload URL returned, followed by the upload's key from its fields",
};

// ------------------------------------------------------------------------------------------------
// Spec reading
// ------------------------------------------------------------------------------------------------

function makeDeref(spec) {
	return function deref(node) {
		let current = node;
		for (let depth = 0; current && current.$ref && depth < 20; depth++) {
			const parts = current.$ref.replace(/^#\//, '').split('/');
			current = parts.reduce((acc, key) => (acc ? acc[key] : undefined), spec);
		}
		return current;
	};
}

const FILTER_TYPES = {
	'date-time': 'dateTime',
	date: 'date',
	int64: 'int64',
	integer: 'integer',
	string: 'string',
	boolean: 'boolean',
	array: 'array',
};

/** The `q[]` table in a parameter description: `| first_name | [string](/#string-filter-operators) |`. */
function parseFilterTable(description) {
	const out = [];
	for (const line of String(description || '').split('\n')) {
		const m = /^\|\s*([a-z_0-9]+)\s*\|\s*\[?([a-z0-9-]+)\]?/.exec(line.trim());
		if (!m) continue;
		const type = FILTER_TYPES[m[2]];
		if (!type) throw new Error(`unknown filter type "${m[2]}" for ${m[1]}`);
		out.push([m[1], type]);
	}
	return out.sort((a, b) => a[0].localeCompare(b[0]));
}

/** `| 10 | Feeling better |` rows of an enum description. */
function parseEnumTable(description) {
	const labels = {};
	for (const line of String(description || '').split('\n')) {
		const m = /^\|\s*(-?\d+)\s*\|\s*([^|]+?)\s*\|$/.exec(line.trim());
		if (m) labels[m[1]] = m[2];
	}
	return Object.keys(labels).length ? labels : undefined;
}

function exampleOf(schema, deref, depth = 0) {
	const s = deref(schema) || {};
	if (s.oneOf || s.anyOf) return exampleOf((s.oneOf || s.anyOf)[0], deref, depth);
	if (s.example !== undefined && typeof s.example !== 'object') return s.example;
	if (s.enum) return s.enum[0];
	if (s.type === 'object' || s.properties) {
		if (depth > 3) return {};
		const out = {};
		for (const [k, v] of Object.entries(s.properties || {}).slice(0, 6)) out[k] = exampleOf(v, deref, depth + 1);
		return out;
	}
	if (s.type === 'array') return depth > 3 ? [] : [exampleOf(s.items || {}, deref, depth + 1)];
	if (s.type === 'integer' || s.type === 'number') return s.minimum !== undefined && s.minimum > 0 ? s.minimum : 1;
	if (s.type === 'boolean') return true;
	if (s.format === 'date-time') return '2025-01-31T09:00:00Z';
	if (s.format === 'date') return '2025-01-31';
	if (s.format === 'int64') return '1';
	return 'text';
}

function entityFrom(key, description, resourceValues) {
	const described = /^([a-z ]+?) ids?$/i.exec(String(description || '').trim());
	const candidates = [];
	if (described) candidates.push(camel(described[1]));
	candidates.push(camel(key.replace(/_ids?$/, '')));
	return candidates.find((c) => resourceValues.has(c));
}

/** One body or query field of the spec as the node edits it. */
function fieldOf(key, rawSchema, ctx) {
	const { deref, resourceValues, labelOfResource, bodyName } = ctx;
	const s = deref(rawSchema) || {};
	const field = { key, label: labelOf(key), kind: 'string' };
	if (s.nullable) field.nullable = true;
	// "patient id" and "See: <link>" say nothing the label does not.
	const weak = /^([a-z ]+ ids?|See:.*)$/is.test(String(s.description || '').trim());
	const specDescription = weak ? undefined : s.description;
	const enumTable = parseEnumTable(specDescription);
	let description = enumTable ? undefined : cleanText(specDescription);

	if (s.enum) {
		field.kind = 'options';
		const overrides = ENUM_LABELS[`${bodyName}.${key}`] || ENUM_LABELS[key] || {};
		field.options = s.enum
			.filter((v) => v !== null)
			.map((v) => {
				const raw =
					overrides[v] ??
					(enumTable && enumTable[String(v)]) ??
					(typeof v === 'string' && /^[a-z_]+$/.test(v) ? labelOf(v) : String(v));
				return { name: titleCase(String(raw)), value: v };
			});
	} else if (s.type === 'boolean') {
		field.kind = 'boolean';
	} else if (s.type === 'integer' || s.type === 'number') {
		field.kind = 'number';
		if (s.minimum !== undefined) field.min = s.exclusiveMinimum ? s.minimum + 1 : s.minimum;
		if (s.maximum !== undefined) field.max = s.exclusiveMaximum ? s.maximum - 1 : s.maximum;
	} else if (s.type === 'string' && s.format === 'int64') {
		field.kind = 'id';
		const entity = entityFrom(key, s.description, resourceValues);
		if (entity) field.entity = entity;
		if (!description) description = `ID of the ${(entity ? labelOfResource(entity) : labelOf(key.replace(/_id$/, ''))).toLowerCase()}`;
	} else if (s.type === 'string' && s.format === 'date-time') {
		field.kind = 'dateTime';
		// How the node reads the value (resources/index.ts, toUtcDateTime), when the spec says nothing.
		if (!description) description = 'Date and time, interpreted in the workflow time zone unless it carries an offset; sent to Cliniko in UTC';
	} else if (s.type === 'string' && s.format === 'date') {
		field.kind = 'date';
	} else if (s.type === 'string' && s.format === 'decimal') {
		field.kind = 'decimal';
		if (s.minimum !== undefined) field.min = s.minimum;
		if (s.maximum !== undefined) field.max = s.maximum;
		field.placeholder = 'e.g. 50.00';
	} else if (s.type === 'array' && (deref(s.items) || {}).format === 'int64') {
		field.kind = 'idList';
		const entity = entityFrom(key, s.description, resourceValues);
		if (entity) field.entity = entity;
		if (!description) {
			description = `IDs of the ${entity ? pluralize(labelOfResource(entity).toLowerCase()) : labelOf(key.replace(/_ids$/, '')).toLowerCase()}`;
		}
	} else if (s.type === 'array' || s.type === 'object' || s.properties || s.oneOf || s.anyOf) {
		field.kind = 'json';
		field.placeholder = `e.g. ${JSON.stringify(exampleOf(s, deref))}`;
	} else if (/email/.test(key)) {
		field.placeholder = 'name@email.com';
	} else if (s.example !== undefined) {
		field.placeholder = `e.g. ${s.example}`;
	}

	if (field.kind === 'boolean') description = BOOLEAN_DESCRIPTIONS[key] || description || `Whether ${field.label.toLowerCase()}`;
	description = FIELD_DESCRIPTIONS[`${bodyName}.${key}`] || FIELD_DESCRIPTIONS[key] || description;
	if (description) field.description = finishDescription(description);
	return field;
}

// ------------------------------------------------------------------------------------------------
// Operations
// ------------------------------------------------------------------------------------------------

function isParam(segment) {
	return segment.startsWith('{');
}

function successResponse(op, deref) {
	const [code, response] = Object.entries(op.responses || {}).find(([c]) => c.startsWith('2')) || [];
	const r = deref(response) || {};
	const schema = r.content && r.content['application/json'] ? deref(r.content['application/json'].schema) : undefined;
	return { code, schema };
}

/** The records array of a list answer: `{ patients: [...], total_entries, links }`. */
function listItemsKey(schema, deref) {
	// Single records carry `links` and may hold arrays too; only lists carry `total_entries`.
	if (!schema || !schema.properties || !schema.properties.links || !schema.properties.total_entries) return undefined;
	const keys = Object.entries(schema.properties)
		.filter(([k, v]) => {
			const d = deref(v) || {};
			return k !== 'links' && (d.type === 'array' || d.items);
		})
		.map(([k]) => k);
	return keys.length === 1 ? keys[0] : undefined;
}

/** Operation value, name and kind from the method and the path pattern. */
function classify(method, specPath, itemsKey, labelOfResource) {
	const segs = specPath.split('/').filter(Boolean);
	const last = segs[segs.length - 1];
	const params = segs.filter(isParam);
	if (method === 'GET' && itemsKey) {
		let operation = 'getAll';
		let name = 'Get Many';
		if (last === 'inactive' || last === 'active') {
			operation += pascal(last);
			name += ` ${pascal(last)}`;
		}
		if (params.length === 1) {
			const parent = camel(params[0].slice(1, -1).replace(/_id$/, ''));
			operation += `For${pascal(parent)}`;
			name += ` for ${labelOfResource(parent)}`;
		} else if (params.length > 1) {
			return undefined;
		}
		return { operation, name, kind: 'list' };
	}
	const simple = segs.length === 2 && isParam(segs[1]);
	if (method === 'GET' && simple) return { operation: 'get', name: 'Get', kind: 'get' };
	if (method === 'POST' && segs.length === 1) return { operation: 'create', name: 'Create', kind: 'create' };
	if (method === 'PATCH' && simple) return { operation: 'update', name: 'Update', kind: 'update' };
	if (method === 'DELETE' && simple) return { operation: 'delete', name: 'Delete', kind: 'delete' };
	if (segs.length === 3 && isParam(segs[1])) {
		if (method === 'POST' && last === 'archive') return { operation: 'archive', name: 'Archive', kind: 'archive' };
		if (method === 'POST' && last === 'unarchive') return { operation: 'unarchive', name: 'Unarchive', kind: 'unarchive' };
		if (method === 'PATCH' && last === 'cancel') return { operation: 'cancel', name: 'Cancel', kind: 'cancel' };
		if (method === 'GET' && last === 'conflicts') return { operation: 'getConflicts', name: 'Get Conflicts', kind: 'other' };
	}
	return undefined;
}

function describe(kind, op, resource, parentLabel) {
	const singular = resource.name.toLowerCase();
	const a = article(singular);
	switch (kind) {
		case 'list': {
			const qualifier = /Inactive/.test(op.operation) ? 'inactive ' : /Active/.test(op.operation) ? 'active ' : '';
			return parentLabel
				? `Get many ${qualifier}${resource.plural} of ${article(parentLabel)} ${parentLabel.toLowerCase()}`
				: `Get many ${qualifier}${resource.plural}`;
		}
		case 'get':
			return `Get ${a} ${singular} by ID`;
		case 'create':
			return `Create ${a} ${singular}`;
		case 'update':
			return `Update ${a} ${singular} (only the fields you set are changed)`;
		case 'archive':
			return `Archive ${a} ${singular} (lists leave it out unless Include Archived is on)`;
		case 'unarchive':
			return `Restore an archived ${singular}`;
		case 'cancel':
			return `Cancel ${a} ${singular}`;
		case 'delete':
			return `Permanently delete ${a} ${singular}`;
		default:
			return op.action;
	}
}

function generate(specText) {
	const spec = YAML.parse(specText);
	const deref = makeDeref(spec);

	// Resources, from the tags of the current operations.
	const resources = new Map();
	const entries = [];
	for (const [specPath, item] of Object.entries(spec.paths)) {
		for (const method of METHODS) {
			const op = item[method];
			if (!op || op.deprecated) continue;
			const tag = (op.tags || [])[0];
			if (!tag) throw new Error(`${method.toUpperCase()} ${specPath} has no tag`);
			const resource = RESOURCE_OF_TAG[tag] || { value: camel(tag), name: titleCase(tag), plural: undefined };
			if (!resources.has(resource.value)) resources.set(resource.value, { ...resource });
			entries.push({ specPath, method: method.toUpperCase(), op, common: item.parameters || [], resource: resources.get(resource.value) });
		}
	}
	const resourceValues = new Set(resources.keys());
	const labelOfResource = (value) => (resources.get(value) ? resources.get(value).name : labelOf(value.replace(/([A-Z])/g, '_$1')));

	const operations = [];
	const bodies = {};
	for (const { specPath, method, op, common, resource } of entries) {
		const { code, schema } = successResponse(op, deref);
		const itemsKey = method === 'GET' ? listItemsKey(schema, deref) : undefined;
		const key = `${method} ${specPath}`;
		const override = OPERATION_OVERRIDES[key] || {};
		const classified = classify(method, specPath, itemsKey, labelOfResource) || {};
		const kind = override.kind || classified.kind || 'other';
		const operation = override.operation || classified.operation;
		const name = override.name || classified.name;
		if (!operation || !name) throw new Error(`No operation name for ${key}: add it to OPERATION_OVERRIDES`);
		if (kind === 'list' && !itemsKey) throw new Error(`${key} is a list without a records array`);
		if (kind === 'list' && !resource.plural) resource.plural = itemsKey.replace(/_/g, ' ');

		const parameters = [...common, ...(op.parameters || [])].map(deref);
		const pathParams = parameters
			.filter((p) => p.in === 'path')
			.map((p) => {
				const entity = p.name === 'id' ? resource.value : camel(p.name.replace(/_id$/, ''));
				return { key: p.name, param: `${entity}Id`, entity, label: labelOfResource(entity) };
			});
		const placeholders = (specPath.match(/\{(\w+)\}/g) || []).map((p) => p.slice(1, -1));
		if (placeholders.join() !== pathParams.map((p) => p.key).join()) {
			throw new Error(`${key}: path parameters ${pathParams.map((p) => p.key)} do not match the path`);
		}

		const row = {
			resource: resource.value,
			operation,
			name,
			// n8n's name for a list action is "Get many …" (node-param-operation-option-action-wrong-for-get-many); the spec says "List …".
			action: override.action || sentenceCase(op.summary).replace(/^(Get all|List) /, 'Get many '),
			description: '',
			method,
			path: specPath,
			kind,
			operationId: op.operationId,
			pathParams,
		};
		const parentParam = kind === 'list' && pathParams.length === 1 ? pathParams[0] : undefined;
		row.description = finishDescription(override.description || describe(kind, row, resource, parentParam && parentParam.label));
		if (itemsKey) row.itemsPath = itemsKey;

		const q = parameters.find((p) => p.in === 'query' && p.name === 'q[]');
		if (q) row.filters = parseFilterTable(q.description);
		if (parameters.some((p) => p.in === 'query' && p.name === 'sort')) row.sort = true;
		const query = parameters
			.filter((p) => p.in === 'query' && !['page', 'per_page', 'order', 'sort', 'q[]'].includes(p.name))
			.map((p) => {
				const field = fieldOf(p.name, { ...p.schema, description: p.description }, {
					deref,
					resourceValues,
					labelOfResource,
					bodyName: '',
				});
				if (p.required) field.required = true;
				return field;
			});
		if (query.length) row.query = query;

		if (op.requestBody) {
			const ref = op.requestBody.$ref;
			const bodyName = ref ? ref.split('/').pop() : op.operationId.replace(/-\w+$/, '');
			if (!bodies[bodyName]) {
				const media = deref(op.requestBody).content['application/json'];
				const schema = deref(media.schema);
				const alternatives = schema.anyOf || schema.oneOf || [schema];
				const properties = {};
				for (const alt of alternatives) Object.assign(properties, (deref(alt) || {}).properties || {});
				// A property the spec marks deprecated is not offered; its replacement is (docs/cliniko.md).
				for (const [k, v] of Object.entries(properties)) if ((deref(v) || {}).deprecated) delete properties[k];
				bodies[bodyName] = Object.entries(properties).map(([k, v]) =>
					fieldOf(k, v, { deref, resourceValues, labelOfResource, bodyName }),
				);
			}
			row.body = bodyName;
		}
		if (code === '204') row.empty = true;
		operations.push(row);
	}

	// Unique, readable operation values per resource.
	const seen = new Set();
	for (const row of operations) {
		const id = `${row.resource}.${row.operation}`;
		if (seen.has(id)) throw new Error(`Duplicate operation ${id} (${row.method} ${row.path})`);
		seen.add(id);
	}
	for (const resource of resources.values()) {
		if (!resource.plural) resource.plural = pluralize(resource.name.toLowerCase());
	}

	const resourceList = [...resources.values()].sort((a, b) => a.name.localeCompare(b.name));
	// Where it came from, as the first key (JSON has no comments).
	const about = {
		generatedBy: 'scripts/generate-cliniko.js — do not edit',
		source: `specs/cliniko-openapi.yaml (${spec.info.title} ${spec.info.version})`,
		note: `${operations.length} current operations; deprecated ones are left out (their replacements are here).`,
	};
	return `${JSON.stringify({ about, resources: resourceList, bodies, operations }, null, '\t')}\n`;
}

if (require.main === module) {
	const output = generate(fs.readFileSync(SPEC_FILE, 'utf8'));
	if (process.argv.includes('--check')) {
		const current = fs.existsSync(OUT_FILE) ? fs.readFileSync(OUT_FILE, 'utf8') : '';
		if (current !== output) {
			process.stderr.write('nodes/Cliniko/generated/spec.json is stale: run `node scripts/generate-cliniko.js`\n');
			process.exit(1);
		}
	} else {
		fs.mkdirSync(path.dirname(OUT_FILE), { recursive: true });
		fs.writeFileSync(OUT_FILE, output);
		process.stdout.write(`wrote ${path.relative(root, OUT_FILE)}\n`);
	}
}

module.exports = { generate, labelOf, parseFilterTable, SPEC_FILE, OUT_FILE };
