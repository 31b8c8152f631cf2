import { describe, expect, it } from 'vitest';
import Graph, { UndirectedGraph } from 'graphology';
import { parse } from 'graphology-gexf/node';
import { networkMetrics } from '$lib/analysis/metrics';
import { networkOf, path } from './network-factories';
import { networkGexf } from './network-export';

describe('networkGexf', () => {
	const network = networkOf(
		[{ id: 'a', name: 'Taalcafé & Co' }, 'b', 'c', { id: 'd', group: 'institution' }],
		[...path('a', 'b', 'c'), ['c', 'd', 'proposed']]
	);

	it('writes GEXF that Gephi reads back: every organisation and tie, with its attributes', () => {
		const positions = new Float32Array([0, 0, 10, 5, 20, 10, 30, -5]);
		const gexf = networkGexf(network, networkMetrics(network), positions, () => 'welfare');
		const graph = parse(UndirectedGraph, gexf);
		expect(graph.order).toBe(4);
		expect(graph.size).toBe(3);
		expect(graph.getNodeAttribute('a', 'label')).toBe('Taalcafé & Co');
		expect(graph.getNodeAttributes('b')).toMatchObject({
			degree: 2,
			kind: 'welfare',
			x: 10,
			y: -5
		});
		expect(graph.getEdgeAttributes(graph.edge('c', 'd'))).toMatchObject({ status: 'proposed' });
	});

	it('writes a network without ties or positions too', () => {
		const alone = networkOf(['a'], []);
		const gexf = networkGexf(alone, null, null, () => 'other');
		expect(gexf).toContain('defaultedgetype="undirected"');
		// With no edge to go by, the parser reads the graph as mixed.
		const graph = parse(Graph, gexf);
		expect(graph.order).toBe(1);
		expect(graph.size).toBe(0);
	});
});
