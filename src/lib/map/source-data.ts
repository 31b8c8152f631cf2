/**
 * Gives a GeoJSON source new data only when it differs from what it holds.
 * Every setData makes MapLibre parse the data again in its worker and draw
 * new frames; when the live database answers with what the map already shows
 * (the usual case after the first paint from the snapshot), that is work and
 * frames for nothing. The comparison is by content: the answers are new
 * objects each time. Keyed by the source object, so a new style (with new,
 * empty sources) always takes the data.
 */
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { GeoJSON } from 'geojson';

const held = new WeakMap<GeoJSONSource, string>();

export function replaceSourceData(map: MapLibreMap, sourceId: string, data: GeoJSON): void {
	const source = map.getSource<GeoJSONSource>(sourceId);
	if (!source) return;
	const content = JSON.stringify(data);
	if (held.get(source) === content) return;
	held.set(source, content);
	void source.setData(data);
}

const heldStates = new WeakMap<GeoJSONSource, string>();

/**
 * Replaces the feature states of a source's features with these, unless they
 * are what it has: clearing and setting them again would draw new frames.
 */
export function replaceFeatureStates(
	map: MapLibreMap,
	sourceId: string,
	states: readonly [id: string, state: Record<string, unknown>][]
): void {
	const source = map.getSource<GeoJSONSource>(sourceId);
	if (!source) return;
	const content = JSON.stringify(states);
	if (heldStates.get(source) === content) return;
	heldStates.set(source, content);
	map.removeFeatureState({ source: sourceId });
	for (const [id, state] of states) map.setFeatureState({ source: sourceId, id }, state);
}
