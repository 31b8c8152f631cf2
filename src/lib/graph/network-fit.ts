/**
 * The view that fits nodes into the canvas: their bounding box centred, at the
 * largest scale that leaves `padding` around it. Pure, so the camera and its
 * spec share it.
 */
import type { Transform } from './network-renderer';

/** Room around the nodes, in pixels, for their labels. */
export const fitPadding = 40;

/**
 * @param positions x, y pairs in layout coordinates
 * @param indices the nodes to fit (all when omitted)
 * @param maxScale no closer than this: a finding of two organisations should not fill the screen
 */
export function fitTransform(
	positions: Float32Array,
	size: { width: number; height: number },
	indices: readonly number[] | null,
	maxScale: number
): Transform | null {
	const { width, height } = size;
	const chosen = indices ?? [...Array(positions.length / 2).keys()];
	if (width === 0 || height === 0 || chosen.length === 0) return null;
	let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const i of chosen) {
		minX = Math.min(minX, positions[i * 2]!);
		maxX = Math.max(maxX, positions[i * 2]!);
		minY = Math.min(minY, positions[i * 2 + 1]!);
		maxY = Math.max(maxY, positions[i * 2 + 1]!);
	}
	const k = Math.min(
		maxScale,
		(width - fitPadding * 2) / Math.max(maxX - minX, 1),
		(height - fitPadding * 2) / Math.max(maxY - minY, 1)
	);
	return { k, x: width / 2 - ((minX + maxX) / 2) * k, y: height / 2 - ((minY + maxY) / 2) * k };
}
