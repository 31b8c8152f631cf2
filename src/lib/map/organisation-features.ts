import type { FeatureCollection, Point } from 'geojson';
import type { AtlasOrganisation, BoundingBox } from '$lib/data';
import { kindGroupOf } from './kind-style';

export interface OrganisationFeatureProperties {
	id: string;
	slug: string;
	name: string;
	kind: string;
	group: string;
}

/** What a marker needs of an organisation: an atlas() row or a map_view() point. */
export type MapPointLike = Pick<AtlasOrganisation, 'id' | 'slug' | 'name' | 'kind' | 'lng' | 'lat'>;

/** The map's GeoJSON: one point per organisation, with what its layers style on. */
export function organisationFeatures(
	organisations: readonly MapPointLike[]
): FeatureCollection<Point, OrganisationFeatureProperties> {
	return {
		type: 'FeatureCollection',
		features: organisations.map((o) => ({
			type: 'Feature',
			id: o.id,
			geometry: { type: 'Point', coordinates: [o.lng, o.lat] },
			properties: {
				id: o.id,
				slug: o.slug,
				name: o.name,
				kind: o.kind,
				group: kindGroupOf[o.kind] ?? 'other'
			}
		}))
	};
}

export function isInside(
	organisation: Pick<AtlasOrganisation, 'lng' | 'lat'>,
	bbox: BoundingBox
): boolean {
	const [west, south, east, north] = bbox;
	return (
		organisation.lng >= west &&
		organisation.lng <= east &&
		organisation.lat >= south &&
		organisation.lat <= north
	);
}

/** The smallest box around the organisations, or null when there are none. */
export function boundsOf(
	organisations: readonly Pick<AtlasOrganisation, 'lng' | 'lat'>[]
): BoundingBox | null {
	if (organisations.length === 0) return null;
	let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const { lng, lat } of organisations) {
		west = Math.min(west, lng);
		south = Math.min(south, lat);
		east = Math.max(east, lng);
		north = Math.max(north, lat);
	}
	return [west, south, east, north];
}
