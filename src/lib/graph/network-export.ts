/**
 * The network as it is shown (after filters) for other tools: GEXF, which
 * Gephi opens with positions, sizes, colours and every attribute, and the
 * view itself as a PNG.
 */
import { UndirectedGraph } from 'graphology';
import writeGexf from 'graphology-gexf/browser/writer.js';
import type { NetworkMetrics } from '$lib/analysis/metrics';
import type { OrganisationKind } from '$lib/data';
import { datedFileName, downloadBlob } from '$lib/app/download';
import { kindGroupColour } from '$lib/kinds/kind-style';
import type { Network } from '$lib/network/network-model';
import type { RendererHandle } from './network-render-client';
import type { PictureCaption } from './network-renderer';
import { nodeRadius } from './network-visuals';

/** The GEXF document: one node per organisation and one edge per tie. */
export function networkGexf(
	network: Network,
	metrics: NetworkMetrics | null,
	positions: Float32Array | null,
	kindOf: (id: string) => OrganisationKind
): string {
	const graph = new UndirectedGraph();
	network.nodes.forEach((node, i) => {
		const m = metrics?.byNode[node.id];
		graph.addNode(node.id, {
			label: node.name,
			kind: kindOf(node.id),
			group: node.group,
			themes: node.themes.join(';'),
			area: node.areaId ?? '',
			lng: node.lng,
			lat: node.lat,
			degree: m?.degree ?? 0,
			betweenness: m?.betweenness ?? 0,
			community: m?.community ?? -1,
			color: kindGroupColour[node.group],
			size: nodeRadius('degree', m?.degree ?? 0),
			// Gephi's y axis points up, the screen's down.
			...(positions ? { x: positions[i * 2]!, y: -positions[i * 2 + 1]! } : {})
		});
	});
	for (const tie of network.ties) {
		graph.addEdgeWithKey(tie.key, tie.source, tie.target, {
			kind: tie.kind,
			status: tie.status,
			collaborations: tie.collaborationIds.length
		});
	}
	return writeGexf(graph, { version: '1.3' });
}

export function exportGexf(
	network: Network,
	metrics: NetworkMetrics | null,
	positions: Float32Array | null,
	kindOf: (id: string) => OrganisationKind
): void {
	const gexf = networkGexf(network, metrics, positions, kindOf);
	downloadBlob(
		new Blob([gexf], { type: 'application/gexf+xml' }),
		datedFileName('buurtatlas-netwerk', 'gexf')
	);
}

export async function exportPng(
	renderer: RendererHandle | null,
	caption: PictureCaption
): Promise<void> {
	if (!renderer) throw new Error('The network is not drawn yet');
	downloadBlob(await renderer.toBlob(caption), datedFileName('buurtatlas-netwerk', 'png'));
}
