/**
 * The database's answer for a view (map_view()) as the GeoJSON the map's
 * layers draw: cells as points that carry their count, and ties as lines
 * between the organisations and cells they join.
 */
import type { FeatureCollection, LineString, Point } from 'geojson';
import type { BoundingBox, CollaborationKind, MapViewAnswer } from '$lib/data';

export interface CellFeatureProperties {
	key: string;
	/** Named as MapLibre names a cluster's, so cells and clusters share their layers' styles. */
	point_count: number;
	point_count_abbreviated: string;
	residentLed: number;
	/** Ties within the cell (when the network is shown). */
	ties: number;
	west: number;
	south: number;
	east: number;
	north: number;
}

export interface TieFeatureProperties {
	id: string;
	count: number;
	confirmed: number;
	/** The kind when every tie of the line is of one kind, else null. */
	kind: CollaborationKind | null;
}

/** A count as MapLibre abbreviates a cluster's: 950, 1.2k, 12k. */
export function abbreviatedCount(count: number): string {
	if (count >= 10_000) return `${Math.round(count / 1000)}k`;
	if (count >= 1000) return `${Math.round(count / 100) / 10}k`;
	return String(count);
}

export function cellFeatures(
	view: MapViewAnswer | null
): FeatureCollection<Point, CellFeatureProperties> {
	return {
		type: 'FeatureCollection',
		features: (view?.cells ?? []).map((cell) => {
			const [west, south, east, north] = cell.bounds;
			return {
				type: 'Feature',
				id: cell.key,
				geometry: { type: 'Point', coordinates: [cell.lng, cell.lat] },
				properties: {
					key: cell.key,
					point_count: cell.count,
					point_count_abbreviated: abbreviatedCount(cell.count),
					residentLed: cell.byGroup.resident_led,
					ties: cell.ties,
					west,
					south,
					east,
					north
				}
			};
		})
	};
}

/** A cell's box, from its feature's properties. */
export function cellBounds(properties: Record<string, unknown>): BoundingBox | null {
	const { west, south, east, north } = properties;
	return typeof west === 'number' &&
		typeof south === 'number' &&
		typeof east === 'number' &&
		typeof north === 'number'
		? [west, south, east, north]
		: null;
}

/** Each tie as a line between its two ends: an organisation's point or a cell's centre. */
export function tieFeatures(
	view: MapViewAnswer | null
): FeatureCollection<LineString, TieFeatureProperties> {
	const at = new Map<string, [number, number]>();
	for (const point of view?.points ?? []) at.set(point.id, [point.lng, point.lat]);
	for (const cell of view?.cells ?? []) at.set(cell.key, [cell.lng, cell.lat]);
	const features: FeatureCollection<LineString, TieFeatureProperties>['features'] = [];
	for (const tie of view?.ties ?? []) {
		const from = at.get(tie.source);
		const to = at.get(tie.target);
		if (!from || !to) continue;
		const id = `${tie.source} ${tie.target}`;
		features.push({
			type: 'Feature',
			id,
			geometry: { type: 'LineString', coordinates: [from, to] },
			properties: { id, count: tie.count, confirmed: tie.confirmed, kind: tie.kind }
		});
	}
	return { type: 'FeatureCollection', features };
}
