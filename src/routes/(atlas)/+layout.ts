import { firstPaint } from '$lib/data';
import { loadMapLibre } from '$lib/map/maplibre-loader';

export function load() {
	// Before the page renders: first the few kilobytes the map draws first (a new
	// embedded database's seeded answers), then the map's code, which the map awaits.
	void firstPaint();
	void loadMapLibre().catch(() => {
		// The map component reports the failure when it asks again.
	});
}
