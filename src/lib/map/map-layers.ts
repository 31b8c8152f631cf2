import type { ExpressionSpecification, GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import { kindGroupColour } from './kind-style';
import type { OrganisationFeatureProperties } from './organisation-features';

/**
 * The project's own sources and layers, prefixed `ba-` so they can be told
 * apart from the basemap's and added again after the base style changes.
 */
export const organisationsSource = 'ba-organisations';
export const organisationsLayer = 'ba-organisations';
export const selectionLayer = 'ba-organisations-selected';

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

export function setSelected(map: MapLibreMap, selectedId: string | null): void {
	if (map.getLayer(selectionLayer)) {
		map.setFilter(selectionLayer, ['==', ['get', 'id'], selectedId ?? '']);
	}
}
