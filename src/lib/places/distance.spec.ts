import { describe, expect, it } from 'vitest';
import { circleRing, distanceInMetres, formatDistance, walkingMinutes } from './distance';

// Osdorpplein and Plein '40-'45, about 2.2 km apart as the crow flies.
const osdorpplein = { lng: 4.8017, lat: 52.3583 };
const plein4045 = { lng: 4.8107, lat: 52.3789 };

describe('distanceInMetres', () => {
	it('is zero for the same point and symmetric', () => {
		expect(distanceInMetres(osdorpplein, osdorpplein)).toBe(0);
		expect(distanceInMetres(osdorpplein, plein4045)).toBeCloseTo(
			distanceInMetres(plein4045, osdorpplein),
			6
		);
	});

	it('measures a known distance to within a few metres', () => {
		// One thousandth of a degree of latitude is 111.2 m everywhere.
		expect(distanceInMetres({ lng: 4.8, lat: 52.36 }, { lng: 4.8, lat: 52.361 })).toBeCloseTo(
			111.2,
			0
		);
		expect(distanceInMetres(osdorpplein, plein4045)).toBeGreaterThan(2300);
		expect(distanceInMetres(osdorpplein, plein4045)).toBeLessThan(2500);
	});
});

describe('walkingMinutes', () => {
	it('walks 80 m a minute over streets a quarter longer than the straight line', () => {
		expect(walkingMinutes(320)).toBe(5);
		expect(walkingMinutes(1000)).toBe(16);
	});

	it('never says zero minutes', () => {
		expect(walkingMinutes(0)).toBe(1);
		expect(walkingMinutes(20)).toBe(1);
	});
});

describe('formatDistance', () => {
	it('rounds to 10 m below a kilometre', () => {
		expect(formatDistance(347, 'nl')).toBe('350 m');
		expect(formatDistance(3, 'nl')).toBe('10 m');
	});

	it('gives kilometres with one decimal, in the reader’s notation', () => {
		expect(formatDistance(996, 'nl')).toBe('1 km');
		expect(formatDistance(1240, 'nl')).toBe('1,2 km');
		expect(formatDistance(1240, 'en')).toBe('1.2 km');
	});

	it('gives whole kilometres from ten on', () => {
		expect(formatDistance(12_400, 'nl')).toBe('12 km');
	});
});

describe('circleRing', () => {
	it('is closed, and every point is the radius away from the centre', () => {
		const ring = circleRing(osdorpplein, 500, 16);
		expect(ring).toHaveLength(17);
		expect(ring[0]).toEqual(ring[16]);
		for (const [lng, lat] of ring) {
			expect(distanceInMetres(osdorpplein, { lng, lat })).toBeGreaterThan(495);
			expect(distanceInMetres(osdorpplein, { lng, lat })).toBeLessThan(505);
		}
	});
});
