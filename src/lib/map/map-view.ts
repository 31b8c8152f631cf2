/**
 * The map's view in the URL, as `kaart=zoom/lat/lng` (the order most map sites
 * use), rounded so that it identifies a view without being noisy.
 */
export interface MapView {
	zoom: number;
	lat: number;
	lng: number;
}

export const mapViewParam = 'kaart';

export function mapViewFromUrl(params: URLSearchParams): MapView | null {
	const parts = params.get(mapViewParam)?.split('/').map(Number);
	if (!parts || parts.length !== 3 || parts.some((n) => !Number.isFinite(n))) return null;
	const [zoom, lat, lng] = parts as [number, number, number];
	if (zoom < 0 || zoom > 22 || lat < -85 || lat > 85 || lng < -180 || lng > 180) return null;
	return { zoom, lat, lng };
}

export function formatMapView({ zoom, lat, lng }: MapView): string {
	// Five decimals is about a metre; two for zoom is finer than anyone scrolls.
	const round = (value: number, digits: number) => Number(value.toFixed(digits));
	return `${round(zoom, 2)}/${round(lat, 5)}/${round(lng, 5)}`;
}

/** The same URL with this view, everything else in it kept. */
export function withMapView(url: URL, view: MapView): URL {
	const next = new URL(url);
	next.searchParams.set(mapViewParam, formatMapView(view));
	return next;
}

/** Whether the map draws the whole network in view (`banden=alle`), shareable like the view. */
const networkParam = 'banden';
const networkValue = 'alle';

export function mapNetworkShown(url: URL): boolean {
	return url.searchParams.get(networkParam) === networkValue;
}

export function withMapNetwork(url: URL, shown: boolean): URL {
	const next = new URL(url);
	if (shown) next.searchParams.set(networkParam, networkValue);
	else next.searchParams.delete(networkParam);
	return next;
}
