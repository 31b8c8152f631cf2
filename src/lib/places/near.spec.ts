import { describe, expect, it } from 'vitest';
import { atlasOrganisation as organisation } from '$lib/data/factories';
import { nearFromUrl, nearby, withNear } from './near';

const base = new URL('https://buurtatlas.example/?thema=wonen&kaart=14/52.36/4.8');

describe('near in the URL', () => {
	it('round-trips a place, its radius and its label, keeping the rest of the link', () => {
		const near = { lat: 52.35834, lng: 4.80171, label: 'Osdorpplein 1000', radius: 500 };
		const url = withNear(base, near);
		expect(url.searchParams.get('bij')).toBe('52.35834,4.80171');
		expect(url.searchParams.get('thema')).toBe('wonen');
		expect(nearFromUrl(url.searchParams)).toEqual(near);
	});

	it('removes the place, and reads a point without a label', () => {
		const url = withNear(withNear(base, { lat: 1, lng: 2, label: 'x', radius: 500 }), null);
		expect(url.searchParams.has('bij')).toBe(false);
		expect(url.searchParams.has('plek')).toBe(false);
		expect(nearFromUrl(new URLSearchParams('bij=52.36,4.8'))).toEqual({
			lat: 52.36,
			lng: 4.8,
			label: null,
			radius: 1000
		});
	});

	it('drops what it cannot read instead of failing', () => {
		expect(nearFromUrl(new URLSearchParams('bij=hier'))).toBeNull();
		expect(nearFromUrl(new URLSearchParams('bij=52.36'))).toBeNull();
		expect(nearFromUrl(new URLSearchParams('bij=152.36,4.8'))).toBeNull();
		expect(nearFromUrl(new URLSearchParams('bij=52.36,4.8&straal=123'))?.radius).toBe(1000);
	});
});

describe('nearby', () => {
	const here = { lat: 52.36, lng: 4.8, label: null, radius: 1000 };

	it('keeps those within the radius, nearest first', () => {
		const result = nearby(
			[
				organisation({ id: 'far', name: 'Ver', lat: 52.38, lng: 4.8 }),
				organisation({ id: 'b', name: 'Bij', lat: 52.365, lng: 4.8 }),
				organisation({ id: 'a', name: 'Aan', lat: 52.361, lng: 4.8 })
			],
			here
		);
		expect(result.map((r) => r.organisation.id)).toEqual(['a', 'b']);
		expect(result[0]!.metres).toBeCloseTo(111, 0);
	});

	it('orders equally near ones by name', () => {
		const result = nearby(
			[
				organisation({ id: 'z', name: 'Zuid', lat: 52.361, lng: 4.8 }),
				organisation({ id: 'a', name: 'Aan', lat: 52.361, lng: 4.8 })
			],
			here
		);
		expect(result.map((r) => r.organisation.id)).toEqual(['a', 'z']);
	});
});
