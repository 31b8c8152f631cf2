/**
 * A programme's members outlined together on the map: one soft shape around
 * them and a ring on each, instead of a line from each member to the
 * programme. The shape is the convex hull (d3-polygon) of small circles
 * around the members, so one or two members still get an outline, and it
 * keeps a margin around the markers at the edge. A member far from the rest
 * (the ministry in The Hague of a programme in Nieuw-West) keeps its ring but
 * stays out of the shape, which would otherwise cover all that lies between.
 */
import { polygonHull } from 'd3-polygon';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection, Point, Polygon } from 'geojson';
import { programmeColour } from '$lib/kinds/kind-style';
import { networkLayers } from './map-layers';
import { replaceSourceData } from './source-data';

export const programmeSource = 'ba-programme';
export const programmeFillLayer = 'ba-programme-fill';
export const programmeEdgeLayer = 'ba-programme-edge';
export const programmeRingsLayer = 'ba-programme-rings';

export interface ProgrammeOutline {
	name: string;
	members: readonly { id: string; lng: number; lat: number }[];
}

type OutlineFeatures = FeatureCollection<Polygon | Point, { id: string; name: string }>;

/** About 350 m around each member; east-west degrees are shorter at this latitude. */
const marginDegrees = 0.0032;
const circleSteps = 12;

export function programmeOutlineFeatures(outline: ProgrammeOutline | null): OutlineFeatures {
	const features: OutlineFeatures['features'] = [];
	if (!outline || outline.members.length === 0) return { type: 'FeatureCollection', features };
	const around: [number, number][] = [];
	for (const member of gathered(outline.members)) {
		const stretch = 1 / Math.cos((member.lat * Math.PI) / 180);
		for (let step = 0; step < circleSteps; step++) {
			const angle = (2 * Math.PI * step) / circleSteps;
			around.push([
				member.lng + Math.cos(angle) * marginDegrees * stretch,
				member.lat + Math.sin(angle) * marginDegrees
			]);
		}
	}
	const hull = polygonHull(around);
	if (hull) {
		// GeoJSON rings run counter-clockwise and close on their first point.
		const ring = [...hull].reverse();
		features.push({
			type: 'Feature',
			geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]!]] },
			properties: { id: 'outline', name: outline.name }
		});
	}
	for (const member of outline.members) {
		features.push({
			type: 'Feature',
			geometry: { type: 'Point', coordinates: [member.lng, member.lat] },
			properties: { id: member.id, name: outline.name }
		});
	}
	return { type: 'FeatureCollection', features };
}

/** Beyond this many times the typical distance from the middle, a member is far from the rest. */
const farFactor = 3;
/** Never call anyone within this many degrees (about 2 km) far. */
const nearDegrees = 0.02;

/** The members that lie together: within reach of the middle (the median point). */
export function gathered<T extends { lng: number; lat: number }>(members: readonly T[]): T[] {
	if (members.length < 3) return [...members];
	const median = (values: number[]) => values.sort((a, b) => a - b)[values.length >> 1]!;
	const lng = median(members.map((m) => m.lng));
	const lat = median(members.map((m) => m.lat));
	const distance = (m: T) =>
		Math.hypot((m.lng - lng) * Math.cos((lat * Math.PI) / 180), m.lat - lat);
	const typical = median(members.map(distance));
	const reach = Math.max(nearDegrees, farFactor * typical);
	return members.filter((m) => distance(m) <= reach);
}

/** Adds the source and layers, under the ties and markers, if the current style lacks them. */
export function addProgrammeLayers(map: MapLibreMap): void {
	if (!map.getSource(programmeSource))
		map.addSource(programmeSource, {
			type: 'geojson',
			data: { type: 'FeatureCollection', features: [] }
		});
	const below = map.getLayer(networkLayers[0]) ? networkLayers[0] : undefined;
	if (!map.getLayer(programmeFillLayer))
		map.addLayer(
			{
				id: programmeFillLayer,
				type: 'fill',
				source: programmeSource,
				filter: ['==', ['geometry-type'], 'Polygon'],
				paint: { 'fill-color': programmeColour, 'fill-opacity': 0.08 }
			},
			below
		);
	if (!map.getLayer(programmeEdgeLayer))
		map.addLayer(
			{
				id: programmeEdgeLayer,
				type: 'line',
				source: programmeSource,
				filter: ['==', ['geometry-type'], 'Polygon'],
				paint: { 'line-color': programmeColour, 'line-width': 2, 'line-dasharray': [3, 2] }
			},
			below
		);
	if (!map.getLayer(programmeRingsLayer))
		map.addLayer({
			id: programmeRingsLayer,
			type: 'circle',
			source: programmeSource,
			filter: ['==', ['geometry-type'], 'Point'],
			// A halo around a member's marker; where cells count the members, a faint dot at each.
			paint: {
				'circle-radius': ['interpolate', ['linear'], ['zoom'], 10, 7, 14, 11],
				'circle-color': programmeColour,
				'circle-opacity': 0.18,
				'circle-stroke-color': programmeColour,
				'circle-stroke-width': 1.5
			}
		});
}

export function setProgrammeOutline(map: MapLibreMap, data: OutlineFeatures): void {
	replaceSourceData(map, programmeSource, data);
}
