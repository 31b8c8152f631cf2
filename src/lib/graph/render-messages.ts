/** What the main thread and the render worker say to each other. */
import type { Emphasis, PictureCaption, RendererData, Transform } from './network-renderer';

export type RenderRequest =
	| { type: 'init'; canvas: OffscreenCanvas }
	| { type: 'resize'; width: number; height: number; pixelRatio: number }
	| { type: 'data'; data: RendererData }
	| { type: 'positions'; positions: Float32Array | null }
	| { type: 'transform'; transform: Transform }
	| { type: 'emphasis'; emphasis: Emphasis | null; selected: number }
	| { type: 'hovered'; index: number }
	| { type: 'png'; requestId: number; caption: PictureCaption };

export type RenderReply =
	| { type: 'png'; requestId: number; blob: Blob }
	| { type: 'png-failed'; requestId: number; message: string };
