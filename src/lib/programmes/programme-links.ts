/**
 * Links from a programme's page to the atlas with only its members (on the
 * map, outlined together; in the network, grouped), keeping the date. Its
 * page's own address is in atlas-links.ts.
 */
import { resolve } from '$app/paths';
import { filtersFromUrl, noFilters, withFilters } from '$lib/atlas/atlas-filters';
import { withNetworkShown } from '$lib/graph/network-links';

/** The map and list of the programme's members; with `network`, the network beside them. */
export function programmeAtlasHref(slug: string, current: URL, network = false): string {
	const date = filtersFromUrl(current.searchParams, { themes: [], areas: [] }).date;
	const list = new URL(resolve('/'), current);
	list.search = current.search;
	const next = withNetworkShown(
		withFilters(list, { ...noFilters, date, programmes: [slug] }),
		network
	);
	return `${next.pathname}${next.search}`;
}
