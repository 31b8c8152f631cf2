import { describe, expect, it } from 'vitest';
import type { Network, NetworkNode, NetworkTie } from '$lib/network/network-model';
import { networkChange } from './network-change';

const node = (id: string): NetworkNode => ({
	id,
	name: id.toUpperCase(),
	group: 'resident_led',
	themes: [],
	areaId: null,
	lng: 4.8,
	lat: 52.37
});
const tie = (
	source: string,
	target: string,
	status: NetworkTie['status'] = 'active'
): NetworkTie => ({
	key: [source, target].sort().join('|'),
	source,
	target,
	kind: 'partnership',
	status,
	collaborationIds: [`${source}-${target}`]
});
const network = (ids: string[], ties: NetworkTie[]): Network => ({ nodes: ids.map(node), ties });

describe('networkChange', () => {
	it('finds new and ended ties, newcomers, and who is no longer alone', () => {
		const then = network(
			['a', 'b', 'c', 'd'],
			[tie('a', 'b'), tie('b', 'c'), tie('c', 'd', 'ended')]
		);
		const now = network(['a', 'b', 'c', 'd', 'e'], [tie('a', 'b'), tie('c', 'd'), tie('d', 'e')]);
		const change = networkChange(then, now);
		expect(change.newTies.sort()).toEqual([
			['c', 'd'],
			['d', 'e']
		]);
		expect(change.endedTies).toEqual([['b', 'c']]);
		expect(change.newOrganisations).toEqual(['e']);
		// d had only an ended tie: alone then, not now.
		expect(change.noLongerAlone).toEqual(['d']);
		expect(change.nowAlone).toEqual([]);
	});

	it('sees a broker stop being the only link once a second path exists', () => {
		// Then b is the only link between a and c; a new tie a-c makes a second path.
		const then = network(['a', 'b', 'c'], [tie('a', 'b'), tie('b', 'c')]);
		const now = network(['a', 'b', 'c'], [tie('a', 'b'), tie('b', 'c'), tie('a', 'c')]);
		const change = networkChange(then, now);
		expect(change.noLongerSoleLink).toEqual(['b']);
		expect(networkChange(now, then).nowSoleLink).toEqual(['b']);
	});

	it('leaves out a proposed tie: it does not run yet', () => {
		const change = networkChange(
			network(['a', 'b'], []),
			network(['a', 'b'], [tie('a', 'b', 'proposed')])
		);
		expect(change.newTies).toEqual([]);
		expect(change.noLongerAlone).toEqual([]);
	});
});
