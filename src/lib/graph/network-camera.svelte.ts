/**
 * Where the network canvas looks: d3-zoom's pan and zoom by mouse, touch and
 * keyboard, and fitting the nodes into view. Until the person moves the view
 * it follows the layout (the caller fits again as the layout settles); once
 * they pan or zoom, it stays where they put it, until "0" fits it again.
 */
import { select } from 'd3-selection';
import { zoom as d3Zoom, zoomIdentity, type ZoomBehavior } from 'd3-zoom';
import type { DragBehavior } from 'd3-drag';
import type { Transform } from './network-renderer';
import { fitTransform } from './network-fit';

/** How far an arrow key pans, in pixels, and how much + and - zoom. */
const panStep = 60;
const zoomStep = 1.3;

export class NetworkCamera {
	transform = $state.raw<Transform>({ k: 1, x: 0, y: 0 });
	/** True once the person pans or zooms: from then on the view stays where they put it. */
	userMoved = false;
	size = { width: 0, height: 0 };
	#canvas: HTMLCanvasElement | null = null;
	#zoom: ZoomBehavior<HTMLCanvasElement, unknown> | null = null;

	/** Wires pan and zoom (and a drag, which comes first so that it can claim a node). */
	attach(
		canvas: HTMLCanvasElement,
		drag: DragBehavior<HTMLCanvasElement, unknown, number | undefined>
	) {
		this.#canvas = canvas;
		this.#zoom = d3Zoom<HTMLCanvasElement, unknown>()
			.scaleExtent([0.02, 12])
			.on('zoom', (event: { transform: Transform; sourceEvent: unknown }) => {
				if (event.sourceEvent) this.userMoved = true;
				this.transform = { k: event.transform.k, x: event.transform.x, y: event.transform.y };
			});
		const selection = select(canvas);
		selection.call(drag).call(this.#zoom).on('dblclick.zoom', null);
		return () => {
			selection.on('.zoom', null).on('.drag', null);
			this.#canvas = null;
			this.#zoom = null;
		};
	}

	/** Fits the nodes given (or all) into the canvas, with room for their labels. */
	fit(positions: Float32Array | null, only?: number[]): void {
		if (!positions || !this.#canvas || !this.#zoom) return;
		// A finding of two organisations should not fill the screen with them.
		const next = fitTransform(positions, this.size, only ?? null, only ? 2 : 4);
		if (!next) return;
		select(this.#canvas).call(
			this.#zoom.transform,
			zoomIdentity.translate(next.x, next.y).scale(next.k)
		);
	}

	/**
	 * Brings a point of the layout into view when it is outside (or at the very
	 * edge): the keyboard's node stays visible as it moves.
	 */
	reveal(x: number, y: number, margin = 40): void {
		if (!this.#canvas || !this.#zoom) return;
		const { k, x: tx, y: ty } = this.transform;
		const screenX = x * k + tx;
		const screenY = y * k + ty;
		const { width, height } = this.size;
		if (
			screenX >= margin &&
			screenX <= width - margin &&
			screenY >= margin &&
			screenY <= height - margin
		)
			return;
		this.userMoved = true;
		this.#zoom.translateTo(select(this.#canvas), x, y);
	}

	/** Arrow keys (with Shift, beside the node keys) pan, + and - zoom, 0 fits again; answers whether the key was one of those. */
	key(key: string, positions: Float32Array | null): boolean {
		const zoom = this.#zoom;
		if (!zoom || !this.#canvas) return false;
		const target = select(this.#canvas);
		const step = panStep / this.transform.k;
		const moves: Record<string, () => void> = {
			ArrowLeft: () => zoom.translateBy(target, step, 0),
			ArrowRight: () => zoom.translateBy(target, -step, 0),
			ArrowUp: () => zoom.translateBy(target, 0, step),
			ArrowDown: () => zoom.translateBy(target, 0, -step),
			'+': () => zoom.scaleBy(target, zoomStep),
			'=': () => zoom.scaleBy(target, zoomStep),
			'-': () => zoom.scaleBy(target, 1 / zoomStep),
			'0': () => {
				this.userMoved = false;
				this.fit(positions);
			}
		};
		const move = moves[key];
		if (!move) return false;
		if (key !== '0') this.userMoved = true;
		move();
		return true;
	}
}
