/**
 * Names on the fallback map. When the basemap cannot be reached the map is a
 * plain background: the organisations are there, but nothing says where. The
 * atlas knows its areas (stadsdelen, wijken, buurten, gemeenten), so it names
 * them itself: at the middle of an area's outline where the database has one,
 * else at the middle of the organisations in it (and in its sub-areas).
 * MapLibre draws text only with a glyph server, which is exactly what is
 * unreachable; so each name is drawn as an image on a 2D canvas, the way the
 * cluster counts are.
 */
import type { ExpressionSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection, Point, Position } from 'geojson';
import type { Area, AreaBoundaries, AtlasOrganisation } from '$lib/data';
import { textImage } from './text-image';

export const placeNamesSource = 'ba-place-names';
/** Large areas when zoomed out, small ones when zoomed in: two layers, a zoom apart. */
export const placeNameLayers = ['ba-place-names-large', 'ba-place-names-small'] as const;
export const placeNameImagePrefix = 'ba-name-';
/** From this zoom on wijken and buurten are named; below it, stadsdelen and gemeenten. */
const smallFromZoom = 12;

export interface PlaceNameProperties {
	name: string;
	large: boolean;
}

const largeLevels = new Set<string>(['gemeente', 'stadsdeel']);

/** The middle of a boundary's outer rings, by their bounding box. */
function boundaryMiddle(coordinates: unknown, type: 'Polygon' | 'MultiPolygon'): Position | null {
	const polygons = (type === 'Polygon' ? [coordinates] : coordinates) as Position[][][];
	let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const polygon of polygons)
		for (const [lng, lat] of polygon[0] ?? []) {
			west = Math.min(west, lng!);
			east = Math.max(east, lng!);
			south = Math.min(south, lat!);
			north = Math.max(north, lat!);
		}
	return Number.isFinite(west) ? [(west + east) / 2, (south + north) / 2] : null;
}

export function placeNameFeatures(
	areas: readonly Area[],
	organisations: readonly AtlasOrganisation[],
	boundaries: AreaBoundaries | null
): FeatureCollection<Point, PlaceNameProperties> {
	const parentOf = new Map(areas.map((a) => [a.id, a.parentId]));
	// Each organisation counts for its area and every area above it.
	const sums = new Map<string, { lng: number; lat: number; n: number }>();
	for (const o of organisations) {
		for (let id = o.areaId; id; id = parentOf.get(id) ?? null) {
			const sum = sums.get(id) ?? { lng: 0, lat: 0, n: 0 };
			sum.lng += o.lng;
			sum.lat += o.lat;
			sum.n += 1;
			sums.set(id, sum);
		}
	}
	const outlined = new Map(
		(boundaries?.features ?? []).map((f) => [
			f.properties.id,
			boundaryMiddle(f.geometry.coordinates, f.geometry.type)
		])
	);
	return {
		type: 'FeatureCollection',
		features: areas.flatMap((area) => {
			const sum = sums.get(area.id);
			const at = outlined.get(area.id) ?? (sum ? [sum.lng / sum.n, sum.lat / sum.n] : null);
			if (!at) return [];
			return [
				{
					type: 'Feature' as const,
					geometry: { type: 'Point' as const, coordinates: at },
					properties: { name: area.name, large: largeLevels.has(area.level) }
				}
			];
		})
	};
}

/** Adds the names' source and layers, under the organisations (call before adding those). */
export function addPlaceNameLayers(map: MapLibreMap): void {
	if (!map.getSource(placeNamesSource)) {
		map.addSource(placeNamesSource, {
			type: 'geojson',
			data: { type: 'FeatureCollection', features: [] }
		});
	}
	const [large, small] = placeNameLayers;
	const layout = {
		'icon-image': ['concat', placeNameImagePrefix, ['get', 'name']] as ExpressionSpecification,
		'icon-allow-overlap': false,
		'icon-ignore-placement': false,
		'icon-padding': 4
	};
	if (!map.getLayer(large)) {
		map.addLayer({
			id: large,
			type: 'symbol',
			source: placeNamesSource,
			maxzoom: smallFromZoom,
			filter: ['==', ['get', 'large'], true],
			layout
		});
	}
	if (!map.getLayer(small)) {
		map.addLayer({
			id: small,
			type: 'symbol',
			source: placeNamesSource,
			minzoom: smallFromZoom,
			filter: ['==', ['get', 'large'], false],
			layout
		});
	}
}

/** A name as an image: dark grey letters with a light halo, legible on the plain background. */
export function placeNameImage(
	imageId: string,
	pixelRatio: number
): { width: number; height: number; data: Uint8ClampedArray } | null {
	if (!imageId.startsWith(placeNameImagePrefix)) return null;
	return textImage(
		imageId.slice(placeNameImagePrefix.length),
		{
			weight: 600,
			size: 13,
			fill: '#495057',
			halo: 'rgba(255, 255, 255, 0.9)',
			padding: 3,
			lineHeight: 1.5
		},
		pixelRatio
	);
}
