import { firstPaint } from '$lib/data';
import { loadMapLibre } from '$lib/map/maplibre-loader';
import { mapStart } from '$lib/map/map-start';

export function load() {
	// Before the page renders: first the few kilobytes the map draws first (a new
	// embedded database's seeded answers), then the map's code, which the map awaits
	// (unless the map waits until it is wanted: map-start.ts).
	void firstPaint();
	if (mapStart() === 'now')
		void loadMapLibre().catch(() => {
			// The map component reports the failure when it asks again.
		});
}
