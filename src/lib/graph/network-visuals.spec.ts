import { describe, expect, it } from 'vitest';
import { blendPositions } from './network-visuals';

describe('blendPositions', () => {
	const home = new Float32Array([0, 0, 10, 10]);
	const network = new Float32Array([100, 0, 10, 30]);

	it('moves each node from its place on the map to its place in the network', () => {
		expect([...blendPositions(home, network, 0.5, false)!]).toEqual([50, 0, 10, 20]);
		expect(blendPositions(home, network, 1, false)).toBe(network);
	});

	it('stands at home until the layout answers, or draws nothing without motion', () => {
		expect(blendPositions(home, null, 1, false)).toBe(home);
		expect(blendPositions(home, null, 1, true)).toBeNull();
		expect(blendPositions(new Float32Array(), null, 0, false)).toBeNull();
	});
});
