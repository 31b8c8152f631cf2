/**
 * The map as a picture for a report: drawn once more at the picture's scale
 * (twice the screen's), copied in the frame MapLibre draws it (a WebGL canvas
 * keeps its pixels only until then), with the caption under it and the
 * basemap's attribution in the caption, as its licence asks.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { m } from '$lib/paraglide/messages';
import { pictureWithCaption, type PictureCaption } from '$lib/ui/picture-caption';

/** How long to wait for tiles at the new scale before taking what is drawn. */
const settleMs = 5000;

export async function mapPicture(map: MapLibreMap, caption: PictureCaption): Promise<Blob> {
	const canvas = map.getCanvas();
	const width = canvas.clientWidth;
	const height = canvas.clientHeight;
	const copy = new OffscreenCanvas(
		Math.round(width * caption.scale),
		Math.round(height * caption.scale)
	);
	const previous = map.getPixelRatio();
	try {
		map.setPixelRatio(caption.scale);
		await new Promise<void>((resolve) => {
			const timer = setTimeout(resolve, settleMs);
			map.once('idle', () => {
				clearTimeout(timer);
				resolve();
			});
		});
		await new Promise<void>((resolve) => {
			map.once('render', () => {
				copy.getContext('2d')?.drawImage(canvas, 0, 0, copy.width, copy.height);
				resolve();
			});
			map.triggerRepaint();
		});
	} finally {
		map.setPixelRatio(previous);
	}
	const attribution = map
		.getContainer()
		.querySelector('.maplibregl-ctrl-attrib-inner')
		?.textContent?.trim();
	const lines = attribution
		? [...caption.lines, m.map_picture_basemap({ attribution })]
		: caption.lines;
	return pictureWithCaption(width, height, { ...caption, lines }, (context) =>
		context.drawImage(copy, 0, 0, width, height)
	);
}
