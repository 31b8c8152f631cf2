/**
 * Moving through the network by keyboard: from a node, an arrow key goes to
 * the nearest node in that direction on screen, and to one of its partners
 * when one lies that way, so that following arrows walks along the ties. An
 * isolated node, or a direction without partners, still leads on to the
 * nearest node of any kind, so focus is never stuck.
 */
export type Direction = 'left' | 'right' | 'up' | 'down';

const unit: Record<Direction, [number, number]> = {
	left: [-1, 0],
	right: [1, 0],
	up: [0, -1],
	down: [0, 1]
};

export const arrowDirections: Record<string, Direction> = {
	ArrowLeft: 'left',
	ArrowRight: 'right',
	ArrowUp: 'up',
	ArrowDown: 'down'
};

/**
 * How far a node is in a direction: nodes ahead (within about 63° either
 * side of it) count, the straighter ahead the nearer; others are Infinity.
 */
function distanceAhead(
	positions: Float32Array,
	from: number,
	to: number,
	[ux, uy]: [number, number]
): number {
	const dx = positions[to * 2]! - positions[from * 2]!;
	const dy = positions[to * 2 + 1]! - positions[from * 2 + 1]!;
	const along = dx * ux + dy * uy;
	const across = Math.abs(dx * uy - dy * ux);
	if (along <= 0 || across > 2 * along) return Infinity;
	return along + 2 * across;
}

function nearestOf(
	positions: Float32Array,
	from: number,
	direction: [number, number],
	candidates: Iterable<number>
): number {
	let best = -1;
	let bestDistance = Infinity;
	for (const i of candidates) {
		if (i === from) continue;
		const d = distanceAhead(positions, from, i, direction);
		if (d < bestDistance) {
			best = i;
			bestDistance = d;
		}
	}
	return best;
}

function* allNodes(count: number) {
	for (let i = 0; i < count; i++) yield i;
}

/** The node an arrow key leads to from `from`, or `from` itself when nothing lies that way. */
export function nextNode(
	positions: Float32Array,
	from: number,
	direction: Direction,
	partners: readonly number[]
): number {
	const towards = unit[direction];
	const partner = nearestOf(positions, from, towards, partners);
	if (partner >= 0) return partner;
	const any = nearestOf(positions, from, towards, allNodes(positions.length / 2));
	return any >= 0 ? any : from;
}

/** Each node's partners (indexes), from the ties as index pairs. */
export function partnersOf(count: number, links: readonly { source: number; target: number }[]) {
	const partners: number[][] = Array.from({ length: count }, () => []);
	for (const { source, target } of links) {
		partners[source]?.push(target);
		partners[target]?.push(source);
	}
	return partners;
}
