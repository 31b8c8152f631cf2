/**
 * Whether the network shows beside the map (on a phone: as its tab) is part
 * of the URL, `weergave=netwerk`, so a coordinator can share that view.
 */
import { resolve } from '$app/paths';

const param = 'weergave';
const value = 'netwerk';

export function networkShown(url: URL): boolean {
	return url.searchParams.get(param) === value;
}

export function withNetworkShown(url: URL, shown: boolean): URL {
	const next = new URL(url);
	if (shown) next.searchParams.set(param, value);
	else next.searchParams.delete(param);
	return next;
}

/**
 * The coordinator's page, with the network shown beside the map, keeping the
 * current filters, place and map view: it analyses what the map shows.
 */
export function networkPageHref(current: URL): string {
	const next = withNetworkShown(current, true);
	return `${resolve('/netwerk')}${next.search}`;
}

/** The map page, with the current filters, place and map view, and the network put away. */
export function mapPageHref(current: URL): string {
	const next = withNetworkShown(current, false);
	return `${resolve('/')}${next.search}`;
}
