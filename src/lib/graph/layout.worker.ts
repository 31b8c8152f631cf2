/** The layout worker: a message switch over ForceLayout, one layout at a time. */
import { ForceLayout } from './force-layout';
import type { LayoutReply, LayoutRequest } from './layout-messages';

let current: { requestId: number; layout: ForceLayout } | undefined;

self.onmessage = ({ data }: MessageEvent<LayoutRequest>) => {
	switch (data.type) {
		case 'start': {
			current?.layout.stop();
			const { requestId } = data;
			const layout = new ForceLayout(
				data.home,
				data.links,
				(frame) => {
					const reply: LayoutReply = { type: 'frame', requestId, ...frame };
					self.postMessage(reply, { transfer: [frame.positions.buffer] });
				},
				{ still: data.still, pulls: data.pulls }
			);
			current = { requestId, layout };
			layout.start();
			break;
		}
		case 'drag':
			if (current?.requestId === data.requestId) current.layout.drag(data.index, data.x, data.y);
			break;
		case 'release':
			if (current?.requestId === data.requestId) current.layout.release(data.index);
			break;
		case 'stop':
			current?.layout.stop();
			current = undefined;
			break;
	}
};
