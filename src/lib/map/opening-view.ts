/**
 * Where the map opens without a view in its link, and the questions it may
 * ask the database there first: one per zoom level a screen from a phone to a
 * wide monitor opens at. The build answers them ahead (first-paint.json), so a
 * first visit draws the map before the embedded database has started.
 */
import type { BoundingBox, MapViewQuery } from '$lib/data/types';
import { noFilters, toAtlasQuery } from '$lib/atlas/atlas-filters';
import { viewRequest } from './view-requests';

/** Amsterdam Nieuw-West, where the atlas opens. */
export const openingBounds: BoundingBox = [4.755, 52.342, 4.852, 52.392];

/**
 * Fitting the opening bounds gives zoom 11 on a phone, 12 on a laptop and 13 on
 * a wide screen; at 14 the question below would exceed the largest view
 * map_view() answers.
 */
const openingZooms = [10, 11, 12, 13];

/**
 * Per zoom, a question whose box holds any view of the opening bounds: the
 * bounds as the view, widened by the request margin, and once more by their size
 * (a screen much taller or wider than Nieuw-West shows more around it).
 */
export function openingQueries(): MapViewQuery[] {
	const [west, south, east, north] = openingBounds;
	const width = east - west;
	const height = north - south;
	const around: BoundingBox = [west - width, south - height, east + width, north + height];
	return openingZooms.map((zoom) =>
		viewRequest({ bbox: around, zoom }, toAtlasQuery(noFilters), false)
	);
}
