/**
 * Dragging a node moves it in the network layout; a drag that starts on no
 * node is left to d3-zoom, which pans. While the view shows the map layout
 * (blend near 0), nodes stay where the map puts them.
 */
import { drag as d3Drag } from 'd3-drag';
import type { NetworkLayout } from './network-layout.svelte';
import type { Transform } from './network-renderer';

export interface DragContext {
	layout: NetworkLayout;
	/** The node under a canvas point, or -1. */
	nodeAt: (x: number, y: number) => number;
	blend: () => number;
	transform: () => Transform;
	/** A node was dragged: the view stays as it is, rather than fit itself around the new layout. */
	ondragstart?: () => void;
}

export function nodeDrag({ layout, nodeAt, blend, transform, ondragstart }: DragContext) {
	return d3Drag<HTMLCanvasElement, unknown, number | undefined>()
		.subject((event: { x: number; y: number }) => {
			if (blend() < 0.05) return undefined;
			const index = nodeAt(event.x, event.y);
			return index >= 0 ? index : undefined;
		})
		.on('start', (event: { subject: number | undefined }) => {
			if (event.subject !== undefined) ondragstart?.();
		})
		.on('drag', (event: { subject: number | undefined; x: number; y: number }) => {
			if (event.subject === undefined) return;
			const { k, x, y } = transform();
			const worldX = (event.x - x) / k;
			const worldY = (event.y - y) / k;
			const home = layout.home;
			const t = blend();
			const i = event.subject;
			// The network position that puts the node under the pointer at this blend.
			layout.drag(
				i,
				(worldX - (1 - t) * home[i * 2]!) / t,
				(worldY - (1 - t) * home[i * 2 + 1]!) / t
			);
		})
		.on('end', (event: { subject: number | undefined }) => {
			if (event.subject !== undefined) layout.release(event.subject);
		});
}
