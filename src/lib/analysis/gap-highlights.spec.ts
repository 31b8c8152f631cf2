import { describe, expect, it } from 'vitest';
import { networkOf } from '$lib/graph/network-factories';
import { brokerHighlight, clusterPairHighlight, introductionHighlight } from './gap-highlights';
import { networkMetrics } from './metrics';

describe('gap highlights', () => {
	it('shows a broker with every partner it works with now, and those ties', () => {
		const network = networkOf(
			['hub', 'x', 'y', 'old'],
			[
				['hub', 'x'],
				['y', 'hub'],
				['hub', 'old', 'ended']
			]
		);
		const highlight = brokerHighlight(network, 'hub');
		expect(highlight.organisationIds).toEqual(['hub', 'x', 'y']);
		expect(highlight.pairs).toEqual([
			['hub', 'x'],
			['hub', 'y']
		]);
	});

	it('shows every member of two clusters that never meet', () => {
		const network = networkOf(
			['a', 'b', 'c', 'd'],
			[
				['a', 'b'],
				['c', 'd']
			]
		);
		const metrics = networkMetrics(network);
		const shown = clusterPairHighlight(metrics, 0, 1).organisationIds;
		expect([...shown].sort()).toEqual(['a', 'b', 'c', 'd']);
	});

	it('draws an introduction as the pair to be made', () => {
		expect(
			introductionHighlight({
				a: 'a',
				b: 'b',
				sharedThemes: ['wonen'],
				distance: 300,
				crossesWorlds: false
			})
		).toEqual({ key: 'introduction:a|b', organisationIds: ['a', 'b'], pairs: [['a', 'b']] });
	});
});
