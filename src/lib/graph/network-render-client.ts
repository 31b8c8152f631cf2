/**
 * The view's handle on the renderer. Where the browser can hand a canvas to a
 * worker (OffscreenCanvas), drawing happens in the render worker and the main
 * thread only posts what changed; elsewhere the same NetworkRenderer draws on
 * the main thread. Either way the view calls the same methods.
 */
import {
	NetworkRenderer,
	type Emphasis,
	type PictureCaption,
	type RendererData,
	type Transform
} from './network-renderer';
import type { RenderReply, RenderRequest } from './render-messages';

export interface RendererHandle {
	resize(width: number, height: number, pixelRatio: number): void;
	setData(data: RendererData): void;
	setPositions(positions: Float32Array | null): void;
	setTransform(transform: Transform): void;
	setEmphasis(emphasis: Emphasis | null, selected: number): void;
	setHovered(index: number): void;
	toBlob(caption: PictureCaption): Promise<Blob>;
	destroy(): void;
}

export function createRenderer(canvas: HTMLCanvasElement): RendererHandle {
	if (typeof canvas.transferControlToOffscreen !== 'function') return new NetworkRenderer(canvas);
	const worker = new Worker(new URL('./render.worker.ts', import.meta.url), { type: 'module' });
	const send = (request: RenderRequest, transfer: Transferable[] = []) =>
		worker.postMessage(request, transfer);
	const offscreen = canvas.transferControlToOffscreen();
	send({ type: 'init', canvas: offscreen }, [offscreen]);

	let requestId = 0;
	const waiting = new Map<number, { resolve: (blob: Blob) => void; reject: (e: Error) => void }>();
	worker.onmessage = ({ data }: MessageEvent<RenderReply>) => {
		const waiter = waiting.get(data.requestId);
		waiting.delete(data.requestId);
		if (data.type === 'png') waiter?.resolve(data.blob);
		else waiter?.reject(new Error(data.message));
	};

	return {
		resize: (width, height, pixelRatio) => send({ type: 'resize', width, height, pixelRatio }),
		setData: (data) => send({ type: 'data', data }),
		// A copy goes to the worker: the view keeps its own for hit tests and blending.
		setPositions: (positions) => {
			const copy = positions?.slice() ?? null;
			send({ type: 'positions', positions: copy }, copy ? [copy.buffer] : []);
		},
		setTransform: (transform) => send({ type: 'transform', transform }),
		setEmphasis: (emphasis, selected) => send({ type: 'emphasis', emphasis, selected }),
		setHovered: (index) => send({ type: 'hovered', index }),
		toBlob: (caption) =>
			new Promise<Blob>((resolve, reject) => {
				requestId += 1;
				waiting.set(requestId, { resolve, reject });
				send({ type: 'png', requestId, caption });
			}),
		destroy: () => {
			worker.terminate();
			for (const waiter of waiting.values()) waiter.reject(new Error('The renderer was closed'));
			waiting.clear();
		}
	};
}
