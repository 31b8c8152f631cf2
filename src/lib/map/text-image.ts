/**
 * Text as an image for a symbol layer. MapLibre writes text only with glyphs
 * from a server, which the offline map does not have; cluster counts and the
 * fallback map's place names are drawn on a 2D canvas instead: letters in one
 * colour with a halo in another, at the screen's pixel ratio.
 */
import { ownDirection } from '$lib/i18n/direction';

export interface TextImageStyle {
	/** CSS font weight and size in CSS pixels. */
	weight: number;
	size: number;
	fill: string;
	halo: string;
	/** Room around the text, in CSS pixels, and the line height as a factor of the size. */
	padding: number;
	lineHeight: number;
}

export function textImage(
	text: string,
	style: TextImageStyle,
	pixelRatio: number
): { width: number; height: number; data: Uint8ClampedArray } | null {
	const fontSize = style.size * pixelRatio;
	const font = `${style.weight} ${fontSize}px system-ui, sans-serif`;
	const canvas = document.createElement('canvas');
	const context = canvas.getContext('2d');
	if (!context) return null;
	context.font = font;
	const width = Math.ceil(context.measureText(text).width + style.padding * 2 * pixelRatio);
	const height = Math.ceil(fontSize * style.lineHeight);
	canvas.width = width;
	canvas.height = height;
	// A new size resets the context: set the font again.
	context.font = font;
	context.textAlign = 'center';
	context.direction = ownDirection(text);
	context.textBaseline = 'middle';
	context.lineJoin = 'round';
	context.lineWidth = 3 * pixelRatio;
	context.strokeStyle = style.halo;
	context.strokeText(text, width / 2, height / 2);
	context.fillStyle = style.fill;
	context.fillText(text, width / 2, height / 2);
	return { width, height, data: context.getImageData(0, 0, width, height).data };
}
