/** The names of the fields an import can fill, in the user's language. */
import { m } from '$lib/paraglide/messages';
import type { OrganisationField, TieField } from './columns';

export const organisationFieldLabels: Record<OrganisationField, () => string> = {
	name: m.import_field_name,
	kind: m.import_field_kind,
	description: m.import_field_description,
	address: m.import_field_address,
	postcode: m.import_field_postcode,
	city: m.import_field_city,
	area: m.import_field_area,
	lng: m.import_field_lng,
	lat: m.import_field_lat,
	website: m.import_field_website,
	email: m.import_field_email,
	phone: m.import_field_phone,
	themes: m.import_field_themes,
	languages: m.import_field_languages,
	openToNewcomers: m.import_field_open,
	helpWanted: m.import_field_help,
	meetingTimes: m.import_field_times
};

export const tieFieldLabels: Record<TieField, () => string> = {
	from: m.import_field_from,
	to: m.import_field_to,
	kind: m.import_field_tie_kind,
	description: m.import_field_tie_description
};
