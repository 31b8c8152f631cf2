import type { ExpressionSpecification, GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection, LineString, Point } from 'geojson';
import {
	collaborationKindColour,
	noCollaborationLines,
	type CollaborationLineProperties
} from './collaboration-lines';
import { kindGroupColour } from './kind-style';
import type { OrganisationFeatureProperties } from './organisation-features';

/**
 * The project's own sources and layers, prefixed `ba-` so they can be told
 * apart from the basemap's and added again after the base style changes.
 */
export const organisationsSource = 'ba-organisations';
export const organisationsLayer = 'ba-organisations';
export const selectionLayer = 'ba-organisations-selected';
export const collaborationsSource = 'ba-collaborations';
export const collaborationLayers = ['ba-collaborations', 'ba-collaborations-proposed'] as const;

const collaborationColour: ExpressionSpecification = [
	'match',
	['get', 'kind'],
	...Object.entries(collaborationKindColour).flat(),
	'#495057'
] as unknown as ExpressionSpecification;

const groupColour: ExpressionSpecification = [
	'match',
	['get', 'group'],
	'resident_led',
	kindGroupColour.resident_led,
	'enterprise',
	kindGroupColour.enterprise,
	'institution',
	kindGroupColour.institution,
	kindGroupColour.other
];

/** Adds the source and layers if the current style lacks them. Safe to call again. */
export function addProjectLayers(
	map: MapLibreMap,
	data: FeatureCollection<Point, OrganisationFeatureProperties>,
	selectedId: string | null
): void {
	if (!map.getSource(organisationsSource)) {
		map.addSource(organisationsSource, { type: 'geojson', data, promoteId: 'id' });
	}
	// Lines first, so that the points are drawn over their ends.
	if (!map.getSource(collaborationsSource)) {
		map.addSource(collaborationsSource, {
			type: 'geojson',
			data: noCollaborationLines,
			promoteId: 'id'
		});
	}
	const [solid, dashed] = collaborationLayers;
	const linePaint = {
		'line-color': collaborationColour,
		'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1.5, 14, 3],
		// Ended collaborations stay visible, but faintly.
		'line-opacity': ['case', ['==', ['get', 'status'], 'ended'], 0.35, 1]
	} as const;
	if (!map.getLayer(solid)) {
		map.addLayer({
			id: solid,
			type: 'line',
			source: collaborationsSource,
			filter: ['!=', ['get', 'status'], 'proposed'],
			layout: { 'line-cap': 'round' },
			paint: linePaint as never
		});
	}
	if (!map.getLayer(dashed)) {
		// Not yet confirmed by both sides: dashed.
		map.addLayer({
			id: dashed,
			type: 'line',
			source: collaborationsSource,
			filter: ['==', ['get', 'status'], 'proposed'],
			paint: { ...linePaint, 'line-dasharray': [2, 2] } as never
		});
	}
	if (!map.getLayer(selectionLayer)) {
		map.addLayer({
			id: selectionLayer,
			type: 'circle',
			source: organisationsSource,
			filter: ['==', ['get', 'id'], selectedId ?? ''],
			paint: {
				'circle-radius': ['interpolate', ['linear'], ['zoom'], 6, 8, 12, 13, 16, 17],
				'circle-color': '#ffd43b',
				'circle-stroke-color': '#212529',
				'circle-stroke-width': 2
			}
		});
	}
	if (!map.getLayer(organisationsLayer)) {
		map.addLayer({
			id: organisationsLayer,
			type: 'circle',
			source: organisationsSource,
			paint: {
				'circle-radius': ['interpolate', ['linear'], ['zoom'], 6, 3.5, 12, 7, 16, 10],
				'circle-color': groupColour,
				'circle-stroke-color': '#ffffff',
				'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 6, 1, 12, 2]
			}
		});
	}
}

export function setOrganisations(
	map: MapLibreMap,
	data: FeatureCollection<Point, OrganisationFeatureProperties>
): void {
	void map.getSource<GeoJSONSource>(organisationsSource)?.setData(data);
}

export function setCollaborationLines(
	map: MapLibreMap,
	lines: FeatureCollection<LineString, CollaborationLineProperties>
): void {
	void map.getSource<GeoJSONSource>(collaborationsSource)?.setData(lines);
}

export function setSelected(map: MapLibreMap, selectedId: string | null): void {
	if (map.getLayer(selectionLayer)) {
		map.setFilter(selectionLayer, ['==', ['get', 'id'], selectedId ?? '']);
	}
}
