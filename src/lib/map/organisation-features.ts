import type { FeatureCollection, Point } from 'geojson';
import type { AtlasOrganisation } from '$lib/data';
import { kindGroupOf } from '$lib/kinds/kind-style';

export interface OrganisationFeatureProperties {
	id: string;
	slug: string;
	name: string;
	kind: string;
	group: string;
	/** A made-up example: its tooltip says so. */
	illustrative: boolean;
}

/** What a marker needs of an organisation: an atlas() row or a map_view() point. */
export type MapPointLike = Pick<
	AtlasOrganisation,
	'id' | 'slug' | 'name' | 'kind' | 'lng' | 'lat'
> &
	Partial<Pick<AtlasOrganisation, 'illustrative'>>;

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
				group: kindGroupOf[o.kind] ?? 'other',
				illustrative: o.illustrative ?? false
			}
		}))
	};
}
