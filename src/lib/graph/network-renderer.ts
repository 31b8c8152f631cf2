import { polygonHull } from 'd3-polygon';
import { fitTransform } from './network-fit';
import { pictureWithCaption, type PictureCaption } from '$lib/ui/picture-caption';
import { ownDirection } from '$lib/i18n/direction';

export type { PictureCaption };

/**
 * Draws the network on a 2D canvas. Imperative and framework-free: it is
 * handed data, positions, a transform and what to emphasise, and draws on the
 * next animation frame, at most once per frame. It runs in the render worker
 * on an OffscreenCanvas (see network-render-client.ts), so a network of 20,000
 * ties never costs the main thread a frame. Ties are drawn in one path per
 * style and nodes in one path per colour: a handful of draw calls, not 20,000.
 */

export interface EdgeStyle {
	colour: string;
	dashed: boolean;
	faint: boolean;
}

export interface RendererData {
	labels: readonly string[];
	colours: readonly string[];
	/** Per node, in layout units. */
	radii: Float32Array;
	/** Source and target index per tie, flattened. */
	ties: Uint32Array;
	/** Index into `styles` per tie. */
	tieStyles: Uint8Array;
	styles: readonly EdgeStyle[];
	/** Programmes whose members are drawn inside one outline, with the programme's name. */
	groups?: readonly { label: string; members: Uint32Array }[];
	/** The colour of those outlines. */
	groupColour?: string;
}

export interface Emphasis {
	nodes: ReadonlySet<number>;
	/** Pairs to draw as a thick line: ties that matter, or introductions not yet made. */
	pairs: readonly (readonly [number, number])[];
}

export interface Transform {
	k: number;
	x: number;
	y: number;
}

const background = '#ffffff';
const ink = '#212529';
/** How many of the largest nodes are always labelled. */
const alwaysLabelled = 8;

type Canvas = HTMLCanvasElement | OffscreenCanvas;
type Context = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** Where a drawing goes: the screen's canvas, or a picture's. */
interface Target {
	context: Context;
	/** The drawing's size in CSS pixels. */
	width: number;
	height: number;
	ratio: number;
	transform: Transform;
	hovered: number;
}

/** Workers have requestAnimationFrame in Chromium and Firefox; elsewhere a timer stands in. */
const nextFrame = (callback: () => void): number =>
	typeof requestAnimationFrame === 'function'
		? requestAnimationFrame(callback)
		: (setTimeout(callback, 16) as unknown as number);
const cancelFrame = (handle: number): void =>
	typeof cancelAnimationFrame === 'function' ? cancelAnimationFrame(handle) : clearTimeout(handle);

export class NetworkRenderer {
	readonly #canvas: Canvas;
	readonly #context: Context;
	#data: RendererData | null = null;
	#byColour: [string, number[]][] = [];
	#largest: number[] = [];
	#positions: Float32Array | null = null;
	#transform: Transform = { k: 1, x: 0, y: 0 };
	#emphasis: Emphasis | null = null;
	#selected = -1;
	#hovered = -1;
	#frame = 0;
	#pixelRatio = 1;

	constructor(canvas: Canvas) {
		this.#canvas = canvas;
		const context = canvas.getContext('2d', { alpha: false }) as Context | null;
		if (!context) throw new Error('This browser cannot draw on a canvas');
		this.#context = context;
	}

	resize(width: number, height: number, pixelRatio: number): void {
		this.#pixelRatio = pixelRatio;
		this.#canvas.width = Math.max(1, Math.round(width * pixelRatio));
		this.#canvas.height = Math.max(1, Math.round(height * pixelRatio));
		this.#request();
	}

	setData(data: RendererData): void {
		this.#data = data;
		const groups = new Map<string, number[]>();
		data.colours.forEach((colour, i) => {
			const group = groups.get(colour);
			if (group) group.push(i);
			else groups.set(colour, [i]);
		});
		this.#byColour = [...groups];
		this.#largest = [...data.radii.keys()]
			.sort((a, b) => data.radii[b]! - data.radii[a]!)
			.slice(0, alwaysLabelled);
		this.#request();
	}

	setPositions(positions: Float32Array | null): void {
		this.#positions = positions;
		this.#request();
	}

	setTransform(transform: Transform): void {
		this.#transform = transform;
		this.#request();
	}

	setEmphasis(emphasis: Emphasis | null, selected: number): void {
		this.#emphasis = emphasis;
		this.#selected = selected;
		this.#request();
	}

	setHovered(index: number): void {
		if (index === this.#hovered) return;
		this.#hovered = index;
		this.#request();
	}

	/**
	 * The whole network as a PNG for a report: fitted with room to spare, at
	 * `caption.scale` pixels per CSS pixel, with the caption and legend under it.
	 */
	async toBlob(caption: PictureCaption): Promise<Blob> {
		const width = this.#canvas.width / this.#pixelRatio;
		const height = this.#canvas.height / this.#pixelRatio;
		const positions = this.#positions;
		if (!this.#data || !positions) throw new Error('The network is not drawn yet');
		const transform = fitTransform(positions, { width, height }, null, 4) ?? this.#transform;
		return pictureWithCaption(width, height, caption, (context) =>
			this.#draw({ context, width, height, ratio: caption.scale, transform, hovered: -1 })
		);
	}

	destroy(): void {
		cancelFrame(this.#frame);
	}

	#request(): void {
		if (this.#frame) return;
		this.#frame = nextFrame(() => {
			this.#frame = 0;
			this.#draw();
		});
	}

	/** The view on the screen. */
	#screen(): Target {
		return {
			context: this.#context,
			width: this.#canvas.width / this.#pixelRatio,
			height: this.#canvas.height / this.#pixelRatio,
			ratio: this.#pixelRatio,
			transform: this.#transform,
			hovered: this.#hovered
		};
	}

	#draw(target: Target = this.#screen()): void {
		const { context, ratio, hovered } = target;
		context.setTransform(1, 0, 0, 1, 0, 0);
		context.fillStyle = background;
		context.fillRect(0, 0, target.width * ratio, target.height * ratio);
		const data = this.#data;
		const positions = this.#positions;
		if (!data || !positions) return;

		const { k, x, y } = target.transform;
		context.setTransform(ratio * k, 0, 0, ratio * k, ratio * x, ratio * y);
		const emphasis = this.#emphasis;
		const dimmed = emphasis !== null;
		const px = 1 / k; // one CSS pixel in layout units

		const outlines = this.#outlines(context, data, positions, px);

		// Ties, one path per style.
		for (let style = 0; style < data.styles.length; style++) {
			const { colour, dashed, faint } = data.styles[style]!;
			context.beginPath();
			let any = false;
			for (let t = 0; t < data.tieStyles.length; t++) {
				if (data.tieStyles[t] !== style) continue;
				const a = data.ties[t * 2]!;
				const b = data.ties[t * 2 + 1]!;
				context.moveTo(positions[a * 2]!, positions[a * 2 + 1]!);
				context.lineTo(positions[b * 2]!, positions[b * 2 + 1]!);
				any = true;
			}
			if (!any) continue;
			context.globalAlpha = (faint ? 0.25 : 0.7) * (dimmed ? 0.3 : 1);
			context.strokeStyle = colour;
			// One device pixel: Skia draws such hairlines directly, many times faster than wider strokes.
			context.lineWidth = px / ratio;
			context.setLineDash(dashed ? [5 * px, 4 * px] : []);
			context.stroke();
		}
		context.setLineDash([]);

		if (emphasis && emphasis.pairs.length > 0) {
			context.globalAlpha = 1;
			context.strokeStyle = ink;
			context.lineWidth = 3 * px;
			context.setLineDash([7 * px, 4 * px]);
			context.beginPath();
			for (const [a, b] of emphasis.pairs) {
				context.moveTo(positions[a * 2]!, positions[a * 2 + 1]!);
				context.lineTo(positions[b * 2]!, positions[b * 2 + 1]!);
			}
			context.stroke();
			context.setLineDash([]);
		}

		// Nodes, one path per colour, with a white rim so touching nodes stay apart.
		for (const [colour, members] of this.#byColour) {
			context.beginPath();
			for (const i of members) {
				const r = data.radii[i]!;
				context.moveTo(positions[i * 2]! + r, positions[i * 2 + 1]!);
				context.arc(positions[i * 2]!, positions[i * 2 + 1]!, r, 0, Math.PI * 2);
			}
			context.globalAlpha = dimmed ? 0.25 : 1;
			context.fillStyle = colour;
			context.fill();
			context.strokeStyle = background;
			context.lineWidth = 1 * px;
			context.stroke();
		}
		context.globalAlpha = 1;

		const ringed = [...(emphasis?.nodes ?? [])];
		if (emphasis) {
			for (const i of ringed) this.#node(context, i, data.colours[i]!, data.radii[i]!, positions);
		}
		context.strokeStyle = ink;
		for (const i of [...ringed, this.#selected, hovered]) {
			if (i < 0) continue;
			const r = data.radii[i]!;
			context.lineWidth = (i === this.#selected ? 3 : 2) * px;
			context.beginPath();
			context.arc(positions[i * 2]!, positions[i * 2 + 1]!, r + 3 * px, 0, Math.PI * 2);
			context.stroke();
		}

		// Labels in screen space, so they stay legible at any zoom.
		context.setTransform(ratio, 0, 0, ratio, 0, 0);
		// Each outline's programme above it, in its colour, kept inside the canvas and off the others.
		context.font = '600 12px system-ui, sans-serif';
		context.textBaseline = 'bottom';
		context.lineJoin = 'round';
		// Positions are of a label's left end, whatever the page's direction; each
		// name runs its own way (a Dutch name left to right inside the Arabic page).
		context.textAlign = 'left';
		const { width, height } = target;
		const named: { left: number; right: number; bottom: number }[] = [];
		for (const { label, top } of outlines) {
			const textWidth = context.measureText(label).width;
			const sx = Math.max(4, Math.min(top[0] * k + x - textWidth / 2, width - textWidth - 4));
			let sy = Math.max(16, top[1] * k + y - 4);
			while (
				named.some((n) => sx < n.right && sx + textWidth > n.left && Math.abs(sy - n.bottom) < 14)
			)
				sy += 14;
			named.push({ left: sx, right: sx + textWidth, bottom: sy });
			context.lineWidth = 4;
			context.strokeStyle = background;
			context.direction = ownDirection(label);
			context.strokeText(label, sx, sy);
			context.fillStyle = data.groupColour ?? ink;
			context.fillText(label, sx, sy);
		}
		const labelled = new Set(
			emphasis ? ringed.slice(0, 16) : this.#largest.filter((i) => data.radii[i]! * k >= 6)
		);
		for (const i of [this.#selected, hovered]) if (i >= 0) labelled.add(i);
		context.font = '600 12px system-ui, sans-serif';
		context.textBaseline = 'middle';
		context.lineJoin = 'round';
		// Most important first; a label that would overlap one already drawn is left out.
		const taken: { left: number; top: number; right: number; bottom: number }[] = [];
		const order = [this.#selected, hovered, ...labelled].filter(
			(i, n, all) => i >= 0 && all.indexOf(i) === n
		);
		for (const i of order) {
			// Right of the node, or left of it where the right edge would cut it.
			const textWidth = context.measureText(data.labels[i]!).width;
			const nodeX = positions[i * 2]! * k + x;
			const r = data.radii[i]! * k;
			const sx =
				nodeX + r + 5 + textWidth <= width - 4
					? nodeX + r + 5
					: Math.max(4, nodeX - r - 5 - textWidth);
			const sy = Math.max(9, Math.min(positions[i * 2 + 1]! * k + y, height - 9));
			const box = { left: sx, top: sy - 8, right: sx + textWidth, bottom: sy + 8 };
			const overlaps = taken.some(
				(t) => box.left < t.right && box.right > t.left && box.top < t.bottom && box.bottom > t.top
			);
			if (overlaps && i !== this.#selected && i !== hovered) continue;
			taken.push(box);
			context.lineWidth = 4;
			context.strokeStyle = background;
			context.direction = ownDirection(data.labels[i]!);
			context.strokeText(data.labels[i]!, sx, sy);
			context.fillStyle = ink;
			context.fillText(data.labels[i]!, sx, sy);
		}
	}

	/**
	 * Draws each group's outline (the convex hull of circles around its members)
	 * under everything else; answers where to put each one's name.
	 */
	#outlines(
		context: Context,
		data: RendererData,
		positions: Float32Array,
		px: number
	): { label: string; top: [number, number] }[] {
		const placed: { label: string; top: [number, number] }[] = [];
		for (const group of data.groups ?? []) {
			const around: [number, number][] = [];
			for (const i of group.members) {
				const r = data.radii[i]! + 10 * px;
				for (let step = 0; step < 10; step++) {
					const angle = (2 * Math.PI * step) / 10;
					around.push([
						positions[i * 2]! + Math.cos(angle) * r,
						positions[i * 2 + 1]! + Math.sin(angle) * r
					]);
				}
			}
			const hull = polygonHull(around);
			if (!hull) continue;
			context.beginPath();
			hull.forEach(([hx, hy], n) => (n === 0 ? context.moveTo(hx, hy) : context.lineTo(hx, hy)));
			context.closePath();
			context.globalAlpha = 0.08;
			context.fillStyle = data.groupColour ?? ink;
			context.fill();
			context.globalAlpha = 0.8;
			context.strokeStyle = data.groupColour ?? ink;
			context.lineWidth = 1.5 * px;
			context.setLineDash([6 * px, 4 * px]);
			context.stroke();
			context.setLineDash([]);
			const top = hull.reduce((best, point) => (point[1] < best[1] ? point : best));
			placed.push({ label: group.label, top: [top[0], top[1]] });
		}
		context.globalAlpha = 1;
		return placed;
	}

	#node(context: Context, i: number, colour: string, r: number, positions: Float32Array): void {
		context.beginPath();
		context.arc(positions[i * 2]!, positions[i * 2 + 1]!, r, 0, Math.PI * 2);
		context.fillStyle = colour;
		context.fill();
	}
}
