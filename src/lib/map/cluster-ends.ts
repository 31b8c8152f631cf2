/**
 * Where a line to a partner should end when the partner is not drawn on its
 * own: inside one of MapLibre's clusters, or inside one of the database's
 * cells, the partner's own point is hidden and a line to it would end in
 * empty space. It ends at the cluster or cell that holds it instead.
 */
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection, LineString, Position } from 'geojson';
import type { CollaborationLineProperties } from './collaboration-lines';
import { cellsLayer, clustersLayer, organisationsSource } from './map-layers';
import { cellBounds } from './view-features';

type Lines = FeatureCollection<LineString, CollaborationLineProperties>;

/**
 * For each partner (by id) hidden in a cluster or a cell now on screen, the
 * place it is drawn at. A cell holds what lies in its box (a box is the span of
 * its members, inside one grid square: boxes never overlap).
 */
export async function hiddenPartnerPlaces(
	map: MapLibreMap,
	partners: ReadonlyMap<string, Position>
): Promise<Map<string, Position>> {
	const places = new Map<string, Position>();
	if (partners.size === 0) return places;
	const source = map.getSource<GeoJSONSource>(organisationsSource);
	const clusters = new Map<number, Position>();
	for (const feature of map.queryRenderedFeatures({ layers: [clustersLayer] })) {
		const id = feature.properties['cluster_id'] as unknown;
		if (typeof id === 'number' && feature.geometry.type === 'Point')
			clusters.set(id, feature.geometry.coordinates);
	}
	if (source) {
		await Promise.all(
			[...clusters].map(async ([id, at]) => {
				const leaves = await source.getClusterLeaves(id, Infinity, 0).catch(() => []);
				for (const leaf of leaves) {
					const member = leaf.properties?.['id'] as unknown;
					if (typeof member === 'string' && partners.has(member)) places.set(member, at);
				}
			})
		);
	}
	for (const feature of map.queryRenderedFeatures({ layers: [cellsLayer] })) {
		const box = cellBounds(feature.properties);
		if (!box || feature.geometry.type !== 'Point') continue;
		const [west, south, east, north] = box;
		for (const [id, [lng, lat]] of partners) {
			if (lng! >= west && lng! <= east && lat! >= south && lat! <= north)
				places.set(id, feature.geometry.coordinates);
		}
	}
	return places;
}

/** The lines with each hidden partner's end moved to where it is drawn. */
export function withPartnerEnds(lines: Lines, places: ReadonlyMap<string, Position>): Lines {
	if (places.size === 0) return lines;
	return {
		type: 'FeatureCollection',
		features: lines.features.map((line) => {
			const at = places.get(line.properties.partner);
			if (!at) return line;
			const [from] = line.geometry.coordinates;
			return { ...line, geometry: { type: 'LineString', coordinates: [from!, at] } };
		})
	};
}

/** Each line's partner and its own place: what hiddenPartnerPlaces looks for. */
export function partnersOf(lines: Lines): Map<string, Position> {
	return new Map(
		lines.features.map((line) => [line.properties.partner, line.geometry.coordinates[1]!])
	);
}
