/** Everything the coordinator's view computes about a network: metrics, then gaps. */
import type { Area } from '$lib/data';
import type { Network } from '$lib/network/network-model';
import { findGaps, type GapFindings } from './gaps';
import { currentTiesGraph, networkMetrics, type NetworkMetrics } from './metrics';

export interface NetworkAnalysis {
	metrics: NetworkMetrics;
	gaps: GapFindings;
}

export interface AnalysisReference {
	areas: readonly Area[];
	themes: readonly string[];
}

export function analyseNetwork(network: Network, reference: AnalysisReference): NetworkAnalysis {
	const graph = currentTiesGraph(network);
	const metrics = networkMetrics(network, graph);
	return { metrics, gaps: findGaps(network, graph, metrics, reference) };
}
