/**
 * The force layout of the network, as the layout worker runs it: d3-force,
 * started from the organisations' places on the map and gently held to them,
 * so the network keeps the map in mind. Runs in time slices, so the worker
 * can take a drag between two slices, and reports positions after each.
 */
import {
	forceLink,
	forceManyBody,
	forceSimulation,
	forceX,
	forceY,
	type Simulation,
	type SimulationNodeDatum
} from 'd3-force';

export interface LayoutFrame {
	/** x0, y0, x1, y1, … in layout units, in the order of the nodes given. */
	positions: Float32Array;
	ticks: number;
	settled: boolean;
}

export interface LayoutOptions {
	/** Report only the settled layout: for `prefers-reduced-motion`, and for tests. */
	still?: boolean;
	/** How long one slice of ticks may take before positions are reported. */
	sliceMs?: number;
	/** Ticks until it settles: fewer is faster, more is tidier. By default, see ticksFor. */
	ticks?: number;
	/**
	 * Pairs held near each other, more gently than ties (source and target
	 * index, flattened): a programme's members and the programme. They keep a
	 * member far away on the map (LSA's, across the country) by its programme,
	 * without crowding the programme's node as ties would.
	 */
	pulls?: Uint32Array;
}

interface LayoutNode extends SimulationNodeDatum {
	index: number;
	homeX: number;
	homeY: number;
}

/**
 * How many ticks a layout of this many nodes gets. A neighbourhood's network
 * (tens to hundreds) gets d3's usual few hundred; a big one fewer, as each
 * tick costs more and it starts from the map, already untangled: about 45
 * for 5,000 nodes, so it settles in seconds rather than half a minute.
 */
export function ticksFor(nodes: number): number {
	return Math.round(Math.min(220, Math.max(40, 220_000 / Math.max(nodes, 1))));
}

/** How strongly each organisation is held to its place on the map. */
const homeStrength = 0.04;
/** How strongly a member is held near its programme: well above home, well below a tie. */
const pullStrength = 0.25;

/** Source and target index pairs, flattened, as d3-force's links. */
function pairs(flat: Uint32Array): { source: number; target: number }[] {
	return Array.from({ length: flat.length / 2 }, (_, i) => ({
		source: flat[i * 2]!,
		target: flat[i * 2 + 1]!
	}));
}

export class ForceLayout {
	readonly #nodes: LayoutNode[];
	readonly #simulation: Simulation<LayoutNode, undefined>;
	readonly #still: boolean;
	readonly #sliceMs: number;
	readonly #onFrame: (frame: LayoutFrame) => void;
	#ticks = 0;
	#timer: ReturnType<typeof setTimeout> | undefined;

	/**
	 * @param home x, y per node: where it lies on the map, in layout units
	 * @param links source and target index per tie, flattened
	 */
	constructor(
		home: Float32Array,
		links: Uint32Array,
		onFrame: (frame: LayoutFrame) => void,
		{
			still = false,
			sliceMs = 12,
			ticks = ticksFor(home.length / 2),
			pulls = new Uint32Array()
		}: LayoutOptions = {}
	) {
		this.#still = still;
		this.#sliceMs = sliceMs;
		this.#onFrame = onFrame;
		const count = home.length / 2;
		this.#nodes = Array.from({ length: count }, (_, index) => ({
			index,
			x: home[index * 2]!,
			y: home[index * 2 + 1]!,
			homeX: home[index * 2]!,
			homeY: home[index * 2 + 1]!
		}));
		const ties = pairs(links);
		this.#simulation = forceSimulation(this.#nodes)
			.alphaDecay(1 - Math.pow(0.001, 1 / ticks))
			.force('link', forceLink(ties).distance(34))
			// theta 0.9 and a bounded reach trade a little accuracy for a lot of speed on big graphs.
			.force('charge', forceManyBody().strength(-60).theta(0.9).distanceMax(600))
			.force('homeX', forceX<LayoutNode>((n) => n.homeX).strength(homeStrength))
			.force('homeY', forceY<LayoutNode>((n) => n.homeY).strength(homeStrength))
			.force('belong', forceLink(pairs(pulls)).distance(60).strength(pullStrength))
			.stop();
	}

	start(): void {
		this.#schedule();
	}

	/** Holds a node where the user drags it and wakes the layout around it. */
	drag(index: number, x: number, y: number): void {
		const node = this.#nodes[index];
		if (!node) return;
		node.fx = x;
		node.fy = y;
		this.#simulation.alphaTarget(0.3);
		if (this.#simulation.alpha() < 0.3) this.#simulation.alpha(0.3);
		this.#schedule();
	}

	/** Lets a dragged node go; the layout settles again around where it was left. */
	release(index: number): void {
		const node = this.#nodes[index];
		// A click is a press and a release without a drag: nothing moved, nothing to settle.
		if (!node || node.fx == null) return;
		node.fx = null;
		node.fy = null;
		this.#simulation.alphaTarget(0);
		this.#schedule();
	}

	stop(): void {
		clearTimeout(this.#timer);
		this.#timer = undefined;
	}

	#schedule(): void {
		if (this.#timer === undefined) this.#timer = setTimeout(() => this.#slice(), 0);
	}

	#slice(): void {
		this.#timer = undefined;
		const simulation = this.#simulation;
		const until = performance.now() + this.#sliceMs;
		let settled = simulation.alpha() < simulation.alphaMin();
		while (!settled && (this.#still || performance.now() < until)) {
			simulation.tick();
			this.#ticks += 1;
			settled = simulation.alpha() < simulation.alphaMin();
		}
		this.#onFrame({ positions: this.#positions(), ticks: this.#ticks, settled });
		if (!settled) this.#schedule();
	}

	#positions(): Float32Array {
		const positions = new Float32Array(this.#nodes.length * 2);
		for (const node of this.#nodes) {
			positions[node.index * 2] = node.x!;
			positions[node.index * 2 + 1] = node.y!;
		}
		return positions;
	}
}

/**
 * Where each organisation lies on the map, in layout units: Web Mercator,
 * scaled so the bulk of the organisations (the middle 90%) is about as wide
 * as the force layout will be. A few far away (a ministry in The Hague, a
 * partner in Breda) are drawn in to the rim, or they would squeeze the
 * neighbourhood into a corner. Organisations at the same spot are set apart
 * on a small spiral, or the layout could not tell them apart.
 */
export function homePositions(places: readonly { lng: number; lat: number }[]): Float32Array {
	const count = places.length;
	const home = new Float32Array(count * 2);
	if (count === 0) return home;
	const mercatorY = (lat: number) =>
		Math.log(Math.tan(Math.PI / 4 + (Math.max(-85, Math.min(85, lat)) * Math.PI) / 360));
	const xs = places.map((p) => (p.lng * Math.PI) / 180);
	const ys = places.map((p) => -mercatorY(p.lat));
	const [minX, maxX] = bulk(xs);
	const [minY, maxY] = bulk(ys);
	const extent = Math.max(maxX - minX, maxY - minY) || 1e-4;
	const side = 40 * Math.sqrt(count) + 60;
	const scale = side / extent;
	const rim = side * 0.65;
	const seen = new Map<string, number>();
	for (let i = 0; i < count; i++) {
		let x = (xs[i]! - (minX + maxX) / 2) * scale;
		let y = (ys[i]! - (minY + maxY) / 2) * scale;
		const distance = Math.hypot(x, y);
		if (distance > rim) {
			// Beyond the rim, distance grows only slowly: far stays far, but in view.
			const drawnIn = rim + Math.log1p((distance - rim) / rim) * side * 0.1;
			x *= drawnIn / distance;
			y *= drawnIn / distance;
		}
		const spot = `${Math.round(x)}:${Math.round(y)}`;
		const earlier = seen.get(spot) ?? 0;
		seen.set(spot, earlier + 1);
		const angle = earlier * 2.39996; // the golden angle: no two on the same ray
		const radius = earlier === 0 ? 0 : 6 * Math.sqrt(earlier);
		home[i * 2] = x + radius * Math.cos(angle);
		home[i * 2 + 1] = y + radius * Math.sin(angle);
	}
	return home;
}

/** The range of the middle 90% of the values. */
function bulk(values: readonly number[]): [number, number] {
	const sorted = [...values].sort((a, b) => a - b);
	const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
	return [at(0.05), at(0.95)];
}
