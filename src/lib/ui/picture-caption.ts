/**
 * Pictures for a report (the network's, the map's): the drawing at a scale
 * of its own, and under it a caption saying what it shows, when, from where,
 * with the legend. Drawn on a 2D canvas in CSS pixels, in a worker or not.
 */

/** What a picture says under it: the scope, the date, the source (the first line bold), the legend. */
export interface PictureCaption {
	lines: readonly string[];
	/** A swatch and its meaning; without a colour, a note on a line of its own. */
	legend: readonly { label: string; colour?: string }[];
	/** Picture pixels per CSS pixel of the view: twice the screen's. */
	scale: number;
	/** The caption's language reads right to left (Arabic): lines and legend start at the right. */
	direction?: 'ltr' | 'rtl';
}

const ink = '#212529';
const muted = '#5a636b';
const rule = '#dee2e6';

type Context = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** A text broken into lines of at most `room` pixels, at spaces (a long word keeps its line). */
function wrapped(context: Context, text: string, room: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(' ')) {
		const next = line ? `${line} ${word}` : word;
		if (line && context.measureText(next).width > room) {
			lines.push(line);
			line = word;
		} else line = next;
	}
	return [...lines, line];
}

/**
 * Lays out (and, if `draw`, draws) the caption from `top` down, in CSS
 * pixels: a rule, the lines, the legend's swatches flowing in rows, its
 * notes. Answers the height it takes.
 */
export function drawCaption(
	context: Context,
	{ lines, legend, direction = 'ltr' }: PictureCaption,
	width: number,
	top: number,
	draw: boolean
): number {
	const margin = 16;
	let y = top + margin;
	// Laid out left to right; in Arabic every x is mirrored and text starts at its right end.
	const rtl = direction === 'rtl';
	const at = (x: number) => (rtl ? width - x : x);
	context.direction = direction;
	context.textAlign = 'start';
	context.textBaseline = 'top';
	if (draw) {
		context.fillStyle = rule;
		context.fillRect(margin, top, width - 2 * margin, 1);
	}
	const room = width - 2 * margin;
	lines.forEach((line, n) => {
		context.font = n === 0 ? '600 15px system-ui, sans-serif' : '13px system-ui, sans-serif';
		for (const part of wrapped(context, line, room)) {
			if (draw) {
				context.fillStyle = n === 0 ? ink : muted;
				context.fillText(part, at(margin), y);
			}
			y += n === 0 ? 22 : 18;
		}
	});
	y += 6;
	context.font = '13px system-ui, sans-serif';
	let x = margin;
	const swatches = legend.filter((item) => item.colour);
	for (const { label, colour } of swatches) {
		const itemWidth = 12 + 6 + context.measureText(label).width;
		if (x > margin && x + itemWidth > width - margin) {
			x = margin;
			y += 20;
		}
		if (draw) {
			context.beginPath();
			context.arc(at(x + 6), y + 7, 6, 0, Math.PI * 2);
			context.fillStyle = colour!;
			context.fill();
			context.fillStyle = ink;
			context.fillText(label, at(x + 18), y, width - margin - x - 18);
		}
		x += itemWidth + 18;
	}
	if (swatches.length > 0) y += 22;
	for (const { label, colour } of legend) {
		if (colour) continue;
		for (const part of wrapped(context, label, room)) {
			if (draw) {
				context.fillStyle = muted;
				context.fillText(part, at(margin), y);
			}
			y += 18;
		}
	}
	return y + margin - 4 - top;
}

/**
 * A PNG of `width` × `height` CSS pixels drawn by `drawing` (which is handed a
 * context scaled to CSS pixels), at `caption.scale`, with the caption under it.
 */
export async function pictureWithCaption(
	width: number,
	height: number,
	caption: PictureCaption,
	drawing: (context: OffscreenCanvasRenderingContext2D) => void
): Promise<Blob> {
	const { scale } = caption;
	const measure = new OffscreenCanvas(1, 1).getContext('2d');
	if (!measure) throw new Error('The picture could not be drawn');
	const captionHeight = drawCaption(measure, caption, width, 0, false);
	const picture = new OffscreenCanvas(
		Math.round(width * scale),
		Math.round((height + captionHeight) * scale)
	);
	const context = picture.getContext('2d', { alpha: false });
	if (!context) throw new Error('The picture could not be drawn');
	context.fillStyle = '#ffffff';
	context.fillRect(0, 0, picture.width, picture.height);
	context.save();
	context.setTransform(scale, 0, 0, scale, 0, 0);
	drawing(context);
	context.restore();
	context.setTransform(scale, 0, 0, scale, 0, 0);
	drawCaption(context, caption, width, height, true);
	return picture.convertToBlob({ type: 'image/png' });
}
