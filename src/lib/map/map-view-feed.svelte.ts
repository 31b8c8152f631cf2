/**
 * What the atlas map draws, kept in step with the page: the view's answer is
 * asked again when the map moves, the filters change, the backend arrives or
 * the data changes (an edit, an import: then the old answer stays on screen
 * until the new one is there). Before the backend answers, an earlier answer
 * that covers the view is drawn. The live answer is remembered for the next
 * start. Call `mapViewFeed()` while a component is set up (it makes effects).
 */
import { createContext, untrack } from 'svelte';
import type { MapPoint, MapViewQuery } from '$lib/data';
import { isInside } from '$lib/places/bounds';
import { connection } from '$lib/app/connection.svelte';
import { atlasStore } from '$lib/atlas/atlas-store.svelte';
import { toAtlasQuery } from '$lib/atlas/atlas-filters';
import { MapViewReader } from './map-view-reader.svelte';
import { viewRequest, type Viewport } from './view-requests';

export class MapViewFeed {
	readonly reader = new MapViewReader();
	/** The map's box and zoom, as it last reported them. */
	viewport = $state.raw<Viewport | null>(null);
	readonly #networkOnMap: () => boolean;

	constructor(networkOnMap: () => boolean) {
		this.#networkOnMap = networkOnMap;
	}

	/** What the map draws as markers: the database's points for the view, else (before it answers) the atlas. */
	get points() {
		const answer = this.reader.answer;
		return answer ? [...answer.points, ...atlasStore.previewOrganisations] : atlasStore.visible;
	}

	/**
	 * The organisations the map tells apart in the part in view, by name: what
	 * the list shows when the selection is too large to load as a whole.
	 */
	get pointsInView(): MapPoint[] {
		const answer = this.reader.answer;
		const viewport = this.viewport;
		if (!answer || !viewport) return [];
		return answer.points
			.filter((point) => isInside(point, viewport.bbox))
			.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
	}

	/** The question for the current view and filters; null before the map reported a view. */
	query(): MapViewQuery | null {
		if (!this.viewport) return null;
		return viewRequest(this.viewport, toAtlasQuery(atlasStore.filters), this.#networkOnMap());
	}

	/** Asks the database for the view; before it answers, draws an earlier answer that covers it. */
	read(fresh: boolean): void {
		const query = this.query();
		const viewport = this.viewport;
		if (!query || !viewport) return;
		const backend = connection.backend;
		if (!backend) return this.reader.showEarlier(atlasStore.earlierViews, query, viewport);
		if (fresh) this.reader.invalidate();
		void this.reader.read(backend, query, viewport);
	}
}

/** The atlas layout's feed, for the pages inside it (the list, when the selection is too large). */
export const [getMapViewFeed, setMapViewFeed] = createContext<MapViewFeed>();

export function mapViewFeed(networkOnMap: () => boolean): MapViewFeed {
	const feed = new MapViewFeed(networkOnMap);
	let readRevision = -1;
	$effect(() => {
		const revision = atlasStore.revision;
		void connection.backend;
		void atlasStore.earlierViews;
		if (!feed.query()) return;
		untrack(() => {
			feed.read(revision !== readRevision);
			readRevision = revision;
		});
	});
	$effect(() => {
		const query = feed.reader.shownQuery;
		const answer = feed.reader.answer;
		if (!query || !answer) return;
		untrack(() => atlasStore.rememberView({ query, answer }));
		if (performance.getEntriesByName('buurtatlas:live-view').length === 0)
			performance.mark('buurtatlas:live-view');
	});
	return feed;
}
