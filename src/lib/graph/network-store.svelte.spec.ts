/**
 * The network store's analysis and highlight. The analysis runs the real
 * analyseNetwork(), in this process instead of a Web Worker (Node has none);
 * the stand-in answers the way analysis.worker.ts does, and only when the
 * test says, so the order of answers is the test's to choose.
 */
import { describe, expect, it } from 'vitest';
import { analyseNetwork } from '$lib/analysis/analyse-network';
import type { AnalysisReply, AnalysisRequest } from '$lib/analysis/analysis-messages';
import { networkOf, path } from './network-factories';
import { NetworkStore } from './network-store.svelte';

/** A worker that analyses each request for real, answering when `answer()` is called. */
function workerByHand() {
	const requests: AnalysisRequest[] = [];
	const worker = {
		onmessage: null as ((event: MessageEvent<AnalysisReply>) => void) | null,
		onerror: null,
		postMessage: (request: AnalysisRequest) => requests.push(request)
	};
	const answer = (index: number) => {
		const request = requests[index]!;
		worker.onmessage?.({
			data: {
				requestId: request.requestId,
				ok: true,
				analysis: analyseNetwork(request.network, request.reference)
			}
		} as MessageEvent<AnalysisReply>);
	};
	return { start: () => worker as unknown as Worker, requests, answer };
}

const reference = { areas: [], themes: [] };

describe('NetworkStore', () => {
	it('analyses a network once, and keeps only the newest answer', () => {
		const { start, requests, answer } = workerByHand();
		const store = new NetworkStore(start);
		const chain = networkOf(['a', 'b', 'c', 'd'], path('a', 'b', 'c', 'd'));
		const star = networkOf(
			['hub', 'a', 'b', 'c'],
			[
				['hub', 'a'],
				['hub', 'b'],
				['hub', 'c']
			]
		);

		store.analyse(chain, reference);
		store.analyse(chain, reference);
		expect(requests).toHaveLength(1);
		expect(store.analysisState.phase).toBe('running');

		store.analyse(star, reference);
		answer(0); // the chain's answer, overtaken by the star's
		expect(store.analysis).toBeNull();
		answer(1);
		expect(store.analysis?.metrics.byNode['hub']?.degree).toBe(3);
	});

	it('says so when the analysis failed', () => {
		const { start, requests } = workerByHand();
		const store = new NetworkStore(start);
		const worker = start();
		store.analyse(networkOf(['a', 'b', 'c'], path('a', 'b', 'c')), reference);
		worker.onmessage!({
			data: { requestId: requests[0]!.requestId, ok: false, message: 'out of memory' }
		} as MessageEvent<AnalysisReply>);
		expect(store.analysisState).toEqual({ phase: 'failed', message: 'out of memory' });
	});

	it('shows a finding, and hides it when the same finding is chosen again', () => {
		const store = new NetworkStore(workerByHand().start);
		const finding = { key: 'isolated', organisationIds: ['a'], pairs: [] };
		store.toggleHighlight(finding);
		expect(store.highlight?.key).toBe('isolated');
		store.toggleHighlight(finding);
		expect(store.highlight).toBeNull();
	});
});
