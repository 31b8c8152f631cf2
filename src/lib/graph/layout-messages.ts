/** What the main thread and the layout worker say to each other. */

export function startLayoutWorker(): Worker {
	return new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
}
export type LayoutRequest =
	| {
			type: 'start';
			requestId: number;
			home: Float32Array;
			links: Uint32Array;
			/** Pairs held near each other more gently than ties: members and their programme. */
			pulls: Uint32Array;
			still: boolean;
	  }
	| { type: 'drag'; requestId: number; index: number; x: number; y: number }
	| { type: 'release'; requestId: number; index: number }
	| { type: 'stop' };

export interface LayoutReply {
	type: 'frame';
	requestId: number;
	positions: Float32Array;
	ticks: number;
	settled: boolean;
}
