/**
 * Programmes in the network. A membership is no tie: the network's metrics
 * leave shared membership out unless asked (50 partners of one programme
 * would otherwise become 1,225 ties). The view can group a programme's
 * members (drawn together, inside one outline) or collapse them into one
 * node that carries all their ties.
 */
import type { AtlasMembership, AtlasProgramme } from '$lib/data';
import { m } from '$lib/paraglide/messages';
import { tieKey, type Network, type NetworkNode, type NetworkTie } from './network-model';

/** How the network shows programmes: members apart, grouped in an outline, or as one node. */
export const programmeModes = ['apart', 'grouped', 'collapsed'] as const;
export type ProgrammeMode = (typeof programmeModes)[number];

export interface ProgrammeGroup {
	/** The programme's own organisation id. */
	id: string;
	name: string;
	/** Members among the network's nodes; a sub-group's members count for its parents too. */
	memberIds: readonly string[];
}

/**
 * Each programme with at least two members among the nodes, largest first.
 * A member of Kracht van Nieuw-West belongs to Samen Nieuw-West as well, as
 * the programme filter has it.
 */
export function programmeGroups(
	nodes: readonly Pick<NetworkNode, 'id'>[],
	memberships: readonly AtlasMembership[],
	programmes: readonly AtlasProgramme[]
): ProgrammeGroup[] {
	const present = new Set(nodes.map((n) => n.id));
	const byId = new Map(programmes.map((p) => [p.id, p]));
	const members = new Map<string, Set<string>>();
	for (const { programme, member } of memberships) {
		if (!present.has(member)) continue;
		// Up the parents, at most a few levels, never round in a circle.
		const seen = new Set<string>();
		for (
			let at: string | null = programme;
			at && !seen.has(at);
			at = byId.get(at)?.parent ?? null
		) {
			seen.add(at);
			if (at === member) continue;
			let set = members.get(at);
			if (!set) members.set(at, (set = new Set()));
			set.add(member);
		}
	}
	return [...members]
		.filter(([, set]) => set.size >= 2)
		.map(([id, set]) => ({ id, name: byId.get(id)?.name ?? id, memberIds: [...set].sort() }))
		.sort((a, b) => b.memberIds.length - a.memberIds.length || a.name.localeCompare(b.name, 'nl'));
}

/**
 * The ties shared membership adds: each pair of members of a programme that
 * has no tie yet. A programme of n members adds up to n(n-1)/2 of them, so
 * they are added smallest programme first within `maxTies` (the network's
 * limit); programmes that would go beyond it are left out, and named.
 */
export function withSharedMembership(
	network: Network,
	groups: readonly ProgrammeGroup[],
	maxTies: number
): { network: Network; leftOut: ProgrammeGroup[] } {
	if (groups.length === 0) return { network, leftOut: [] };
	const ties = new Map(network.ties.map((t) => [t.key, t]));
	const leftOut: ProgrammeGroup[] = [];
	const bySize = [...groups].sort((a, b) => a.memberIds.length - b.memberIds.length);
	for (const group of bySize) {
		const ids = group.memberIds;
		if (ties.size + (ids.length * (ids.length - 1)) / 2 > maxTies) {
			leftOut.push(group);
			continue;
		}
		for (let i = 0; i < ids.length; i++) {
			for (let j = i + 1; j < ids.length; j++) {
				const key = tieKey(ids[i]!, ids[j]!);
				if (ties.has(key)) continue;
				const [source, target] = key.split('|') as [string, string];
				ties.set(key, {
					key,
					source,
					target,
					kind: 'shared_membership',
					status: 'active',
					collaborationIds: []
				});
			}
		}
	}
	return { network: { nodes: network.nodes, ties: [...ties.values()] }, leftOut };
}

/**
 * Each programme's members as one node, the programme's own (or, when the
 * programme itself is not shown, a new one where its members are on average),
 * carrying their ties to the rest. A member of two programmes goes into the
 * larger; a sub-group goes into its parent, which holds its members too.
 */
export function collapseProgrammes(network: Network, groups: readonly ProgrammeGroup[]): Network {
	if (groups.length === 0) return network;
	const nodesById = new Map(network.nodes.map((n) => [n.id, n]));
	const into = new Map<string, string>();
	const added: NetworkNode[] = [];
	for (const group of groups) {
		const members = group.memberIds.filter((id) => !into.has(id) && id !== group.id);
		if (members.length < 2 || into.has(group.id)) continue;
		for (const id of members) into.set(id, group.id);
		if (!nodesById.has(group.id)) {
			const placed = members.map((id) => nodesById.get(id)!);
			added.push({
				id: group.id,
				name: group.name,
				group: 'other',
				themes: [],
				areaId: null,
				lng: placed.reduce((sum, n) => sum + n.lng, 0) / placed.length,
				lat: placed.reduce((sum, n) => sum + n.lat, 0) / placed.length
			});
		}
	}
	const counts = new Map<string, number>();
	for (const target of into.values()) counts.set(target, (counts.get(target) ?? 0) + 1);
	const nodes = [
		...network.nodes
			.filter((n) => !into.has(n.id))
			.map((n) =>
				counts.has(n.id) ? { ...n, name: collapsedName(n.name, counts.get(n.id)!) } : n
			),
		...added.map((n) => ({ ...n, name: collapsedName(n.name, counts.get(n.id)!) }))
	];
	const ties = new Map<string, NetworkTie>();
	for (const tie of network.ties) {
		const source = into.get(tie.source) ?? tie.source;
		const target = into.get(tie.target) ?? tie.target;
		if (source === target) continue;
		const key = tieKey(source, target);
		const earlier = ties.get(key);
		const [a, b] = key.split('|') as [string, string];
		ties.set(
			key,
			earlier
				? {
						...earlier,
						status:
							earlier.status === 'active' || tie.status !== 'active' ? earlier.status : 'active',
						collaborationIds: [...earlier.collaborationIds, ...tie.collaborationIds]
					}
				: { ...tie, key, source: a, target: b }
		);
	}
	return { nodes, ties: [...ties.values()] };
}

/** "Samen Nieuw-West (+11)": the name of a node that holds its members. */
function collapsedName(name: string, members: number): string {
	return m.network_programme_collapsed({ name, count: members });
}
