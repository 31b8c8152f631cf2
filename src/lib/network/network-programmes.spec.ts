import { describe, expect, it } from 'vitest';
import { atlasOrganisation } from '$lib/data/factories';
import type { AtlasCollaboration, AtlasMembership, AtlasProgramme } from '$lib/data';
import { buildNetwork, isCurrent } from '$lib/network/network-model';
import {
	collapseProgrammes,
	programmeGroups,
	withSharedMembership
} from '$lib/network/network-programmes';

// Samen Nieuw-West (snw) with partners a, b, c and its sub-group Kracht (k) with d and e;
// f stands apart, tied to a and d.
const organisations = ['snw', 'k', 'a', 'b', 'c', 'd', 'e', 'f'].map((id, i) =>
	atlasOrganisation({ id, name: id.toUpperCase(), lng: 4.8 + i / 100, lat: 52.36 })
);
const programmes: AtlasProgramme[] = [
	{
		id: 'snw',
		slug: 'samen-nieuw-west',
		name: 'Samen Nieuw-West',
		kind: 'programme',
		parent: null
	},
	{ id: 'k', slug: 'kracht', name: 'Kracht', kind: 'coalition', parent: 'snw' }
];
const memberships: AtlasMembership[] = [
	...['a', 'b', 'c'].map((member) => ({ programme: 'snw', member, role: 'partner' })),
	...['d', 'e'].map((member) => ({ programme: 'k', member, role: 'lid' }))
];
const tie = (id: string, source: string, target: string): AtlasCollaboration => ({
	id,
	source,
	target,
	kind: 'partnership',
	status: 'active'
});
const network = buildNetwork(organisations, [
	tie('t1', 'a', 'f'),
	tie('t2', 'd', 'f'),
	tie('t3', 'a', 'b')
]);

describe('programmeGroups', () => {
	it('counts a sub-group’s members for its parent too, largest first', () => {
		const groups = programmeGroups(network.nodes, memberships, programmes);
		expect(groups.map((g) => [g.name, g.memberIds])).toEqual([
			['Samen Nieuw-West', ['a', 'b', 'c', 'd', 'e']],
			['Kracht', ['d', 'e']]
		]);
	});

	it('leaves out members the filters hide, and programmes with fewer than two left', () => {
		const shown = network.nodes.filter((n) => n.id !== 'e');
		expect(programmeGroups(shown, memberships, programmes).map((g) => g.name)).toEqual([
			'Samen Nieuw-West'
		]);
	});
});

describe('shared membership as a tie', () => {
	it('ties each pair of members not yet tied: 5 members, 10 pairs, one already there', () => {
		const groups = programmeGroups(network.nodes, memberships, programmes);
		const { network: shared, leftOut } = withSharedMembership(network, groups, 20_000);
		expect(leftOut).toEqual([]);
		const added = shared.ties.filter((t) => t.kind === 'shared_membership');
		expect(added).toHaveLength(9);
		expect(added.every(isCurrent)).toBe(true);
		// The collaborations stay as they were.
		expect(shared.ties.filter((t) => t.kind !== 'shared_membership')).toEqual(network.ties);
	});

	it('keeps within the network’s limit: the smaller programme is tied, the larger named', () => {
		const groups = programmeGroups(network.nodes, memberships, programmes);
		// 3 ties now; Kracht adds 1, Samen Nieuw-West would add 9 more.
		const { network: shared, leftOut } = withSharedMembership(network, groups, 6);
		expect(shared.ties).toHaveLength(4);
		expect(leftOut.map((g) => g.name)).toEqual(['Samen Nieuw-West']);
	});
});

describe('collapseProgrammes', () => {
	it('makes the programme one node that carries its members’ ties to the rest', () => {
		const groups = programmeGroups(network.nodes, memberships, programmes);
		const collapsed = collapseProgrammes(network, groups);
		expect(collapsed.nodes.map((n) => n.id).sort()).toEqual(['f', 'k', 'snw']);
		expect(collapsed.nodes.find((n) => n.id === 'snw')?.name).toBe('SNW (+5)');
		// a–f and d–f become one tie snw–f holding both; a–b falls inside the programme.
		expect(collapsed.ties).toEqual([
			expect.objectContaining({ source: 'f', target: 'snw', collaborationIds: ['t1', 't2'] })
		]);
	});

	it('places a programme that is not itself shown where its members are on average', () => {
		const withoutOwn = {
			nodes: network.nodes.filter((n) => n.id !== 'snw' && n.id !== 'k'),
			ties: network.ties
		};
		const groups = programmeGroups(withoutOwn.nodes, memberships, programmes);
		const collapsed = collapseProgrammes(withoutOwn, groups);
		const made = collapsed.nodes.find((n) => n.id === 'snw');
		expect(made?.name).toBe('Samen Nieuw-West (+5)');
		expect(made?.lng).toBeCloseTo((4.82 + 4.83 + 4.84 + 4.85 + 4.86) / 5);
	});
});
