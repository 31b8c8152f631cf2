import { loadMapLibre } from '$lib/map/maplibre-loader';

export function load() {
	// Start fetching the map's code before the page renders; the map awaits it.
	void loadMapLibre().catch(() => {
		// The map component reports the failure when it asks again.
	});
}
