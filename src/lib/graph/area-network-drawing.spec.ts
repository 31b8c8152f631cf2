import { describe, expect, it } from 'vitest';
import type { AreaNetwork, AreaNode } from '$lib/data';
import { drawAreaNetwork } from './area-network-drawing';

const area = (id: string, lng: number, lat: number, count: number, residentLed = 0): AreaNode => ({
	id,
	name: `Gebied ${id}`,
	lng,
	lat,
	count,
	byGroup: { resident_led: residentLed, enterprise: 0, institution: count - residentLed, other: 0 },
	ties: 0
});

const network: AreaNetwork = {
	level: 'wijk',
	// Largest first, as area_network() orders them.
	areas: [area('a', 4.8, 52.36, 400, 300), area('b', 4.9, 52.38, 100), area('c', 4.85, 52.34, 4)],
	ties: [
		{ source: 'a', target: 'b', count: 40, confirmed: 30 },
		{ source: 'b', target: 'c', count: 1, confirmed: 0 },
		{ source: 'a', target: 'gone', count: 5, confirmed: 5 }
	],
	shown: 504,
	unplaced: 0
};

describe('the network between areas, drawn', () => {
	const { areas, ties } = drawAreaNetwork(network, 600, 400);

	it('keeps every circle inside the box, west to the left and north at the top', () => {
		for (const a of areas) {
			expect(a.x - a.r).toBeGreaterThanOrEqual(0);
			expect(a.x + a.r).toBeLessThanOrEqual(600);
			expect(a.y - a.r).toBeGreaterThanOrEqual(0);
			expect(a.y + a.r).toBeLessThanOrEqual(400);
		}
		const [a, b, c] = areas;
		expect(a!.x).toBeLessThan(b!.x);
		expect(b!.y).toBeLessThan(c!.y);
	});

	it('sizes areas by their organisations and ties by their count, dashing ties none confirmed', () => {
		const [a, b, c] = areas;
		expect(a!.r).toBeGreaterThan(b!.r);
		expect(b!.r).toBeGreaterThan(c!.r);
		expect(a!.residentLedShare).toBe(0.75);
		expect(ties.map((t) => t.key)).toEqual(['a b', 'b c']);
		expect(ties[0]!.width).toBeGreaterThan(ties[1]!.width);
		expect(ties.map((t) => t.proposedOnly)).toEqual([false, true]);
	});

	it('draws nothing for no areas, and a lone area in the middle', () => {
		expect(drawAreaNetwork({ ...network, areas: [], ties: [] }, 600, 400)).toEqual({
			areas: [],
			ties: []
		});
		const [lone] = drawAreaNetwork({ ...network, areas: [area('x', 5, 52, 3)] }, 600, 400).areas;
		expect(lone!.x).toBeCloseTo(300);
		expect(lone!.y).toBeCloseTo(200);
	});
});
