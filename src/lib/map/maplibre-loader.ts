/**
 * MapLibre, loaded once and as early as the atlas route is known, so that its
 * 1 MB of code downloads and its worker starts while the page is still being
 * built, rather than after the map component has mounted.
 */
export type MapLibre = typeof import('maplibre-gl');

let loading: Promise<MapLibre> | undefined;

export function loadMapLibre(): Promise<MapLibre> {
	loading ??= Promise.all([
		import('maplibre-gl'),
		import('maplibre-gl/dist/maplibre-gl-worker.mjs?url')
	]).then(([maplibre, worker]) => {
		maplibre.setWorkerUrl(worker.default);
		// Starts the worker pool now instead of when the first map is created.
		maplibre.prewarm();
		return maplibre;
	});
	loading.catch(() => (loading = undefined));
	return loading;
}
