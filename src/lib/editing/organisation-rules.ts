/**
 * The rules an organisation's fields must meet, as the database's own
 * constraints state them (see the organisations migration), checked in the form
 * first so a mistake is shown at once, on its field, in the user's language.
 * tests/db/validation-agreement.spec.ts holds the two to the same verdicts.
 */
import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import type { OrganisationFields } from '$lib/data';
import { atlasToday, periodEnd } from '$lib/i18n/period';

export type FieldName = keyof OrganisationFields;
export type FieldProblems = Partial<Record<FieldName, string>>;

/** The languages the database accepts (organisations_languages_check). */
export const knownLanguages = [
	'nl',
	'en',
	'ar',
	'tr',
	'ber',
	'fr',
	'de',
	'es',
	'pl',
	'pap',
	'srn',
	'so',
	'ti',
	'uk',
	'fa',
	'ur'
] as const;

const postcodePattern = /^[1-9][0-9]{3} [A-Z]{2}$/;
const websitePattern = /^https?:\/\/[^\s]+$/;
const emailPattern = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const phonePattern = /^[0-9 +()-]{3,20}$/;

const upTo = (max: number, message: () => string) =>
	v.nullable(v.pipe(v.string(), v.maxLength(max, message)));
const matching = (pattern: RegExp, message: () => string, max = 300) =>
	v.nullable(
		v.pipe(
			v.string(),
			v.maxLength(max, () => m.rule_max_length({ max })),
			v.regex(pattern, message)
		)
	);
/** A letter or digit in any script (private.is_readable_name). */
const readable = /[\p{L}\p{N}]/u;

const fieldSchemas = {
	name: v.pipe(
		v.string(),
		v.check(
			(name) => {
				const length = [...name.trim()].length;
				return length >= 2 && length <= 160 && readable.test(name);
			},
			() => m.rule_name()
		)
	),
	description: v.pipe(
		v.string(),
		v.maxLength(4000, () => m.rule_max_length({ max: 4000 }))
	),
	address: upTo(200, () => m.rule_max_length({ max: 200 })),
	city: upTo(80, () => m.rule_max_length({ max: 80 })),
	postcode: matching(postcodePattern, () => m.rule_postcode()),
	website: matching(websitePattern, () => m.rule_website(), 300),
	email: matching(emailPattern, () => m.rule_email(), 254),
	phone: matching(phonePattern, () => m.rule_phone()),
	meetingTimes: upTo(300, () => m.rule_max_length({ max: 300 })),
	meetingPlace: upTo(200, () => m.rule_max_length({ max: 200 })),
	joinNextStep: upTo(300, () => m.rule_max_length({ max: 300 })),
	textLanguage: v.picklist(knownLanguages, () => m.rule_languages()),
	languages: v.pipe(
		v.array(v.picklist(knownLanguages, () => m.rule_languages())),
		v.maxLength(16, () => m.rule_languages())
	),
	helpWanted: v.pipe(
		v.array(
			v.pipe(
				v.string(),
				v.maxLength(80, () => m.rule_help_wanted())
			)
		),
		v.maxLength(10, () => m.rule_help_wanted())
	)
} satisfies Partial<Record<FieldName, v.GenericSchema>>;

/** Which field a database constraint is about, to show its refusal there. */
export const constraintFields: Record<string, FieldName> = {
	organisations_name_check: 'name',
	organisations_name_readable: 'name',
	organisations_website_length: 'website',
	organisations_email_length: 'email',
	organisations_help_wanted_bounded: 'helpWanted',
	organisations_languages_bounded: 'languages',
	organisations_description_check: 'description',
	organisations_address_check: 'address',
	organisations_city_check: 'city',
	organisations_postcode_check: 'postcode',
	organisations_website_check: 'website',
	organisations_email_check: 'email',
	organisations_phone_check: 'phone',
	organisations_meeting_times_check: 'meetingTimes',
	organisations_meeting_place_check: 'meetingPlace',
	organisations_join_next_step_check: 'joinNextStep',
	organisations_languages_check: 'languages',
	organisations_text_language_check: 'textLanguage',
	organisations_point_is_whole: 'lng',
	organisations_published_has_point: 'lng',
	organisations_lng_check: 'lng',
	organisations_lat_check: 'lng',
	organisations_period_in_order: 'endedOn',
	organisations_start_has_precision: 'startedOn',
	organisations_end_has_precision: 'endedOn'
};

/** Typed text as the database stores it: trimmed, and empty as nothing. */
export function optionalText(value: string | null): string | null {
	const trimmed = value?.trim() ?? '';
	return trimmed === '' ? null : trimmed;
}

/** A web address typed without its scheme ("www.…") gets https://. */
export function webAddress(value: string | null): string | null {
	const website = optionalText(value);
	return website && !/^[a-z]+:/i.test(website) ? `https://${website}` : website;
}

/**
 * What a person typed, as the database stores it: trimmed, empty as nothing,
 * a postcode as "1068 NM", a web address with its https://.
 */
export function normaliseFields(fields: OrganisationFields): OrganisationFields {
	const text = optionalText;
	const postcode =
		text(fields.postcode)
			?.toUpperCase()
			.replace(/^(\d{4})\s*([A-Z]{2})$/, '$1 $2') ?? null;
	return {
		...fields,
		name: fields.name.trim(),
		description: fields.description.trim(),
		address: text(fields.address),
		postcode,
		city: text(fields.city),
		website: webAddress(fields.website),
		email: text(fields.email),
		phone: text(fields.phone),
		meetingTimes: text(fields.meetingTimes),
		meetingPlace: text(fields.meetingPlace),
		joinNextStep: text(fields.joinNextStep),
		helpWanted: fields.helpWanted.map((h) => h.trim()).filter((h) => h !== '')
	};
}

/** The problems with normalised fields, by field; empty when the database will accept them. */
export function validateOrganisation(
	fields: OrganisationFields,
	{ published = false } = {}
): FieldProblems {
	const problems: FieldProblems = {};
	for (const [field, schema] of Object.entries(fieldSchemas) as [FieldName, v.GenericSchema][]) {
		const result = v.safeParse(schema, fields[field]);
		if (!result.success) problems[field] = result.issues[0]?.message ?? m.rule_invalid();
	}
	if ((fields.lng === null) !== (fields.lat === null) || (published && fields.lng === null)) {
		problems.lng = m.rule_location();
	}
	Object.assign(problems, periodProblems(fields));
	return problems;
}

/**
 * A start and an end as the database takes them (organisations_period_in_order,
 * and save_organisation's refusal of the future): the end's period not before
 * the start, neither after today.
 */
export function periodProblems(
	fields: Pick<OrganisationFields, 'startedOn' | 'endedOn' | 'endedPrecision'>,
	today = atlasToday()
): FieldProblems {
	const problems: FieldProblems = {};
	if (fields.startedOn && fields.startedOn > today) problems.startedOn = m.rule_period_future();
	if (fields.endedOn && fields.endedOn > today) problems.endedOn = m.rule_period_future();
	else if (
		fields.startedOn &&
		fields.endedOn &&
		periodEnd(fields.endedOn, fields.endedPrecision) < fields.startedOn
	) {
		problems.endedOn = m.rule_period_order();
	}
	return problems;
}

/**
 * The problems with some fields only (an import's row carries the columns its
 * file has), by field; the same rules as the form's.
 */
export function validateSomeFields(fields: Partial<OrganisationFields>): FieldProblems {
	const problems: FieldProblems = {};
	for (const [field, schema] of Object.entries(fieldSchemas) as [FieldName, v.GenericSchema][]) {
		if (!(field in fields)) continue;
		const result = v.safeParse(schema, fields[field]);
		if (!result.success) problems[field] = result.issues[0]?.message ?? m.rule_invalid();
	}
	return problems;
}

export type SuggestionField =
	'name' | 'description' | 'website' | 'email' | 'lng' | 'submitterNote' | 'address';

/** A suggestion meets the same rules (the suggestions table repeats them), and needs a place. */
export function validateSuggestion(input: {
	name: string;
	description: string;
	website: string | null;
	email: string | null;
	address: string | null;
	submitterNote: string | null;
	lng: number | null;
}): Partial<Record<SuggestionField, string>> {
	const problems: Partial<Record<SuggestionField, string>> = {};
	const checks: [SuggestionField, v.GenericSchema, unknown][] = [
		['name', fieldSchemas.name, input.name],
		['description', fieldSchemas.description, input.description],
		['website', fieldSchemas.website, input.website],
		['email', fieldSchemas.email, input.email],
		['address', fieldSchemas.address, input.address],
		['submitterNote', upTo(500, () => m.rule_max_length({ max: 500 })), input.submitterNote]
	];
	for (const [field, schema, value] of checks) {
		const result = v.safeParse(schema, value);
		if (!result.success) problems[field] = result.issues[0]?.message ?? m.rule_invalid();
	}
	if (input.lng === null) problems.lng = m.rule_location();
	return problems;
}
