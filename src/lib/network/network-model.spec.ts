import { describe, expect, it } from 'vitest';
import { atlasOrganisation } from '$lib/data/factories';
import type { AtlasCollaboration } from '$lib/data';
import { buildNetwork, isCurrent, tieKey } from '$lib/network/network-model';

const collaboration = (overrides: Partial<AtlasCollaboration>): AtlasCollaboration => ({
	id: 'c1',
	source: 'a',
	target: 'b',
	kind: 'partnership',
	status: 'active',
	...overrides
});

describe('buildNetwork', () => {
	const organisations = ['a', 'b', 'c'].map((id) =>
		atlasOrganisation({ id, name: id.toUpperCase() })
	);

	it('makes one tie per pair, whichever side started it, with every collaboration in it', () => {
		const { ties } = buildNetwork(organisations, [
			collaboration({ id: 'c1', source: 'a', target: 'b', kind: 'funding', status: 'ended' }),
			collaboration({
				id: 'c2',
				source: 'b',
				target: 'a',
				kind: 'shared_project',
				status: 'active'
			})
		]);
		expect(ties).toEqual([
			{
				key: tieKey('a', 'b'),
				source: 'a',
				target: 'b',
				kind: 'shared_project',
				status: 'active',
				collaborationIds: ['c1', 'c2']
			}
		]);
	});

	it('leaves out ties to organisations the filters hide, and ties to itself', () => {
		const { nodes, ties } = buildNetwork(organisations.slice(0, 2), [
			collaboration({ id: 'c1', source: 'a', target: 'c' }),
			collaboration({ id: 'c2', source: 'a', target: 'a' })
		]);
		expect(nodes.map((n) => n.id)).toEqual(['a', 'b']);
		expect(ties).toEqual([]);
	});

	it('gives each node its kind group, as the map colours it', () => {
		const { nodes } = buildNetwork(
			[
				atlasOrganisation({ id: 'w', kind: 'welfare' }),
				atlasOrganisation({ id: 'r', kind: 'buurtplatform' })
			],
			[]
		);
		expect(nodes.map((n) => n.group)).toEqual(['institution', 'resident_led']);
	});

	it('counts only active ties as current', () => {
		expect(
			['active', 'proposed', 'ended'].map((status) => isCurrent({ status: status as never }))
		).toEqual([true, false, false]);
	});
});
