import { describe, expect, it } from 'vitest';
import { fitPadding, fitTransform } from './network-fit';

const size = { width: 400, height: 300 };

/** Where a layout point lands on the canvas under a transform. */
const onCanvas = (t: { k: number; x: number; y: number }, x: number, y: number) => ({
	x: t.k * x + t.x,
	y: t.k * y + t.y
});

describe('fitTransform', () => {
	it('centres all nodes and keeps them inside the padding', () => {
		const positions = new Float32Array([-100, -50, 300, 50, 100, 250]);
		const t = fitTransform(positions, size, null, 4)!;
		for (let i = 0; i < 3; i++) {
			const p = onCanvas(t, positions[i * 2]!, positions[i * 2 + 1]!);
			expect(p.x).toBeGreaterThanOrEqual(fitPadding - 1e-6);
			expect(p.x).toBeLessThanOrEqual(size.width - fitPadding + 1e-6);
			expect(p.y).toBeGreaterThanOrEqual(fitPadding - 1e-6);
			expect(p.y).toBeLessThanOrEqual(size.height - fitPadding + 1e-6);
		}
		const centre = onCanvas(t, 100, 100);
		expect(centre.x).toBeCloseTo(size.width / 2);
		expect(centre.y).toBeCloseTo(size.height / 2);
	});

	it('fits only the nodes asked for, no closer than the limit', () => {
		const positions = new Float32Array([0, 0, 10, 0, 5000, 5000]);
		const t = fitTransform(positions, size, [0, 1], 2)!;
		expect(t.k).toBe(2);
		expect(onCanvas(t, 5, 0)).toEqual({ x: size.width / 2, y: size.height / 2 });
	});

	it('has nothing to fit on an empty canvas or without nodes', () => {
		expect(fitTransform(new Float32Array([0, 0]), { width: 0, height: 300 }, null, 4)).toBeNull();
		expect(fitTransform(new Float32Array([]), size, null, 4)).toBeNull();
	});
});
