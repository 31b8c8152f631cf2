/**
 * What each kind of gap finding shows on map and graph when clicked. Pure:
 * the panel calls these with the finding and the network it came from.
 */
import { isCurrent, type Highlight, type Network } from '$lib/network/network-model';
import type { NetworkMetrics } from './metrics';
import type { BridgeTie, Introduction, SingleTie } from './gaps';

export function organisationsHighlight(key: string, ids: readonly string[]): Highlight {
	return { key, organisationIds: ids, pairs: [] };
}

export function singleTieHighlight(finding: SingleTie): Highlight {
	return {
		key: `single:${finding.id}`,
		organisationIds: [finding.id, finding.partner],
		pairs: [[finding.id, finding.partner]]
	};
}

/** A broker with every organisation it works with, and those ties. */
export function brokerHighlight(network: Network, id: string): Highlight {
	const partners = network.ties
		.filter((t) => isCurrent(t) && (t.source === id || t.target === id))
		.map((t) => (t.source === id ? t.target : t.source));
	return {
		key: `broker:${id}`,
		organisationIds: [id, ...partners],
		pairs: partners.map((p) => [id, p] as const)
	};
}

export function bridgeHighlight(finding: BridgeTie): Highlight {
	return {
		key: `bridge:${finding.source}|${finding.target}`,
		organisationIds: [finding.source, finding.target],
		pairs: [[finding.source, finding.target]]
	};
}

export function introductionHighlight(finding: Introduction): Highlight {
	return {
		key: `introduction:${finding.a}|${finding.b}`,
		organisationIds: [finding.a, finding.b],
		pairs: [[finding.a, finding.b]]
	};
}

/** Every member of two clusters that never meet. */
export function clusterPairHighlight(metrics: NetworkMetrics, a: number, b: number): Highlight {
	const members = Object.entries(metrics.byNode)
		.filter(([, m]) => m.community === a || m.community === b)
		.map(([id]) => id);
	return { key: `clusters:${a}|${b}`, organisationIds: members, pairs: [] };
}
