import { describe, expect, it } from 'vitest';
import { networkOf, path } from '$lib/graph/network-factories';
import { networkMetrics } from './metrics';

const twoTriangles = (joined: boolean) =>
	networkOf(
		['a', 'b', 'c', 'd', 'e', 'f'],
		[...path('a', 'b', 'c', 'a'), ...path('d', 'e', 'f', 'd'), ...(joined ? path('c', 'd') : [])]
	);

describe('networkMetrics', () => {
	it('counts current ties as the degree, not ended or proposed ones', () => {
		const { byNode } = networkMetrics(
			networkOf(
				['a', 'b', 'c', 'd'],
				[
					['a', 'b'],
					['a', 'c', 'ended'],
					['a', 'd', 'proposed']
				]
			)
		);
		expect(byNode['a']!.degree).toBe(1);
		expect(byNode['c']!.degree).toBe(0);
	});

	it('gives the middle of a path the highest betweenness and its ends none', () => {
		const { byNode } = networkMetrics(
			networkOf(['a', 'b', 'c', 'd', 'e'], path('a', 'b', 'c', 'd', 'e'))
		);
		expect(byNode['a']!.betweenness).toBe(0);
		// Normalised by the (n-1)(n-2)/2 = 6 pairs a node could lie between:
		// c lies between 4 of them (a-d, a-e, b-d, b-e), b between 3.
		expect(byNode['c']!.betweenness).toBeCloseTo(4 / 6);
		expect(byNode['b']!.betweenness).toBeCloseTo(3 / 6);
	});

	it('finds two triangles joined by one tie as two communities, the same every time', () => {
		const first = networkMetrics(twoTriangles(true));
		expect(first.communities.map((c) => c.size)).toEqual([3, 3]);
		expect(first.byNode['a']!.community).toBe(first.byNode['b']!.community);
		expect(first.byNode['a']!.community).not.toBe(first.byNode['f']!.community);
		expect(networkMetrics(twoTriangles(true))).toEqual(first);
	});

	it('names a community after its member with the most ties', () => {
		const { communities, byNode } = networkMetrics(twoTriangles(true));
		expect(communities.map((c) => c.anchor).sort()).toEqual(['c', 'd']);
		expect(communities[byNode['a']!.community]!.anchor).toBe('c');
	});

	it('puts every organisation in a community of its own when there are no ties', () => {
		const { communities, modularity } = networkMetrics(networkOf(['a', 'b'], []));
		expect(communities.map((c) => c.size)).toEqual([1, 1]);
		expect(modularity).toBe(0);
	});
});
