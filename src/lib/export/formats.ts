/**
 * The atlas as files: CSV (organisations, and ties as a second file) with the
 * headers the import recognises, so an export reads back in as it was; and
 * GeoJSON, organisations as points and ties as lines. HSDS and Murmurations
 * come ready-made from the database's read functions.
 */
import Papa from 'papaparse';
import type { FeatureCollection, LineString, Point } from 'geojson';
import type {
	ExportedAtlas,
	ExportedOrganisation,
	OrganisationKind,
	CollaborationKind
} from '$lib/data';
import { collaborationKindLabel, organisationKindLabel, themeLabel } from '$lib/i18n/labels';
import { m } from '$lib/paraglide/messages';

/** The organisations' columns: a header the import maps back, and the cell. */
const organisationColumns: [header: string, cell: (o: ExportedOrganisation) => string][] = [
	['Naam', (o) => o.name],
	['Soort', (o) => organisationKindLabel(o.kind as OrganisationKind)],
	['Beschrijving', (o) => o.description],
	['Adres', (o) => o.address ?? ''],
	['Postcode', (o) => o.postcode ?? ''],
	['Plaats', (o) => o.city ?? ''],
	['Gebied', (o) => o.areaId ?? ''],
	['Breedtegraad', (o) => (o.lat === null ? '' : String(o.lat))],
	['Lengtegraad', (o) => (o.lng === null ? '' : String(o.lng))],
	['Website', (o) => o.website ?? ''],
	['E-mail', (o) => o.email ?? ''],
	['Telefoon', (o) => o.phone ?? ''],
	['Thema’s', (o) => o.themes.map(themeLabel).join('; ')],
	['Talen', (o) => o.languages.join('; ')],
	['Open voor nieuwkomers', (o) => (o.openToNewcomers ? 'ja' : 'nee')],
	['Zoekt hulp bij', (o) => o.helpWanted.join('; ')],
	['Tijden', (o) => o.meetingTimes ?? '']
];

/** Two CSV files, with a byte-order mark so that Excel reads them as UTF-8. */
export function toCsv(atlas: ExportedAtlas): { organisations: string; ties: string } {
	const names = new Map(atlas.organisations.map((o) => [o.id, o.name]));
	const organisations = Papa.unparse({
		fields: organisationColumns.map(([header]) => header),
		data: atlas.organisations.map((o) => organisationColumns.map(([, cell]) => cell(o)))
	});
	const ties = Papa.unparse({
		fields: ['Van', 'Naar', 'Soort samenwerking', 'Beschrijving'],
		data: atlas.collaborations
			// The network as it stands: an ended tie is history, kept in the atlas, not here.
			.filter((c) => c.status !== 'ended' && names.has(c.source) && names.has(c.target))
			.map((c) => [
				names.get(c.source)!,
				names.get(c.target)!,
				collaborationKindLabel(c.kind as CollaborationKind),
				c.description
			])
	});
	return { organisations: `\ufeff${organisations}\r\n`, ties: `\ufeff${ties}\r\n` };
}

type AtlasFeature = FeatureCollection<Point | LineString, Record<string, unknown>>;

/** Organisations as points with their public fields, ties as lines between them. */
export function toGeoJson(atlas: ExportedAtlas): AtlasFeature {
	const placed = new Map(
		atlas.organisations.flatMap((o) =>
			o.lng === null || o.lat === null ? [] : [[o.id, [o.lng, o.lat] as [number, number]]]
		)
	);
	const features: AtlasFeature['features'] = [];
	for (const o of atlas.organisations) {
		const at = placed.get(o.id);
		if (!at) continue;
		const properties: Record<string, unknown> = { ...o };
		delete properties['lng'];
		delete properties['lat'];
		// Popolo Memberships of programmes it belongs to: not lines, like the map.
		const memberships = atlas.memberships.filter((ms) => ms.member_id === o.id);
		if (memberships.length > 0) properties['memberships'] = memberships;
		features.push({
			type: 'Feature',
			id: o.id,
			geometry: { type: 'Point', coordinates: at },
			properties
		});
	}
	for (const c of atlas.collaborations) {
		const from = placed.get(c.source);
		const to = placed.get(c.target);
		if (!from || !to) continue;
		features.push({
			type: 'Feature',
			geometry: { type: 'LineString', coordinates: [from, to] },
			properties: { ...c, name: m.export_tie_name() }
		});
	}
	return { type: 'FeatureCollection', features };
}
