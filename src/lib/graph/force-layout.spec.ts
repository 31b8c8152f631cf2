import { describe, expect, it } from 'vitest';
import { ForceLayout, homePositions, type LayoutFrame } from './force-layout';

function layOut(
	home: Float32Array,
	links: Uint32Array,
	still: boolean,
	pulls?: Uint32Array
): Promise<LayoutFrame[]> {
	return new Promise((resolve) => {
		const frames: LayoutFrame[] = [];
		new ForceLayout(
			home,
			links,
			(frame) => {
				frames.push(frame);
				if (frame.settled) resolve(frames);
			},
			{ still, sliceMs: 2, ...(pulls ? { pulls } : {}) }
		).start();
	});
}

const distance = (p: Float32Array, a: number, b: number) =>
	Math.hypot(p[a * 2]! - p[b * 2]!, p[a * 2 + 1]! - p[b * 2 + 1]!);

describe('homePositions', () => {
	it('keeps places in their order on the map: west is left, north is up', () => {
		const home = homePositions([
			{ lng: 4.78, lat: 52.36 },
			{ lng: 4.82, lat: 52.36 },
			{ lng: 4.8, lat: 52.38 }
		]);
		expect(home[0]!).toBeLessThan(home[2]!);
		expect(home[5]!).toBeLessThan(home[1]!);
	});

	it('draws a far-away partner in to the rim instead of squeezing the neighbourhood', () => {
		const neighbourhood = Array.from({ length: 20 }, (_, i) => ({
			lng: 4.78 + (i % 5) * 0.01,
			lat: 52.35 + Math.floor(i / 5) * 0.01
		}));
		const near = homePositions(neighbourhood);
		const withFar = homePositions([...neighbourhood, { lng: 5.8, lat: 53.2 }]);
		// The neighbourhood keeps most of its width, and the far one lies outside it but not far.
		expect(distance(withFar, 0, 19)).toBeGreaterThan(distance(near, 0, 19) * 0.8);
		expect(distance(withFar, 0, 20)).toBeLessThan(distance(withFar, 0, 19) * 3);
	});

	it('sets organisations at the same spot apart', () => {
		const home = homePositions([
			{ lng: 4.8, lat: 52.36 },
			{ lng: 4.8, lat: 52.36 },
			{ lng: 4.81, lat: 52.37 }
		]);
		expect(distance(home, 0, 1)).toBeGreaterThan(3);
	});
});

describe('ForceLayout', () => {
	const home = homePositions(
		Array.from({ length: 6 }, (_, i) => ({ lng: 4.8 + i * 0.002, lat: 52.36 }))
	);
	// Two triangles joined by one tie.
	const links = new Uint32Array([0, 1, 1, 2, 2, 0, 3, 4, 4, 5, 5, 3, 2, 3]);

	it('reports frames while it moves, and settles', async () => {
		const frames = await layOut(home, links, false);
		expect(frames.length).toBeGreaterThan(1);
		expect(frames.at(-1)!.settled).toBe(true);
		expect(frames.slice(0, -1).every((f) => !f.settled)).toBe(true);
	});

	it('reports only the settled layout when asked to keep still', async () => {
		const frames = await layOut(home, links, true);
		expect(frames).toHaveLength(1);
		expect(frames[0]!.settled).toBe(true);
		expect(frames[0]!.ticks).toBeGreaterThan(100);
	});

	it('pulls tied organisations closer than untied ones', async () => {
		const [settled] = await layOut(home, links, true);
		expect(distance(settled!.positions, 0, 1)).toBeLessThan(distance(settled!.positions, 0, 5));
	});

	it('holds a member far away on the map near its programme, more loosely than a tie', async () => {
		// 0 and 1 in Nieuw-West, tied; 2 a member of 0's programme, across the country.
		const spread = homePositions([
			{ lng: 4.8, lat: 52.36 },
			{ lng: 4.81, lat: 52.36 },
			{ lng: 5.8, lat: 53.2 }
		]);
		const tie = new Uint32Array([0, 1]);
		const [apart] = await layOut(spread, tie, true);
		const [held] = await layOut(spread, tie, true, new Uint32Array([0, 2]));
		const [tied] = await layOut(spread, new Uint32Array([0, 1, 0, 2]), true);
		const far = (frame: LayoutFrame | undefined) => distance(frame!.positions, 0, 2);
		expect(far(held)).toBeLessThan(far(apart) * 0.6);
		expect(far(held)).toBeGreaterThan(far(tied));
	});
});
