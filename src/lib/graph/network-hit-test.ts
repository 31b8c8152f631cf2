import type { Transform } from './network-renderer';

/**
 * The node under a point of the canvas (CSS pixels), or -1: the nearest whose
 * circle, with a few pixels of grace for fingers and small nodes, holds it.
 * On the main thread, from the same positions the renderer draws.
 */
export function nodeAt(
	positions: Float32Array | null,
	radii: Float32Array,
	{ k, x, y }: Transform,
	pointX: number,
	pointY: number
): number {
	if (!positions) return -1;
	const worldX = (pointX - x) / k;
	const worldY = (pointY - y) / k;
	const slack = 4 / k;
	let best = -1;
	let bestDistance = Infinity;
	for (let i = 0; i < positions.length / 2; i++) {
		const d = Math.hypot(positions[i * 2]! - worldX, positions[i * 2 + 1]! - worldY);
		if (d <= (radii[i] ?? 0) + slack && d < bestDistance) {
			best = i;
			bestDistance = d;
		}
	}
	return best;
}
