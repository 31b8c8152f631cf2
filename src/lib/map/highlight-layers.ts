/**
 * What a gap finding shows on the map: rings around its organisations and
 * dashed lines between its pairs (a bridge, an introduction to make). Drawn
 * over everything from a source of its own, so clusters cannot hide it.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection, LineString, Point } from 'geojson';
import type { AtlasOrganisation } from '$lib/data';
import { replaceSourceData } from './source-data';

export const highlightSource = 'ba-highlight';
export const highlightRingsLayer = 'ba-highlight-rings';
export const highlightPairsLayer = 'ba-highlight-pairs';

export interface MapHighlight {
	organisationIds: readonly string[];
	pairs: readonly (readonly [string, string])[];
}

type HighlightFeatures = FeatureCollection<Point | LineString, { id: string }>;

export function highlightFeatures(
	highlight: MapHighlight | null,
	organisationsById: ReadonlyMap<string, Pick<AtlasOrganisation, 'lng' | 'lat'>>
): HighlightFeatures {
	const features: HighlightFeatures['features'] = [];
	if (highlight) {
		for (const [a, b] of highlight.pairs) {
			const from = organisationsById.get(a);
			const to = organisationsById.get(b);
			if (!from || !to) continue;
			features.push({
				type: 'Feature',
				geometry: {
					type: 'LineString',
					coordinates: [
						[from.lng, from.lat],
						[to.lng, to.lat]
					]
				},
				properties: { id: `${a}|${b}` }
			});
		}
		for (const id of highlight.organisationIds) {
			const at = organisationsById.get(id);
			if (!at) continue;
			features.push({
				type: 'Feature',
				geometry: { type: 'Point', coordinates: [at.lng, at.lat] },
				properties: { id }
			});
		}
	}
	return { type: 'FeatureCollection', features };
}

/** Adds the source and layers if the current style lacks them; call after the project's own. */
export function addHighlightLayers(map: MapLibreMap): void {
	if (!map.getSource(highlightSource))
		map.addSource(highlightSource, {
			type: 'geojson',
			data: { type: 'FeatureCollection', features: [] }
		});
	if (!map.getLayer(highlightPairsLayer)) {
		map.addLayer({
			id: highlightPairsLayer,
			type: 'line',
			source: highlightSource,
			filter: ['==', ['geometry-type'], 'LineString'],
			paint: { 'line-color': '#212529', 'line-width': 3, 'line-dasharray': [2, 1.5] }
		});
	}
	if (!map.getLayer(highlightRingsLayer)) {
		map.addLayer({
			id: highlightRingsLayer,
			type: 'circle',
			source: highlightSource,
			filter: ['==', ['geometry-type'], 'Point'],
			// Smaller when zoomed out, where many rings (an import's preview) would
			// otherwise run together into one black patch.
			paint: {
				'circle-radius': ['interpolate', ['linear'], ['zoom'], 10, 5, 14, 11],
				'circle-color': 'rgba(0, 0, 0, 0)',
				'circle-stroke-color': '#212529',
				'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 10, 1.5, 14, 3]
			}
		});
	}
}

export function setHighlight(map: MapLibreMap, data: HighlightFeatures): void {
	replaceSourceData(map, highlightSource, data);
}
