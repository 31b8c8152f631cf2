/** The render worker: a message switch over NetworkRenderer, drawing on an OffscreenCanvas. */
import { NetworkRenderer } from './network-renderer';
import type { RenderReply, RenderRequest } from './render-messages';

let renderer: NetworkRenderer | undefined;

const reply = (message: RenderReply) => self.postMessage(message);

self.onmessage = ({ data }: MessageEvent<RenderRequest>) => {
	if (data.type === 'init') {
		renderer = new NetworkRenderer(data.canvas);
		return;
	}
	if (!renderer) return;
	switch (data.type) {
		case 'resize':
			renderer.resize(data.width, data.height, data.pixelRatio);
			break;
		case 'data':
			renderer.setData(data.data);
			break;
		case 'positions':
			renderer.setPositions(data.positions);
			break;
		case 'transform':
			renderer.setTransform(data.transform);
			break;
		case 'emphasis':
			renderer.setEmphasis(data.emphasis, data.selected);
			break;
		case 'hovered':
			renderer.setHovered(data.index);
			break;
		case 'png': {
			const { requestId } = data;
			renderer.toBlob(data.caption).then(
				(blob) => reply({ type: 'png', requestId, blob }),
				(error: unknown) => reply({ type: 'png-failed', requestId, message: String(error) })
			);
			break;
		}
	}
};
