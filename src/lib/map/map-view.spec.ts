import { describe, expect, it } from 'vitest';
import { formatMapView, mapViewFromUrl, withMapView } from './map-view';

describe('map view in the URL', () => {
	it('reads zoom/lat/lng', () => {
		expect(mapViewFromUrl(new URLSearchParams('kaart=14.5/52.37/4.8'))).toEqual({
			zoom: 14.5,
			lat: 52.37,
			lng: 4.8
		});
	});

	it('ignores a missing, malformed or impossible view', () => {
		for (const value of ['', 'kaart=14/52.37', 'kaart=a/b/c', 'kaart=14/95/4.8', 'kaart=30/52/4']) {
			expect(mapViewFromUrl(new URLSearchParams(value)), value).toBeNull();
		}
	});

	it('rounds to about a metre and keeps other parameters', () => {
		expect(formatMapView({ zoom: 13.123456, lat: 52.3712345678, lng: 4.80123456 })).toBe(
			'13.12/52.37123/4.80123'
		);
		const url = withMapView(new URL('https://atlas.example/?thema=wonen'), {
			zoom: 12,
			lat: 52.3,
			lng: 4.8
		});
		expect(url.search).toBe('?thema=wonen&kaart=12%2F52.3%2F4.8');
		expect(mapViewFromUrl(url.searchParams)).toEqual({ zoom: 12, lat: 52.3, lng: 4.8 });
	});
});
