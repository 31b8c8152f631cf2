/** Boxes around points: what lies inside one, and the smallest one around many. */
import type { AtlasOrganisation, BoundingBox } from '$lib/data';

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
