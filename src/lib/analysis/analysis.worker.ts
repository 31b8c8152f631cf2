/** The analysis worker: metrics and gaps off the main thread, one request at a time. */
import { analyseNetwork } from './analyse-network';
import type { AnalysisReply, AnalysisRequest } from './analysis-messages';

self.onmessage = ({ data }: MessageEvent<AnalysisRequest>) => {
	let reply: AnalysisReply;
	try {
		reply = {
			requestId: data.requestId,
			ok: true,
			analysis: analyseNetwork(data.network, data.reference)
		};
	} catch (error) {
		reply = { requestId: data.requestId, ok: false, message: String(error) };
	}
	self.postMessage(reply);
};
