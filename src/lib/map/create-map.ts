/**
 * Makes the atlas's MapLibre map: MapLibre and the basemap style loaded
 * lazily, the opening view (a shared link's, or the bounds fitted), the
 * controls, and the fallback to the offline style when the basemap's tiles
 * cannot be reached. The project's layers are added on every style load.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { BoundingBox } from '$lib/data';
import { m } from '$lib/paraglide/messages';
import { loadBasemap, offlineStyle } from './basemap';
import { loadMapLibre, type MapLibre } from './maplibre-loader';
import { addProjectLayers, provideClusterCountImages } from './map-layers';
import { addHighlightLayers } from './highlight-layers';
import { addProgrammeLayers } from './programme-outline';
import type { MapView } from './map-view';
import { textDirection } from '$lib/i18n/locale';

/** Basemap tile failures before we give up on it and draw the offline style. */
const tileFailuresBeforeFallback = 3;

export interface MapOptions {
	container: HTMLElement;
	/** A view to open at instead of the bounds, e.g. from a shared link. */
	initialView: MapView | null;
	initialBounds: BoundingBox;
	/** Around the opening bounds, in pixels. */
	padding: number;
	/** After each style load, once the project's layers are on it. */
	onstyle: (map: MapLibreMap) => void;
	/** Whether the basemap is the online one: false from the start, or after its tiles failed. */
	onbasemap: (online: boolean) => void;
}

export async function createMap(
	options: MapOptions
): Promise<{ map: MapLibreMap; maplibre: MapLibre }> {
	const [maplibre, basemap] = await Promise.all([loadMapLibre(), loadBasemap()]);
	const { initialView, initialBounds } = options;
	let online = basemap.online;
	options.onbasemap(online);

	const map = new maplibre.Map({
		container: options.container,
		style: basemap.style,
		...(initialView
			? { center: [initialView.lng, initialView.lat] as [number, number], zoom: initialView.zoom }
			: {
					bounds: [...initialBounds] as [number, number, number, number],
					fitBoundsOptions: { padding: options.padding }
				}),
		attributionControl: false,
		// MapLibre's own buttons speak the app's language.
		locale: {
			'NavigationControl.ZoomIn': m.map_zoom_in(),
			'NavigationControl.ZoomOut': m.map_zoom_out(),
			'AttributionControl.ToggleAttribution': m.map_attribution_toggle(),
			'Map.Title': m.map_label()
		},
		dragRotate: false,
		pitchWithRotate: false,
		touchPitch: false,
		minZoom: 5,
		maxZoom: 18,
		// Labels appear at once instead of fading in over 300 ms: every frame MapLibre
		// draws costs the main thread (without a GPU the browser reads the canvas back
		// per frame), and a fade is a dozen frames after every change of data.
		fadeDuration: 0
	});
	// Controls sit at the end of the reading direction: on the left in Arabic.
	// (MapLibre shapes Arabic and bidirectional labels itself; no plugin needed.)
	const end = textDirection() === 'rtl' ? 'left' : 'right';
	map.addControl(new maplibre.NavigationControl({ showCompass: false }), `top-${end}`);
	map.addControl(new maplibre.AttributionControl({ compact: true }), `bottom-${end}`);
	map.getCanvas().setAttribute('aria-label', m.map_label());

	// The project's layers go on top of whatever base style is current.
	map.on('style.load', () => {
		addProjectLayers(map);
		addProgrammeLayers(map);
		addHighlightLayers(map);
		options.onstyle(map);
	});
	provideClusterCountImages(map);

	let tileFailures = 0;
	let basemapTileLoaded = false;
	map.on('sourcedata', (event) => {
		if (event.sourceId && !event.sourceId.startsWith('ba-') && event.tile) basemapTileLoaded = true;
	});
	map.on('error', (event) => {
		const sourceId = (event as { sourceId?: string }).sourceId;
		if (!online || basemapTileLoaded || sourceId?.startsWith('ba-')) return;
		tileFailures += 1;
		if (tileFailures >= tileFailuresBeforeFallback) {
			online = false;
			options.onbasemap(false);
			map.setStyle(offlineStyle);
		}
	});
	return { map, maplibre };
}
