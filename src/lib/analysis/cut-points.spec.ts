import { describe, expect, it } from 'vitest';
import { networkOf, path } from '$lib/graph/network-factories';
import { currentTiesGraph } from './metrics';
import { cutStructure } from './cut-points';

const structureOf = (...args: Parameters<typeof networkOf>) =>
	cutStructure(currentTiesGraph(networkOf(...args)));
const sortedBridges = (bridges: { source: string; target: string }[]) =>
	bridges.map((b) => [b.source, b.target].sort().join('-')).sort();

describe('cutStructure', () => {
	it('finds every inner node of a path as a cut point and every tie as a bridge', () => {
		const { cutPoints, bridges } = structureOf(['a', 'b', 'c', 'd'], path('a', 'b', 'c', 'd'));
		expect(Object.fromEntries(cutPoints.map((c) => [c.node, c.cutOff]))).toEqual({
			b: [1],
			c: [1]
		});
		expect(sortedBridges(bridges)).toEqual(['a-b', 'b-c', 'c-d']);
	});

	it('reports what a cut point cuts off, whichever node the search starts from', () => {
		// a-b-c-d-e: without b, {a} is cut off from {c, d, e}; without c, the halves are 2 and 2.
		const { cutPoints, bridges } = structureOf(
			['c', 'a', 'e', 'b', 'd'],
			path('a', 'b', 'c', 'd', 'e')
		);
		const cut = Object.fromEntries(cutPoints.map((c) => [c.node, c.cutOff]));
		expect(cut).toEqual({ b: [1], c: [2], d: [1] });
		const middle = bridges.find((b) => [b.source, b.target].sort().join('-') === 'b-c');
		expect(middle?.smallerSide).toBe(2);
	});

	it('finds the centre of a star, cutting off every leaf but one from the rest', () => {
		const { cutPoints, bridges } = structureOf(
			['hub', 'x', 'y', 'z'],
			[
				['hub', 'x'],
				['hub', 'y'],
				['hub', 'z']
			]
		);
		expect(cutPoints).toEqual([{ node: 'hub', cutOff: [1, 1] }]);
		expect(bridges.every((b) => b.smallerSide === 1)).toBe(true);
		expect(bridges).toHaveLength(3);
	});

	it('finds the one tie and its two ends that join two triangles', () => {
		const { cutPoints, bridges } = structureOf(
			['a', 'b', 'c', 'd', 'e', 'f'],
			[...path('a', 'b', 'c', 'a'), ...path('d', 'e', 'f', 'd'), ['c', 'd']]
		);
		expect(cutPoints.map((c) => c.node).sort()).toEqual(['c', 'd']);
		// Without c, the pair a-b loses the triangle d-e-f: the smaller part (2) is cut off.
		expect(cutPoints.map((c) => c.cutOff)).toEqual([[2], [2]]);
		expect(sortedBridges(bridges)).toEqual(['c-d']);
		expect(bridges[0]!.smallerSide).toBe(3);
	});

	it('finds nothing in a cycle, and nothing to cut in a disconnected pair', () => {
		expect(structureOf(['a', 'b', 'c'], path('a', 'b', 'c', 'a'))).toEqual({
			cutPoints: [],
			bridges: []
		});
		const pair = structureOf(['a', 'b', 'c'], [['a', 'b']]);
		expect(pair.cutPoints).toEqual([]);
		expect(pair.bridges).toEqual([
			{ source: expect.any(String), target: expect.any(String), smallerSide: 1 }
		]);
	});

	it('walks a chain of 20,000 without overflowing the stack', () => {
		const ids = Array.from({ length: 20_000 }, (_, i) => `n${i}`);
		const { cutPoints, bridges } = structureOf(ids, path(...ids));
		expect(cutPoints).toHaveLength(19_998);
		expect(bridges).toHaveLength(19_999);
	});
});
