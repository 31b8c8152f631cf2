import { describe, expect, it } from 'vitest';
import { nodeAt } from './network-hit-test';

describe('nodeAt', () => {
	const positions = new Float32Array([0, 0, 10, 0, 100, 100]);
	const radii = new Float32Array([4, 4, 8]);

	it('finds the nearest node whose circle holds the point, through the zoom', () => {
		const transform = { k: 2, x: 50, y: 50 };
		// Node 1 lies at (70, 50) on screen, node 0 at (50, 50).
		expect(nodeAt(positions, radii, transform, 68, 51)).toBe(1);
		expect(nodeAt(positions, radii, transform, 52, 50)).toBe(0);
		expect(nodeAt(positions, radii, transform, 250, 250)).toBe(2);
	});

	it('gives a few pixels of grace, and finds nothing further out', () => {
		const transform = { k: 1, x: 0, y: 0 };
		expect(nodeAt(positions, radii, transform, 0, 7)).toBe(0);
		expect(nodeAt(positions, radii, transform, 0, 9)).toBe(-1);
		expect(nodeAt(null, radii, transform, 0, 0)).toBe(-1);
	});
});
