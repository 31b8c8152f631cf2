/**
 * The main thread's side of the layout: what it asks the worker, and which
 * answers it keeps. The worker is a stand-in that records requests and
 * answers frames when the test says (the layout itself is force-layout.ts,
 * with its own spec; the real worker runs in every network journey).
 */
import { describe, expect, it } from 'vitest';
import type { LayoutReply, LayoutRequest } from './layout-messages';
import { NetworkLayout } from './network-layout.svelte';

function workerByHand() {
	const requests: LayoutRequest[] = [];
	let terminated = false;
	const worker = {
		onmessage: null as ((event: MessageEvent<LayoutReply>) => void) | null,
		postMessage: (request: LayoutRequest) => requests.push(request),
		terminate: () => (terminated = true)
	};
	const frame = (requestId: number, settled: boolean) =>
		worker.onmessage?.({
			data: {
				type: 'frame',
				requestId,
				positions: new Float32Array([1, 2, 3, 4]),
				ticks: 1,
				settled
			}
		} as MessageEvent<LayoutReply>);
	return {
		start: () => worker as unknown as Worker,
		requests,
		frame,
		terminated: () => terminated
	};
}

const places = [
	{ lng: 4.8, lat: 52.36 },
	{ lng: 4.81, lat: 52.37 }
];

describe('NetworkLayout', () => {
	it('starts from where the organisations lie on the map, and counts the frames', () => {
		const { start, requests, frame } = workerByHand();
		const layout = new NetworkLayout(start);
		layout.start(places, new Uint32Array([0, 1]), { still: false });
		expect(layout.home).toHaveLength(4);
		expect(layout.positions).toBeNull();
		const request = requests[0]!;
		expect(request.type).toBe('start');
		if (request.type !== 'start') return;
		expect([...request.home]).toEqual([...layout.home]);

		frame(request.requestId, false);
		frame(request.requestId, true);
		expect(layout.frames).toBe(2);
		expect(layout.settled).toBe(true);
		expect([...layout.positions!]).toEqual([1, 2, 3, 4]);
	});

	it('drops frames of a layout the filters have replaced', () => {
		const { start, requests, frame } = workerByHand();
		const layout = new NetworkLayout(start);
		layout.start(places, new Uint32Array([0, 1]), { still: false });
		layout.start(places.slice(0, 1), new Uint32Array(), { still: true });
		frame(requests[0]!.type === 'start' ? requests[0]!.requestId : -1, true);
		expect(layout.frames).toBe(0);
		expect(layout.positions).toBeNull();
	});

	it('passes a drag on for the current layout, which is no longer settled', () => {
		const { start, requests, frame } = workerByHand();
		const layout = new NetworkLayout(start);
		layout.start(places, new Uint32Array([0, 1]), { still: false });
		frame(1, true);
		layout.drag(1, 10, 20);
		layout.release(1);
		expect(layout.settled).toBe(false);
		expect(requests.slice(1)).toEqual([
			{ type: 'drag', requestId: 1, index: 1, x: 10, y: 20 },
			{ type: 'release', requestId: 1, index: 1 }
		]);
	});

	it('stops its worker when the view goes', () => {
		const { start, terminated } = workerByHand();
		const layout = new NetworkLayout(start);
		layout.start(places, new Uint32Array([0, 1]), { still: false });
		layout.destroy();
		expect(terminated()).toBe(true);
	});
});
