/** What the main thread and the analysis worker say to each other. */
import type { Network } from '$lib/network/network-model';
import type { AnalysisReference, NetworkAnalysis } from './analyse-network';

export function startAnalysisWorker(): Worker {
	return new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
}

export interface AnalysisRequest {
	requestId: number;
	network: Network;
	reference: AnalysisReference;
}

export type AnalysisReply =
	| { requestId: number; ok: true; analysis: NetworkAnalysis }
	| { requestId: number; ok: false; message: string };
