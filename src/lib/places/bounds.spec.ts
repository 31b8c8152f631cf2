import { describe, expect, it } from 'vitest';
import { boundsOf, isInside } from './bounds';

describe('isInside', () => {
	it('counts points on the edge as inside and points beyond it as outside', () => {
		const box = [4.7, 52.3, 4.9, 52.4] as const;
		expect(isInside({ lng: 4.7, lat: 52.4 }, box)).toBe(true);
		expect(isInside({ lng: 4.69, lat: 52.35 }, box)).toBe(false);
		expect(isInside({ lng: 4.8, lat: 52.41 }, box)).toBe(false);
	});
});

describe('boundsOf', () => {
	it('returns the box around all points, or null for none', () => {
		expect(boundsOf([])).toBeNull();
		expect(
			boundsOf([
				{ lng: 4.8, lat: 52.3 },
				{ lng: 5.8, lat: 53.2 },
				{ lng: 4.3, lat: 52.0 }
			])
		).toEqual([4.3, 52.0, 5.8, 53.2]);
	});
});
