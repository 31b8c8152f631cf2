/**
 * "Near me": a place and a walking radius, kept in the URL as
 * `bij=lat,lng`, `straal=metres` and `plek=label`, so a shared link opens the
 * same list. Unreadable values are dropped, never fatal.
 */
import type { AtlasOrganisation } from '$lib/data';
import { distanceInMetres, type LngLat } from './distance';

export interface Near extends LngLat {
	/** What the user chose, e.g. an address; null for a point picked on the map. */
	label: string | null;
	radius: number;
}

export const radiusChoices = [500, 1000, 2000, 5000] as const;
export const defaultRadius = 1000;

const param = { at: 'bij', radius: 'straal', label: 'plek' } as const;

export function nearFromUrl(params: URLSearchParams): Near | null {
	const at = params.get(param.at)?.split(',');
	if (at?.length !== 2) return null;
	const [lat, lng] = at.map(Number) as [number, number];
	if (!Number.isFinite(lat) || !Number.isFinite(lng)) return null;
	if (Math.abs(lat) > 90 || Math.abs(lng) > 180) return null;
	const radius = Number(params.get(param.radius));
	return {
		lat,
		lng,
		label: params.get(param.label)?.trim() || null,
		radius: (radiusChoices as readonly number[]).includes(radius) ? radius : defaultRadius
	};
}

/** The same URL with this place (or none), everything else kept. Five decimals is a metre. */
export function withNear(url: URL, near: Near | null): URL {
	const next = new URL(url);
	for (const name of Object.values(param)) next.searchParams.delete(name);
	if (near) {
		next.searchParams.set(param.at, `${near.lat.toFixed(5)},${near.lng.toFixed(5)}`);
		next.searchParams.set(param.radius, String(near.radius));
		if (near.label) next.searchParams.set(param.label, near.label);
	}
	return next;
}

export interface NearbyOrganisation {
	organisation: AtlasOrganisation;
	metres: number;
}

/** The organisations within the radius, nearest first (by name when equally near). */
export function nearby(
	organisations: readonly AtlasOrganisation[],
	near: Near
): NearbyOrganisation[] {
	return organisations
		.map((organisation) => ({ organisation, metres: distanceInMetres(near, organisation) }))
		.filter(({ metres }) => metres <= near.radius)
		.sort(
			(a, b) => a.metres - b.metres || a.organisation.name.localeCompare(b.organisation.name, 'nl')
		);
}
