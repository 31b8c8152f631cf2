import { coverageColours } from '$lib/places/coverage-map';
import type {
	CircleLayerSpecification,
	ExpressionSpecification,
	LineLayerSpecification,
	Map as MapLibreMap,
	SymbolLayerSpecification
} from 'maplibre-gl';
import type { FeatureCollection, Geometry, LineString, Point } from 'geojson';
import { circleRing } from '$lib/places/distance';
import type { Near } from '$lib/places/near';
import { noCollaborationLines, type CollaborationLineProperties } from './collaboration-lines';
import { collaborationKindColour, kindGroupColour } from '$lib/kinds/kind-style';
import type { OrganisationFeatureProperties } from './organisation-features';
import type { CellFeatureProperties, TieFeatureProperties } from './view-features';
import { replaceFeatureStates, replaceSourceData } from './source-data';
import { textImage } from './text-image';
import {
	addPlaceNameLayers,
	placeNameImage,
	placeNamesSource,
	type PlaceNameProperties
} from './place-names';

/**
 * The project's own sources and layers, prefixed `ba-` so they can be told
 * apart from the basemap's and added again after the base style changes.
 */
export const organisationsSource = 'ba-organisations';
export const organisationsLayer = 'ba-organisations';
export const clustersLayer = 'ba-clusters';
export const clusterCountsLayer = 'ba-cluster-counts';
export const selectionSource = 'ba-selected';
export const selectionLayer = 'ba-selected';
export const areasSource = 'ba-areas';
export const areaLayers = ['ba-areas-fill', 'ba-areas-line'] as const;
export const placeSource = 'ba-place';
export const placeLayers = ['ba-place-area', 'ba-place-edge', 'ba-place-point'] as const;
export const cellsSource = 'ba-cells';
export const cellsLayer = 'ba-cells';
export const cellCountsLayer = 'ba-cell-counts';
export const networkSource = 'ba-network';
export const networkLayers = ['ba-network', 'ba-network-proposed'] as const;
export const collaborationsSource = 'ba-collaborations';
export const collaborationLayers = ['ba-collaborations', 'ba-collaborations-proposed'] as const;

/** Beyond this zoom every organisation is its own point; streets are legible there. */
export const clusterMaxZoom = 14;

/** Cluster counts are drawn as images named so, made on demand (see clusterCountImage). */
export const clusterCountImagePrefix = 'ba-count-';

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

/** A counted circle's radius: 13 px, and larger from 10, 50, 500 and 5,000 on. */
export const countRadiusSteps = [13, 10, 16, 50, 20, 500, 25, 5000, 30] as const;
/** A counted circle is in the residents' colour when at least this share is resident-led. */
export const residentLedShare = 0.5;
/** A single organisation's radius by zoom: [zoom, radius] pairs, interpolated. */
export const pointRadiusStops = [6, 3.5, 12, 7, 16, 10] as const;

/** Clusters and the database's cells alike: a circle sized by its count, with the count on it. */
const countPaint = {
	// Mostly resident-led in their colour, the rest in the institutions'.
	'circle-color': [
		'case',
		['>=', ['/', ['get', 'residentLed'], ['get', 'point_count']], residentLedShare],
		kindGroupColour.resident_led,
		kindGroupColour.institution
	],
	'circle-radius': ['step', ['get', 'point_count'], ...countRadiusSteps],
	'circle-stroke-color': '#ffffff',
	'circle-stroke-width': 2.5
} satisfies CirclePaint;

const countLayout = {
	// Images, not text: the count needs no glyph server, so it also shows offline.
	'icon-image': ['concat', clusterCountImagePrefix, ['get', 'point_count_abbreviated']],
	'icon-allow-overlap': true,
	'icon-ignore-placement': true
} satisfies SymbolLayout;

/**
 * Ties in view: one organisation's with another's in the colour of their kind,
 * and ties counted between cells in the brand's colour, wider as they are more.
 */
const networkPaint = {
	'line-color': [
		'case',
		['all', ['==', ['get', 'count'], 1], ['!=', ['get', 'kind'], null]],
		collaborationColour,
		'#1f4e5f'
	],
	'line-width': ['min', 12, ['+', 0.8, ['*', 1.2, ['sqrt', ['get', 'count']]]]],
	'line-opacity': 0.6
} satisfies LinePaint;

/**
 * Adds the project's sources (empty) and layers, in their drawing order, if
 * the current style lacks them. Safe to call again; after a new style the
 * layer components (OrganisationsLayer.svelte and the rest) put their data back.
 */
export function addProjectLayers(map: MapLibreMap): void {
	if (!map.getSource(organisationsSource)) {
		map.addSource(organisationsSource, {
			type: 'geojson',
			data: noFeatures,
			promoteId: 'id',
			cluster: true,
			clusterRadius: 36,
			clusterMaxZoom,
			// How many of a cluster's organisations are resident-led, to colour it by.
			clusterProperties: {
				residentLed: ['+', ['case', ['==', ['get', 'group'], 'resident_led'], 1, 0]]
			}
		});
	}
	if (!map.getSource(cellsSource)) {
		map.addSource(cellsSource, { type: 'geojson', data: noFeatures, promoteId: 'key' });
	}
	if (!map.getSource(networkSource)) {
		map.addSource(networkSource, { type: 'geojson', data: noFeatures, promoteId: 'id' });
	}
	if (!map.getSource(selectionSource)) {
		map.addSource(selectionSource, { type: 'geojson', data: noFeatures });
	}
	// Area boundaries, where the database has them, lie at the bottom.
	if (!map.getSource(areasSource)) {
		map.addSource(areasSource, { type: 'geojson', data: noAreas, promoteId: 'id' });
	}
	const [areaFill, areaLine] = areaLayers;
	if (!map.getLayer(areaFill)) {
		map.addLayer({
			id: areaFill,
			type: 'fill',
			source: areasSource,
			paint: {
				// Coverage colours its areas; otherwise only a chosen area is tinted.
				'fill-color': [
					'match',
					coverageState,
					...coverageColours.flat(),
					placeColour
				] as ExpressionSpecification,
				'fill-opacity': [
					'case',
					['>', coverageState, noCoverage],
					0.6,
					['boolean', ['feature-state', 'chosen'], false],
					0.08,
					0
				]
			}
		});
	}
	if (!map.getLayer(areaLine)) {
		map.addLayer({
			id: areaLine,
			type: 'line',
			source: areasSource,
			paint: {
				'line-color': placeColour,
				'line-opacity': 0.55,
				// A buurt lies inside a wijk: its outline is the finer one.
				'line-width': [
					'case',
					['boolean', ['feature-state', 'chosen'], false],
					2.5,
					['==', ['get', 'level'], 'buurt'],
					0.6,
					1.2
				]
			}
		});
	}
	// The fallback map's names of areas, above their outlines.
	addPlaceNameLayers(map);
	// The chosen place's radius lies under everything else.
	if (!map.getSource(placeSource)) {
		map.addSource(placeSource, { type: 'geojson', data: placeFeatures(null) });
	}
	const [placeArea, placeEdge, placePoint] = placeLayers;
	if (!map.getLayer(placeArea)) {
		map.addLayer({
			id: placeArea,
			type: 'fill',
			source: placeSource,
			filter: ['==', ['geometry-type'], 'Polygon'],
			paint: { 'fill-color': placeColour, 'fill-opacity': 0.07 }
		});
	}
	if (!map.getLayer(placeEdge)) {
		map.addLayer({
			id: placeEdge,
			type: 'line',
			source: placeSource,
			filter: ['==', ['geometry-type'], 'Polygon'],
			paint: { 'line-color': placeColour, 'line-width': 1.5, 'line-dasharray': [3, 2] }
		});
	}
	// The network in view, under the selected organisation's own lines.
	const [networkSolid, networkDashed] = networkLayers;
	if (!map.getLayer(networkSolid)) {
		map.addLayer({
			id: networkSolid,
			type: 'line',
			source: networkSource,
			filter: ['>', ['get', 'confirmed'], 0],
			layout: { 'line-cap': 'round' },
			paint: networkPaint
		});
	}
	if (!map.getLayer(networkDashed)) {
		// None of its ties confirmed by both sides yet: dashed.
		map.addLayer({
			id: networkDashed,
			type: 'line',
			source: networkSource,
			filter: ['==', ['get', 'confirmed'], 0],
			paint: { ...networkPaint, 'line-dasharray': [2, 2] }
		});
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
	if (!map.getLayer(organisationsLayer)) {
		map.addLayer({
			id: organisationsLayer,
			type: 'circle',
			source: organisationsSource,
			filter: ['!', ['has', 'point_count']],
			paint: {
				'circle-radius': ['interpolate', ['linear'], ['zoom'], ...pointRadiusStops],
				'circle-color': groupColour,
				'circle-stroke-color': '#ffffff',
				'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 6, 1, 12, 2]
			}
		});
	}
	if (!map.getLayer(clustersLayer)) {
		map.addLayer({
			id: clustersLayer,
			type: 'circle',
			source: organisationsSource,
			filter: ['has', 'point_count'],
			paint: countPaint
		});
	}
	if (!map.getLayer(clusterCountsLayer)) {
		// Images, not text: the count needs no glyph server, so it also shows offline.
		map.addLayer({
			id: clusterCountsLayer,
			type: 'symbol',
			source: organisationsSource,
			filter: ['has', 'point_count'],
			layout: countLayout
		});
	}
	// The database's cells: organisations too close to tell apart at this zoom, drawn as clusters are.
	if (!map.getLayer(cellsLayer)) {
		map.addLayer({ id: cellsLayer, type: 'circle', source: cellsSource, paint: countPaint });
	}
	if (!map.getLayer(cellCountsLayer)) {
		map.addLayer({ id: cellCountsLayer, type: 'symbol', source: cellsSource, layout: countLayout });
	}
	if (!map.getLayer(selectionLayer)) {
		// Its own unclustered source, on top: the selection shows even inside a cluster.
		map.addLayer({
			id: selectionLayer,
			type: 'circle',
			source: selectionSource,
			paint: {
				'circle-radius': ['interpolate', ['linear'], ['zoom'], 6, 8, 12, 13, 16, 17],
				'circle-color': groupColour,
				'circle-stroke-color': '#ffd43b',
				'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 6, 3, 12, 5]
			}
		});
	}
	// The place itself on top: it is where the user stands.
	if (!map.getLayer(placePoint)) {
		map.addLayer({
			id: placePoint,
			type: 'circle',
			source: placeSource,
			filter: ['==', ['geometry-type'], 'Point'],
			paint: {
				'circle-radius': 7,
				'circle-color': placeColour,
				'circle-stroke-color': '#ffffff',
				'circle-stroke-width': 3
			}
		});
	}
}

const noAreas: FeatureCollection<Geometry> = { type: 'FeatureCollection', features: [] };
const noFeatures: FeatureCollection = { type: 'FeatureCollection', features: [] };

type CirclePaint = NonNullable<CircleLayerSpecification['paint']>;
type LinePaint = NonNullable<LineLayerSpecification['paint']>;
type SymbolLayout = NonNullable<SymbolLayerSpecification['layout']>;

/** The database's cells for the view, drawn as clusters are. */
export function setCells(
	map: MapLibreMap,
	cells: FeatureCollection<Point, CellFeatureProperties>
): void {
	replaceSourceData(map, cellsSource, cells);
}

/** The ties in view, or none when the network on the map is off. */
export function setNetwork(
	map: MapLibreMap,
	ties: FeatureCollection<LineString, TieFeatureProperties>
): void {
	replaceSourceData(map, networkSource, ties);
}

/** An area's coverage class in feature state: -1 for "no figures", none when not shown. */
const noCoverage = -2;
const coverageState: ExpressionSpecification = [
	'coalesce',
	['feature-state', 'coverage'],
	noCoverage
];

/** Draws these boundaries, marks the chosen areas and colours the coverage, if shown. */
export function setAreas(
	map: MapLibreMap,
	boundaries: FeatureCollection<Geometry> | null,
	chosen: readonly string[],
	coverage: ReadonlyMap<string, number | null> | null = null
): void {
	if (!map.getSource(areasSource)) return;
	replaceSourceData(map, areasSource, boundaries ?? noAreas);
	replaceFeatureStates(map, areasSource, [
		...chosen.map((id): [string, Record<string, unknown>] => [id, { chosen: true }]),
		...[...(coverage ?? [])].map(([id, level]): [string, Record<string, unknown>] => [
			id,
			{ coverage: level ?? -1 }
		])
	]);
}

/** The app's brand colour: the place is the user's, not an organisation. */
const placeColour = '#1f4e5f';

/** The chosen place as a point, with its radius as a circle around it. */
export function placeFeatures(near: Near | null): FeatureCollection<Geometry> {
	if (!near) return { type: 'FeatureCollection', features: [] };
	return {
		type: 'FeatureCollection',
		features: [
			{
				type: 'Feature',
				geometry: { type: 'Polygon', coordinates: [circleRing(near, near.radius)] },
				properties: {}
			},
			{
				type: 'Feature',
				geometry: { type: 'Point', coordinates: [near.lng, near.lat] },
				properties: {}
			}
		]
	};
}

export function setPlace(map: MapLibreMap, near: Near | null): void {
	replaceSourceData(map, placeSource, placeFeatures(near));
}

/** The selected organisation's point alone, or nothing. */
export function selectedFeature(
	data: FeatureCollection<Point, OrganisationFeatureProperties>,
	selectedId: string | null
): FeatureCollection<Point, OrganisationFeatureProperties> {
	const feature = selectedId
		? data.features.find((f) => f.properties.id === selectedId)
		: undefined;
	return { type: 'FeatureCollection', features: feature ? [feature] : [] };
}

/**
 * Makes cluster counts (and the fallback map's place names) as MapLibre asks for them (MapLibre 6's resolver: the
 * image is there before the symbol is placed, with no "missing image" warning).
 */
export function provideClusterCountImages(map: MapLibreMap): void {
	map.setMissingStyleImageResolver((id) => {
		const image = clusterCountImage(id, devicePixelRatio) ?? placeNameImage(id, devicePixelRatio);
		if (image && !map.hasImage(id)) map.addImage(id, image, { pixelRatio: devicePixelRatio });
	});
}

/**
 * Draws a cluster's count as an image: white figures
 * with a dark edge, legible on either cluster colour.
 */
export function clusterCountImage(
	imageId: string,
	pixelRatio: number
): { width: number; height: number; data: Uint8ClampedArray } | null {
	if (!imageId.startsWith(clusterCountImagePrefix)) return null;
	return textImage(
		imageId.slice(clusterCountImagePrefix.length),
		{
			weight: 700,
			size: 12,
			fill: '#ffffff',
			halo: 'rgba(0, 0, 0, 0.45)',
			padding: 2,
			lineHeight: 1.4
		},
		pixelRatio
	);
}

export function setOrganisations(
	map: MapLibreMap,
	data: FeatureCollection<Point, OrganisationFeatureProperties>
): void {
	replaceSourceData(map, organisationsSource, data);
}

export function setCollaborationLines(
	map: MapLibreMap,
	lines: FeatureCollection<LineString, CollaborationLineProperties>
): void {
	replaceSourceData(map, collaborationsSource, lines);
}

export function setSelected(
	map: MapLibreMap,
	data: FeatureCollection<Point, OrganisationFeatureProperties>,
	selectedId: string | null
): void {
	replaceSourceData(map, selectionSource, selectedFeature(data, selectedId));
}

/** The names the fallback map writes; none over a basemap, which has its own. */
export function setPlaceNames(
	map: MapLibreMap,
	names: FeatureCollection<Point, PlaceNameProperties>
): void {
	replaceSourceData(map, placeNamesSource, names);
}
