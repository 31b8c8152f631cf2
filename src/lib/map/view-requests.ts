/**
 * Which map_view() request a view needs, and whether the last answer still
 * serves it. A request asks for the view widened by half its size on every
 * side, so that panning within that margin, or zooming within the same whole
 * zoom level, needs no new request: the database's cells belong to the zoom
 * level, not to the fraction.
 */
import type { AtlasQuery, BoundingBox, MapViewQuery } from '$lib/data';

export interface Viewport {
	bbox: BoundingBox;
	zoom: number;
}

/** How far beyond the view a request reaches, as a share of the view's width and height. */
export const requestMargin = 0.5;

/** The request for a view: the view with its margin, at its whole zoom level. */
export function viewRequest(
	viewport: Viewport,
	filters: Omit<AtlasQuery, 'bbox'>,
	withTies: boolean
): MapViewQuery {
	const [west, south, east, north] = viewport.bbox;
	const dx = (east - west) * requestMargin;
	const dy = (north - south) * requestMargin;
	return {
		...filters,
		bbox: [
			Math.max(-180, west - dx),
			Math.max(-85, south - dy),
			Math.min(180, east + dx),
			Math.min(85, north + dy)
		],
		zoom: Math.floor(viewport.zoom),
		withTies
	};
}

/** Everything of a request but its box: two requests that agree on it answer alike where they overlap. */
function sameQuestion(a: MapViewQuery, b: MapViewQuery): boolean {
	return JSON.stringify({ ...a, bbox: null }) === JSON.stringify({ ...b, bbox: null });
}

/** True when an answer to `asked` holds all that `wanted` would show. */
export function covers(asked: MapViewQuery, wanted: MapViewQuery, viewport: Viewport): boolean {
	if (!sameQuestion(asked, wanted)) return false;
	const [west, south, east, north] = asked.bbox;
	const [vw, vs, ve, vn] = viewport.bbox;
	return vw >= west && vs >= south && ve <= east && vn <= north;
}
