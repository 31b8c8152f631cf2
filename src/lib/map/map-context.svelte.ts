/**
 * What the map shell (AtlasMap.svelte) gives the components inside it: the
 * MapLibre map once its style has loaded, and a count of styles loaded so far.
 * A layer component reads both in its effect, so it puts its data on the map
 * when the map is there, whenever its data changes, and again after a new
 * style (the offline basemap) has replaced everything. The shape follows
 * svelte-maplibre's map context.
 */
import { createContext } from 'svelte';
import type { Map as MapLibreMap } from 'maplibre-gl';

export class MapContext {
	/** The map once its first style has loaded (its project layers are there, empty). */
	map = $state.raw<MapLibreMap | null>(null);
	/** Goes up with every style loaded: a layer's data must be set again after a new one. */
	styles = $state(0);

	/** The map, read so that an effect runs again after a new style; null before the first. */
	get current(): MapLibreMap | null {
		void this.styles;
		return this.map;
	}
}

export const [getMapContext, setMapContext] = createContext<MapContext>();
