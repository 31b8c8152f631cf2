/**
 * Network metrics, all from graphology's own libraries: degree (ties per
 * organisation), betweenness centrality (how often it lies on the shortest
 * path between two others: the brokers) and Louvain communities (groups that
 * work together more among themselves than with the rest).
 */
import { UndirectedGraph } from 'graphology';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import louvain from 'graphology-communities-louvain';
import { isCurrent, type Network } from '$lib/network/network-model';

export interface NodeMetrics {
	/** Current ties. */
	degree: number;
	/** Normalised to 0..1 over the network. */
	betweenness: number;
	/** Index into `communities`, 0 the largest. */
	community: number;
}

export interface Community {
	index: number;
	size: number;
	/** The member with the most ties, which the community is named after. */
	anchor: string;
}

export interface NetworkMetrics {
	byNode: Record<string, NodeMetrics>;
	communities: Community[];
	/** Louvain's modularity, 0 when there are no ties. */
	modularity: number;
}

/** The graph of current ties, with every organisation in the network as a node. */
export function currentTiesGraph(network: Network): UndirectedGraph {
	const graph = new UndirectedGraph();
	for (const node of network.nodes) graph.addNode(node.id);
	for (const tie of network.ties) {
		if (isCurrent(tie)) graph.mergeEdge(tie.source, tie.target);
	}
	return graph;
}

export function networkMetrics(
	network: Network,
	graph = currentTiesGraph(network)
): NetworkMetrics {
	const names = new Map(network.nodes.map((n) => [n.id, n.name]));
	const betweenness = graph.size > 0 ? betweennessCentrality(graph, { normalized: true }) : {};

	// Seeded, so the same network always gets the same communities and colours.
	const detailed = graph.size > 0 ? louvain.detailed(graph, { rng: seededRandom(20261122) }) : null;
	const rawCommunity = (id: string): string =>
		detailed ? `c${detailed.communities[id]}` : `n${id}`;

	const members = new Map<string, string[]>();
	graph.forEachNode((id) => {
		const key = rawCommunity(id);
		members.set(key, [...(members.get(key) ?? []), id]);
	});
	const byDegreeThenName = (a: string, b: string) =>
		graph.degree(b) - graph.degree(a) || (names.get(a) ?? a).localeCompare(names.get(b) ?? b, 'nl');
	const ordered = [...members.values()]
		.map((ids) => ({ ids, anchor: [...ids].sort(byDegreeThenName)[0]! }))
		.sort(
			(a, b) =>
				b.ids.length - a.ids.length ||
				(names.get(a.anchor) ?? '').localeCompare(names.get(b.anchor) ?? '', 'nl')
		);

	const byNode: Record<string, NodeMetrics> = {};
	const communities = ordered.map(({ ids, anchor }, index): Community => {
		for (const id of ids) {
			byNode[id] = {
				degree: graph.degree(id),
				betweenness: betweenness[id] ?? 0,
				community: index
			};
		}
		return { index, size: ids.length, anchor };
	});
	return { byNode, communities, modularity: detailed?.modularity ?? 0 };
}

/** mulberry32: a small, well-known seeded generator, enough to make Louvain repeatable. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
