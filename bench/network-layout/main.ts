/**
 * The two contestants of the network benchmark, on one page:
 *
 * - baseline: the common d3-force example (Observable's "Force-directed
 *   graph"): the simulation on the main thread, one SVG line and circle per
 *   tie and node, their attributes set on every tick;
 * - app: the app's own parts (layout.worker.ts running ForceLayout, and the
 *   render worker drawing on an OffscreenCanvas), wired as NetworkView wires them.
 *
 * Each run records the main thread's frame times (requestAnimationFrame to
 * requestAnimationFrame) from start until the layout settles.
 */
import {
	forceLink,
	forceManyBody,
	forceSimulation,
	forceX,
	forceY,
	type SimulationNodeDatum
} from 'd3-force';
import { homePositions } from '$lib/graph/force-layout';
import type { LayoutReply, LayoutRequest } from '$lib/graph/layout-messages';
import { createRenderer } from '$lib/graph/network-render-client';
import { tieStyles } from '$lib/graph/network-visuals';

interface Synthetic {
	places: { lng: number; lat: number }[];
	links: Uint32Array;
}

/**
 * A seeded network shaped like a district's: groups of about 40 that mostly
 * work among themselves (80% of ties), placed around their own spot in
 * Nieuw-West, with some ties between groups.
 */
function synthetic(nodeCount: number, tieCount: number): Synthetic {
	let seed = 42;
	const random = () => {
		seed = (seed * 1_664_525 + 1_013_904_223) >>> 0;
		return seed / 4_294_967_296;
	};
	const groupSize = 40;
	const groups = Math.ceil(nodeCount / groupSize);
	const centres = Array.from({ length: groups }, () => ({
		lng: 4.76 + random() * 0.09,
		lat: 52.345 + random() * 0.045
	}));
	const places = Array.from({ length: nodeCount }, (_, i) => {
		const centre = centres[Math.floor(i / groupSize)]!;
		return {
			lng: centre.lng + (random() - 0.5) * 0.01,
			lat: centre.lat + (random() - 0.5) * 0.006
		};
	});
	const links = new Uint32Array(tieCount * 2);
	const seen = new Set<string>();
	for (let t = 0; t < tieCount;) {
		const a = Math.floor(random() * nodeCount);
		const group = Math.floor(a / groupSize);
		const b =
			random() < 0.8
				? Math.min(nodeCount - 1, group * groupSize + Math.floor(random() * groupSize))
				: Math.floor(random() * nodeCount);
		const key = a < b ? `${a}|${b}` : `${b}|${a}`;
		if (a === b || seen.has(key)) continue;
		seen.add(key);
		links[t * 2] = a;
		links[t * 2 + 1] = b;
		t++;
	}
	return { places, links };
}

export interface RunResult {
	settleMs: number;
	settled: boolean;
	frames: number[];
	ticks: number;
}

/** Records main-thread frame times until `done` resolves or the time runs out. */
function recordFrames(done: Promise<number>, timeoutMs: number): Promise<RunResult> {
	return new Promise((resolve) => {
		const frames: number[] = [];
		const start = performance.now();
		let last = start;
		let finished = false;
		const finish = (settled: boolean, ticks: number) => {
			if (finished) return;
			finished = true;
			resolve({ settleMs: performance.now() - start, settled, frames, ticks });
		};
		void done.then((ticks) => finish(true, ticks));
		const frame = (now: number) => {
			if (finished) return;
			frames.push(now - last);
			last = now;
			if (now - start > timeoutMs) finish(false, 0);
			else requestAnimationFrame(frame);
		};
		requestAnimationFrame(frame);
	});
}

const stage = document.getElementById('stage')!;

/** The common SVG example: simulation and DOM updates on the main thread. */
function runSvg({ places, links }: Synthetic, timeoutMs: number): Promise<RunResult> {
	stage.replaceChildren();
	const { width, height } = stage.getBoundingClientRect();
	const svgNs = 'http://www.w3.org/2000/svg';
	const svg = document.createElementNS(svgNs, 'svg');
	svg.setAttribute('viewBox', `${-width / 2} ${-height / 2} ${width} ${height}`);
	stage.append(svg);
	const nodes: SimulationNodeDatum[] = places.map(() => ({}));
	const ties = Array.from({ length: links.length / 2 }, (_, i) => ({
		source: links[i * 2]!,
		target: links[i * 2 + 1]!
	}));
	const lines = ties.map(() => {
		const line = document.createElementNS(svgNs, 'line');
		line.setAttribute('stroke', '#999');
		line.setAttribute('stroke-opacity', '0.6');
		svg.append(line);
		return line;
	});
	const circles = nodes.map(() => {
		const circle = document.createElementNS(svgNs, 'circle');
		circle.setAttribute('r', '5');
		circle.setAttribute('fill', '#1864ab');
		circle.setAttribute('stroke', '#fff');
		svg.append(circle);
		return circle;
	});
	let ticks = 0;
	const done = new Promise<number>((resolve) => {
		const simulation = forceSimulation(nodes)
			.force('link', forceLink(ties))
			.force('charge', forceManyBody())
			.force('x', forceX())
			.force('y', forceY())
			.on('tick', () => {
				ticks++;
				ties.forEach((tie, i) => {
					const s = tie.source as unknown as SimulationNodeDatum;
					const t = tie.target as unknown as SimulationNodeDatum;
					const line = lines[i]!;
					line.setAttribute('x1', String(s.x));
					line.setAttribute('y1', String(s.y));
					line.setAttribute('x2', String(t.x));
					line.setAttribute('y2', String(t.y));
				});
				nodes.forEach((n, i) => {
					circles[i]!.setAttribute('cx', String(n.x));
					circles[i]!.setAttribute('cy', String(n.y));
				});
			})
			.on('end', () => resolve(ticks));
		setTimeout(() => simulation.stop(), timeoutMs + 1000);
	});
	return recordFrames(done, timeoutMs);
}

/** The app's parts: the layout worker, and the canvas renderer drawing each frame it sends. */
function runApp({ places, links }: Synthetic, timeoutMs: number): Promise<RunResult> {
	stage.replaceChildren();
	const canvas = document.createElement('canvas');
	stage.append(canvas);
	const { width, height } = stage.getBoundingClientRect();
	const renderer = createRenderer(canvas);
	renderer.resize(width, height, devicePixelRatio);
	const count = places.length;
	const radii = new Float32Array(count).fill(5);
	renderer.setData({
		labels: places.map((_, i) => `Organisatie ${i}`),
		colours: places.map((_, i) => (i % 3 === 0 ? '#1864ab' : '#d9480f')),
		radii,
		ties: links,
		tieStyles: new Uint8Array(links.length / 2).fill(0),
		styles: tieStyles
	});
	const home = homePositions(places);
	const side = 40 * Math.sqrt(count) + 60;
	const k = Math.min(width, height) / (side * 1.6);
	renderer.setTransform({ k, x: width / 2, y: height / 2 });
	const worker = new Worker(new URL('../../src/lib/graph/layout.worker.ts', import.meta.url), {
		type: 'module'
	});
	const done = new Promise<number>((resolve) => {
		worker.onmessage = ({ data }: MessageEvent<LayoutReply>) => {
			renderer.setPositions(data.positions);
			if (data.settled) resolve(data.ticks);
		};
	});
	const request: LayoutRequest = {
		type: 'start',
		requestId: 1,
		home,
		links,
		pulls: new Uint32Array(),
		still: false
	};
	worker.postMessage(request);
	return recordFrames(done, timeoutMs).finally(() => {
		worker.terminate();
		renderer.destroy();
	});
}

/** The floor: frames of an idle page for two seconds, this machine's best. */
function runIdle(): Promise<RunResult> {
	stage.replaceChildren();
	return recordFrames(new Promise((resolve) => setTimeout(() => resolve(0), 2000)), 10_000);
}

async function run(mode: 'idle' | 'svg' | 'app', nodes: number, ties: number, timeoutMs: number) {
	const graph = synthetic(nodes, ties);
	// Let the page settle before measuring.
	await new Promise((resolve) => setTimeout(resolve, 200));
	if (mode === 'idle') return runIdle();
	return mode === 'svg' ? runSvg(graph, timeoutMs) : runApp(graph, timeoutMs);
}

declare global {
	interface Window {
		runNetworkBench: typeof run;
	}
}
window.runNetworkBench = run;
