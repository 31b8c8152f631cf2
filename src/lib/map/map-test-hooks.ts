/**
 * What the map has drawn, counted from MapLibre's rendered features, for the
 * journeys to assert on (`data-rendered-*` on the map element): a WebGL
 * canvas has no DOM to look into. Counting walks every rendered feature, so
 * it runs only when a browser is driven by automation (`navigator.webdriver`,
 * set by Playwright); a person's browser only asks whether markers are drawn.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import {
	areaLayers,
	cellsLayer,
	clustersLayer,
	collaborationLayers,
	networkLayers,
	organisationsLayer,
	selectionLayer
} from './map-layers';
import { highlightRingsLayer } from './highlight-layers';
import { programmeEdgeLayer, programmeRingsLayer } from './programme-outline';
import { placeNameLayers } from './place-names';

export interface RenderedCounts {
	/** Organisations on screen: each marker once, each cluster or cell for as many as it holds. */
	organisations: number;
	clusters: number;
	/** Of the clusters, those the database counted (map_view()'s cells). */
	cells: number;
	collaborations: number;
	/** Of the collaborations, those drawn dashed: proposed, not yet confirmed. */
	dashed: number;
	networkTies: number;
	highlighted: number;
	/** A chosen programme's outline (0 or 1), and the members ringed in it. */
	programmeOutlines: number;
	programmeMembers: number;
	selected: number;
	coverageAreas: number;
	/** Names the fallback map writes on screen. */
	placeNames: number;
}

export const countsWanted = (): boolean => navigator.webdriver === true;

/** Whether any marker, cluster or cell is on screen: the first-markers moment. */
export function markersDrawn(map: MapLibreMap): boolean {
	return (
		map.queryRenderedFeatures({ layers: [organisationsLayer, clustersLayer, cellsLayer] }).length >
		0
	);
}

/** A line crossing tile edges comes back once per tile: count distinct ids. */
function distinct(map: MapLibreMap, layers: string[], key = 'id'): number {
	return new Set(map.queryRenderedFeatures({ layers }).map((f) => f.properties[key] as unknown))
		.size;
}

export function renderedCounts(map: MapLibreMap): RenderedCounts {
	const counted: Record<string, number> = {};
	for (const f of map.queryRenderedFeatures({
		layers: [organisationsLayer, clustersLayer, cellsLayer]
	})) {
		const count = f.properties['point_count'] as unknown;
		if (typeof count === 'number') {
			const id = f.properties['key'] ?? f.properties['cluster_id'];
			counted[`cluster:${String(id)}`] = count;
		} else {
			counted[`point:${String(f.properties['id'])}`] = 1;
		}
	}
	return {
		organisations: Object.values(counted).reduce((sum, n) => sum + n, 0),
		clusters: Object.keys(counted).filter((key) => key.startsWith('cluster:')).length,
		cells: distinct(map, [cellsLayer], 'key'),
		collaborations: distinct(map, [...collaborationLayers]),
		dashed: distinct(map, [collaborationLayers[1]]),
		networkTies: distinct(map, [...networkLayers]),
		highlighted: distinct(map, [highlightRingsLayer]),
		programmeOutlines: distinct(map, [programmeEdgeLayer]),
		programmeMembers: distinct(map, [programmeRingsLayer]),
		selected: map.queryRenderedFeatures({ layers: [selectionLayer] }).length,
		coverageAreas: new Set(
			map
				.queryRenderedFeatures({ layers: [areaLayers[0]] })
				.filter((f) => typeof f.state['coverage'] === 'number')
				.map((f) => f.id)
		).size,
		placeNames: distinct(map, [...placeNameLayers], 'name')
	};
}

export const noCounts: RenderedCounts = {
	organisations: 0,
	clusters: 0,
	cells: 0,
	collaborations: 0,
	dashed: 0,
	networkTies: 0,
	highlighted: 0,
	programmeOutlines: 0,
	programmeMembers: 0,
	selected: 0,
	coverageAreas: 0,
	placeNames: 0
};
