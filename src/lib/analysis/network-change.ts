/**
 * What changed in a network between two dates: ties that began and ended,
 * organisations that came, that found a first partner or lost their last,
 * and brokers that stopped or started being the only link to part of it.
 * "Sinds 2021: 14 nieuwe samenwerkingen, 3 organisaties niet meer alleen,
 * LSA bewoners niet meer de enige schakel."
 */
import type { Network } from '$lib/network/network-model';
import { cutStructure } from './cut-points';
import { currentTiesGraph } from './metrics';

export interface NetworkChange {
	newTies: [string, string][];
	endedTies: [string, string][];
	newOrganisations: string[];
	/** In both, without a running tie then, with one now. */
	noLongerAlone: string[];
	nowAlone: string[];
	/** In both: the only link to part of the network then, no longer now. */
	noLongerSoleLink: string[];
	nowSoleLink: string[];
}

function runningPairs(network: Network): Map<string, [string, string]> {
	const graph = currentTiesGraph(network);
	const pairs = new Map<string, [string, string]>();
	graph.forEachEdge((_edge, _attributes, source, target) => {
		const pair: [string, string] = source < target ? [source, target] : [target, source];
		pairs.set(pair.join('|'), pair);
	});
	return pairs;
}

function alone(network: Network): Set<string> {
	const graph = currentTiesGraph(network);
	return new Set(graph.filterNodes((node) => graph.degree(node) === 0));
}

function soleLinks(network: Network): Set<string> {
	return new Set(cutStructure(currentTiesGraph(network)).cutPoints.map((c) => c.node));
}

export function networkChange(then: Network, now: Network): NetworkChange {
	const before = runningPairs(then);
	const after = runningPairs(now);
	const inThen = new Set(then.nodes.map((n) => n.id));
	const inBoth = (id: string) => inThen.has(id) && now.nodes.some((n) => n.id === id);
	const [aloneThen, aloneNow] = [alone(then), alone(now)];
	const [linksThen, linksNow] = [soleLinks(then), soleLinks(now)];
	return {
		newTies: [...after].filter(([key]) => !before.has(key)).map(([, pair]) => pair),
		endedTies: [...before].filter(([key]) => !after.has(key)).map(([, pair]) => pair),
		newOrganisations: now.nodes.filter((n) => !inThen.has(n.id)).map((n) => n.id),
		noLongerAlone: [...aloneThen].filter((id) => inBoth(id) && !aloneNow.has(id)),
		nowAlone: [...aloneNow].filter((id) => inBoth(id) && !aloneThen.has(id)),
		noLongerSoleLink: [...linksThen].filter((id) => inBoth(id) && !linksNow.has(id)),
		nowSoleLink: [...linksNow].filter((id) => inBoth(id) && !linksThen.has(id))
	};
}
