/**
 * Distances as a resident thinks of them: metres on foot and minutes of
 * walking, e.g. "350 m, 5 min".
 */
export interface LngLat {
	lng: number;
	lat: number;
}

const earthRadiusMetres = 6_371_008.8;

/** Great-circle (haversine) distance in metres; within a city it is within a metre of exact. */
export function distanceInMetres(a: LngLat, b: LngLat): number {
	const toRadians = (degrees: number) => (degrees * Math.PI) / 180;
	const dLat = toRadians(b.lat - a.lat);
	const dLng = toRadians(b.lng - a.lng);
	const h =
		Math.sin(dLat / 2) ** 2 +
		Math.cos(toRadians(a.lat)) * Math.cos(toRadians(b.lat)) * Math.sin(dLng / 2) ** 2;
	return 2 * earthRadiusMetres * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Walking at 4.8 km/h, a common planning pace for all ages, over a route
 * about 1.25 times the straight line, as city streets are.
 */
export const walkingMetresPerMinute = 80;
export const detourFactor = 1.25;

/** Cycling at 15 km/h over the same streets. */
export const cyclingMetresPerMinute = 250;

export function cyclingMinutes(straightMetres: number): number {
	return Math.max(1, Math.round((straightMetres * detourFactor) / cyclingMetresPerMinute));
}

export function walkingMinutes(straightMetres: number): number {
	return Math.max(1, Math.round((straightMetres * detourFactor) / walkingMetresPerMinute));
}

/**
 * The straight-line distance rounded as a person would say it: to 10 m below
 * a kilometre, to 100 m below ten, whole kilometres beyond.
 */
export function formatDistance(metres: number, locale: string): string {
	if (metres < 995) {
		const rounded = Math.max(10, Math.round(metres / 10) * 10);
		return new Intl.NumberFormat(locale, { style: 'unit', unit: 'meter' }).format(rounded);
	}
	const kilometres = metres / 1000;
	return new Intl.NumberFormat(locale, {
		style: 'unit',
		unit: 'kilometer',
		maximumFractionDigits: kilometres < 9.95 ? 1 : 0
	}).format(kilometres);
}

/** A circle of `radius` metres around a point, as a closed GeoJSON ring. */
export function circleRing(center: LngLat, radius: number, steps = 64): [number, number][] {
	const ring: [number, number][] = [];
	const latDegrees = (radius / earthRadiusMetres) * (180 / Math.PI);
	const lngDegrees = latDegrees / Math.cos((center.lat * Math.PI) / 180);
	for (let i = 0; i <= steps; i++) {
		const angle = (i / steps) * 2 * Math.PI;
		ring.push([
			center.lng + lngDegrees * Math.cos(angle),
			center.lat + latDegrees * Math.sin(angle)
		]);
	}
	return ring;
}
