/**
 * How the network is drawn: node size and colour from the chosen metric, tie
 * style from its kind and status, in the same colours as the map. Pure, so
 * the view only hands the result to the renderer.
 */
import { collaborationKindColour, collaborationKindOrder } from '$lib/kinds/kind-style';
import { kindGroupColour, programmeColour } from '$lib/kinds/kind-style';
import type { NetworkMetrics } from '$lib/analysis/metrics';
import type { CollaborationStatus } from '$lib/data';
import type { Network, TieKind } from '$lib/network/network-model';
import type { EdgeStyle, Emphasis, RendererData } from './network-renderer';
import type { Highlight } from '$lib/network/network-model';
import type { NodeColouring, NodeSizeMetric } from './network-store.svelte';

/**
 * Cluster colours: Okabe and Ito's palette, chosen to stay distinguishable
 * with colour-blindness. Clusters past the eighth share the grey.
 */
export const communityColours = [
	'#e69f00',
	'#0072b2',
	'#009e73',
	'#cc79a7',
	'#d55e00',
	'#56b4e9',
	'#8c6d00',
	'#332288'
] as const;
export const otherCommunityColour = '#868e96';

export function communityColour(index: number): string {
	return communityColours[index] ?? otherCommunityColour;
}

const statuses: readonly CollaborationStatus[] = ['active', 'proposed', 'ended'];

/**
 * Every combination of kind and status, in a fixed order the ties index into,
 * and last the ties shared membership of a programme adds (when asked for):
 * dotted, in the programmes' colour.
 */
export const tieStyles: readonly EdgeStyle[] = [
	...collaborationKindOrder.flatMap((kind) =>
		statuses.map((status) => ({
			colour: collaborationKindColour[kind],
			dashed: status === 'proposed',
			faint: status === 'ended'
		}))
	),
	{ colour: programmeColour, dashed: true, faint: false }
];

export function tieStyleIndex(kind: TieKind, status: CollaborationStatus): number {
	if (kind === 'shared_membership') return tieStyles.length - 1;
	return collaborationKindOrder.indexOf(kind) * statuses.length + statuses.indexOf(status);
}

/** Radius in layout units: area grows with the metric, so a hub of 24 ties is not 24 times as wide. */
export function nodeRadius(metric: NodeSizeMetric, value: number): number {
	return metric === 'degree' ? 4 + 2.2 * Math.sqrt(value) : 4 + 22 * Math.sqrt(value);
}

/** Source and target index per tie, flattened, for the ties the layout should pull on. */
export function layoutLinks(network: Network, indexOf: ReadonlyMap<string, number>): Uint32Array {
	const pulling = network.ties.filter((t) => t.status !== 'ended');
	const links = new Uint32Array(pulling.length * 2);
	pulling.forEach((tie, i) => {
		links[i * 2] = indexOf.get(tie.source)!;
		links[i * 2 + 1] = indexOf.get(tie.target)!;
	});
	return links;
}

/**
 * For each programme, a pair of every member and the programme's own node
 * (or its first member): the layout holds them near each other, so members
 * are drawn together, where a group's outline can hold them. Layout only:
 * these are no ties, and nothing counts them.
 */
export function belongingPairs(
	groups: readonly { members: Uint32Array; own?: number | undefined }[]
): Uint32Array {
	const pairs: number[] = [];
	for (const { members, own } of groups) {
		const hub = own ?? members[0]!;
		for (const member of members) if (member !== hub) pairs.push(hub, member);
	}
	return Uint32Array.from(pairs);
}

export function rendererData(
	network: Network,
	indexOf: ReadonlyMap<string, number>,
	metrics: NetworkMetrics | null,
	sizeBy: NodeSizeMetric,
	colourBy: NodeColouring
): RendererData {
	const ties = new Uint32Array(network.ties.length * 2);
	const styles = new Uint8Array(network.ties.length);
	network.ties.forEach((tie, i) => {
		ties[i * 2] = indexOf.get(tie.source)!;
		ties[i * 2 + 1] = indexOf.get(tie.target)!;
		styles[i] = tieStyleIndex(tie.kind, tie.status);
	});
	// Until the metrics arrive, size by ties counted here, so the first drawing is already right.
	const degree = new Map<string, number>();
	if (!metrics) {
		for (const tie of network.ties) {
			if (tie.status !== 'active') continue;
			degree.set(tie.source, (degree.get(tie.source) ?? 0) + 1);
			degree.set(tie.target, (degree.get(tie.target) ?? 0) + 1);
		}
	}
	const radii = new Float32Array(network.nodes.length);
	const colours = network.nodes.map((node, i) => {
		const m = metrics?.byNode[node.id];
		const value =
			sizeBy === 'degree' ? (m?.degree ?? degree.get(node.id) ?? 0) : (m?.betweenness ?? 0);
		radii[i] = nodeRadius(sizeBy, value);
		return colourBy === 'community' && m
			? communityColour(m.community)
			: kindGroupColour[node.group];
	});
	return {
		labels: network.nodes.map((n) => n.name),
		colours,
		radii,
		ties,
		tieStyles: styles,
		styles: tieStyles
	};
}

/** A finding's organisations and pairs as node indices, leaving out any the filters hide. */
export function emphasisOf(
	highlight: Highlight | null,
	indexOf: ReadonlyMap<string, number>
): Emphasis | null {
	if (!highlight) return null;
	const nodes = new Set<number>();
	for (const id of highlight.organisationIds) {
		const index = indexOf.get(id);
		if (index !== undefined) nodes.add(index);
	}
	const pairs = highlight.pairs.flatMap(([a, b]) => {
		const [i, j] = [indexOf.get(a), indexOf.get(b)];
		return i === undefined || j === undefined ? [] : [[i, j] as const];
	});
	return { nodes, pairs };
}

/**
 * Where each node is drawn at `blend` (0: its place on the map, 1: its place
 * in the network layout), as x, y pairs. Before the layout has positions the
 * nodes stand at home, or (`still`, for reduced motion) nothing is drawn yet.
 */
export function blendPositions(
	home: Float32Array,
	network: Float32Array | null,
	blend: number,
	still: boolean
): Float32Array | null {
	if (!network || network.length !== home.length) {
		return still || home.length === 0 ? null : home;
	}
	if (blend >= 1) return network;
	const positions = new Float32Array(home.length);
	for (let i = 0; i < home.length; i++) positions[i] = home[i]! + (network[i]! - home[i]!) * blend;
	return positions;
}
