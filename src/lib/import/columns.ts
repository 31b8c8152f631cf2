/**
 * Which column holds what. The app proposes a mapping from the header names,
 * Dutch and English and the way Kumu names them (Label, Type, Description,
 * Tags; From, To, Type); the user can change every column, and a column left
 * unmapped is shown as such, never dropped unseen.
 */
import { comparable } from '$lib/files/text';
import type { Table } from '$lib/files/tables';

export const organisationFields = [
	'name',
	'kind',
	'description',
	'address',
	'postcode',
	'city',
	'area',
	'lng',
	'lat',
	'website',
	'email',
	'phone',
	'themes',
	'languages',
	'openToNewcomers',
	'helpWanted',
	'meetingTimes'
] as const;
export type OrganisationField = (typeof organisationFields)[number];

export const tieFields = ['from', 'to', 'kind', 'description'] as const;
export type TieField = (typeof tieFields)[number];

export type TableRole = 'organisations' | 'ties';

/** Header names per field, as people write them; compared without case, accents or punctuation. */
const synonyms: Record<OrganisationField | `tie_${TieField}`, string[]> = {
	name: [
		'naam',
		'name',
		'label',
		'organisatie',
		'organisation',
		'organization',
		'titel',
		'title',
		'naam organisatie',
		'initiatief'
	],
	kind: ['soort', 'type', 'kind', 'categorie', 'category', 'soort organisatie', 'element type'],
	description: [
		'beschrijving',
		'omschrijving',
		'description',
		'toelichting',
		'over',
		'about',
		'wat doen ze'
	],
	address: [
		'adres',
		'address',
		'straat',
		'straat en huisnummer',
		'street',
		'bezoekadres',
		'locatie adres'
	],
	postcode: ['postcode', 'postal code', 'postalcode', 'zip', 'zipcode', 'pc'],
	city: ['plaats', 'woonplaats', 'city', 'stad', 'town', 'plaatsnaam'],
	area: [
		'gebied',
		'buurt',
		'wijk',
		'stadsdeel',
		'area',
		'buurtcode',
		'wijkcode',
		'neighbourhood',
		'district'
	],
	lng: ['lng', 'lon', 'long', 'longitude', 'lengtegraad', 'x'],
	lat: ['lat', 'latitude', 'breedtegraad', 'y'],
	website: ['website', 'site', 'url', 'web', 'internet', 'webadres', 'homepage'],
	email: ['email', 'e mail', 'mail', 'emailadres', 'e mailadres'],
	phone: ['telefoon', 'phone', 'tel', 'telefoonnummer', 'telephone'],
	themes: ['thema', 'themas', 'themes', 'theme', 'tags', 'onderwerpen', 'onderwerp'],
	languages: ['talen', 'taal', 'languages', 'language', 'gesproken talen'],
	openToNewcomers: [
		'open voor nieuwkomers',
		'nieuwkomers welkom',
		'open to newcomers',
		'nieuwe leden welkom'
	],
	helpWanted: ['zoekt hulp bij', 'hulp gezocht', 'help wanted', 'vrijwilligers gezocht', 'zoekt'],
	meetingTimes: ['tijden', 'wanneer', 'meeting times', 'openingstijden', 'bijeenkomsten'],
	tie_from: ['van', 'from', 'bron', 'source', 'organisatie 1', 'partner 1'],
	tie_to: ['naar', 'to', 'doel', 'target', 'met', 'organisatie 2', 'partner 2', 'partner'],
	tie_kind: ['soort', 'type', 'kind', 'soort samenwerking', 'connection type', 'relatie'],
	tie_description: ['beschrijving', 'omschrijving', 'description', 'toelichting']
};

/** Each header's field, or null when none fits; no field is proposed twice. */
export function proposeMapping<F extends string>(
	headers: readonly string[],
	role: TableRole
): (F | null)[] {
	const fields: readonly string[] = role === 'organisations' ? organisationFields : tieFields;
	const taken = new Set<string>();
	return headers.map((header) => {
		const key = comparable(header);
		const field = fields.find((candidate) => {
			if (taken.has(candidate)) return false;
			const words =
				synonyms[(role === 'ties' ? `tie_${candidate}` : candidate) as keyof typeof synonyms];
			return words.includes(key);
		});
		if (!field) return null;
		taken.add(field);
		return field as F;
	});
}

/**
 * Which table holds organisations and which ties: Kumu's sheet names first
 * (Elements, Connections), then the headers (a table with From and To is ties).
 */
export function classifyTables(tables: readonly Table[]): { organisations?: Table; ties?: Table } {
	const byName = (names: string[]) =>
		tables.find((table) =>
			names.includes(comparable(table.name).replace(/ (csv|xlsx|geojson|json)$/, ''))
		);
	const hasTieHeaders = (table: Table) => {
		const mapping = proposeMapping<TieField>(table.headers, 'ties');
		return mapping.includes('from') && mapping.includes('to');
	};
	const ties =
		byName(['connections', 'verbindingen', 'relaties', 'samenwerkingen', 'ties']) ??
		tables.find(hasTieHeaders);
	const organisations =
		byName(['elements', 'elementen', 'organisaties', 'organisations']) ??
		tables.find((table) => table !== ties && !hasTieHeaders(table));
	return { ...(organisations ? { organisations } : {}), ...(ties ? { ties } : {}) };
}
