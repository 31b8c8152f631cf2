import type { StyleSpecification } from 'maplibre-gl';
import { env } from '$env/dynamic/public';

/**
 * The basemap: OpenFreeMap's Positron, a free vector style that needs no key.
 * PUBLIC_BASEMAP_STYLE_URL picks another, or `none` for the built-in style.
 */
export const defaultBasemapStyleUrl = 'https://tiles.openfreemap.org/styles/positron';

/** Long enough for a slow connection; short enough that offline users see a map soon. */
const styleTimeoutMs = 4000;

/**
 * A plain style that needs nothing from the network (no tiles, no fonts), so
 * the map is never blank: the organisations are drawn on a quiet background.
 */
export const offlineStyle: StyleSpecification = {
	version: 8,
	name: 'Buurtatlas offline',
	sources: {},
	layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#e9eef2' } }]
};

export interface Basemap {
	style: StyleSpecification | string;
	online: boolean;
}

export function basemapStyleUrl(): string | null {
	const configured = env.PUBLIC_BASEMAP_STYLE_URL?.trim();
	if (configured === 'none') return null;
	return configured || defaultBasemapStyleUrl;
}

/**
 * Fetches the style first, so an unreachable style server costs one short wait
 * and then the offline style, instead of an empty canvas.
 */
export async function loadBasemap(fetcher: typeof fetch = fetch): Promise<Basemap> {
	const url = basemapStyleUrl();
	if (!url) return { style: offlineStyle, online: false };
	try {
		const response = await fetcher(url, { signal: AbortSignal.timeout(styleTimeoutMs) });
		if (!response.ok) throw new Error(`HTTP ${response.status}`);
		const style = (await response.json()) as StyleSpecification;
		if (style.version !== 8 || !Array.isArray(style.layers)) throw new Error('not a style');
		return { style, online: true };
	} catch {
		return { style: offlineStyle, online: false };
	}
}
