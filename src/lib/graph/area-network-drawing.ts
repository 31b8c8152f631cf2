/**
 * The network between areas drawn at the areas' own places: each area where
 * its organisations lie on average, sized by how many there are, and the ties
 * between areas as lines as wide as they are many. Positions are projected as
 * the map does (Web Mercator) into a box with room for the largest circles.
 */
import type { AreaNetwork } from '$lib/data';

export interface DrawnArea {
	id: string;
	name: string;
	x: number;
	y: number;
	r: number;
	count: number;
	residentLedShare: number;
	/** Among the largest: labelled. */
	labelled: boolean;
}

export interface DrawnTie {
	key: string;
	x1: number;
	y1: number;
	x2: number;
	y2: number;
	width: number;
	count: number;
	proposedOnly: boolean;
}

const maxRadius = 26;
const minRadius = 5;
const labels = 12;

function mercatorY(lat: number): number {
	const phi = (lat * Math.PI) / 180;
	return Math.log(Math.tan(Math.PI / 4 + phi / 2));
}

export function drawAreaNetwork(
	network: AreaNetwork,
	width: number,
	height: number
): { areas: DrawnArea[]; ties: DrawnTie[] } {
	if (network.areas.length === 0) return { areas: [], ties: [] };
	const xs = network.areas.map((a) => a.lng);
	const ys = network.areas.map((a) => mercatorY(a.lat));
	const [minX, maxX, minY, maxY] = [
		Math.min(...xs),
		Math.max(...xs),
		Math.min(...ys),
		Math.max(...ys)
	];
	const margin = maxRadius + 4;
	const spanX = (maxX - minX) * (Math.PI / 180);
	const spanY = maxY - minY;
	// A span of nothing (one area, or areas in a row) does not limit the scale.
	const scale = Math.min(
		spanX > 0 ? (width - 2 * margin) / spanX : Infinity,
		spanY > 0 ? (height - 2 * margin) / spanY : Infinity
	);
	if (!Number.isFinite(scale)) {
		return drawAreaNetworkAt(network, () => [width / 2, height / 2]);
	}
	// Centred in the box.
	const offsetX = (width - spanX * scale) / 2;
	const offsetY = (height - spanY * scale) / 2;
	return drawAreaNetworkAt(network, (a) => [
		offsetX + (a.lng - minX) * (Math.PI / 180) * scale,
		offsetY + (maxY - mercatorY(a.lat)) * scale
	]);
}

function drawAreaNetworkAt(
	network: AreaNetwork,
	place: (area: AreaNetwork['areas'][number]) => [number, number]
): { areas: DrawnArea[]; ties: DrawnTie[] } {
	const maxCount = Math.max(...network.areas.map((a) => a.count));
	const largest = new Set(network.areas.slice(0, labels).map((a) => a.id));
	const areas = network.areas.map((a) => ({
		id: a.id,
		name: a.name,
		x: place(a)[0],
		y: place(a)[1],
		r: minRadius + (maxRadius - minRadius) * Math.sqrt(a.count / maxCount),
		count: a.count,
		residentLedShare: a.count > 0 ? a.byGroup.resident_led / a.count : 0,
		labelled: largest.has(a.id)
	}));
	const at = new Map(areas.map((a) => [a.id, a]));
	const maxTie = Math.max(1, ...network.ties.map((t) => t.count));
	const ties = network.ties.flatMap((t) => {
		const from = at.get(t.source);
		const to = at.get(t.target);
		if (!from || !to) return [];
		return [
			{
				key: `${t.source} ${t.target}`,
				x1: from.x,
				y1: from.y,
				x2: to.x,
				y2: to.y,
				width: 1 + 9 * Math.sqrt(t.count / maxTie),
				count: t.count,
				proposedOnly: t.confirmed === 0
			}
		];
	});
	return { areas, ties };
}
