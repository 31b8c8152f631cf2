import { describe, expect, it } from 'vitest';
import { cameraViewport, mercatorY, openingCamera, project } from './camera';

const nieuwWest = [4.755, 52.342, 4.852, 52.392] as const;
const screen = { width: 900, height: 700 };

describe('the camera a map opens with', () => {
	it('fits the bounds inside the padding, touching it on one side', () => {
		const camera = openingCamera(null, nieuwWest, screen, 24);
		const [west, south, east, north] = nieuwWest;
		const sw = project(camera, screen, west, south);
		const ne = project(camera, screen, east, north);
		const margins = [sw.x, screen.height - sw.y, screen.width - ne.x, ne.y];
		expect(Math.min(...margins)).toBeCloseTo(24, 6);
		for (const margin of margins) expect(margin).toBeGreaterThanOrEqual(24 - 1e-6);
	});

	it('shows the box around what it fits, at the zoom MapLibre would choose', () => {
		const camera = openingCamera(null, nieuwWest, screen, 24);
		const { bbox, zoom } = cameraViewport(camera, screen);
		expect(bbox[0]).toBeLessThan(nieuwWest[0]);
		expect(bbox[1]).toBeLessThan(nieuwWest[1]);
		expect(bbox[2]).toBeGreaterThan(nieuwWest[2]);
		expect(bbox[3]).toBeGreaterThan(nieuwWest[3]);
		// Nieuw-West is wider than tall on this screen by less than the screen is: its height decides.
		const across = mercatorY(nieuwWest[1]) - mercatorY(nieuwWest[3]);
		expect(zoom).toBeCloseTo(Math.log2((700 - 48) / across), 6);
		expect(zoom).toBeGreaterThan(12);
		expect(zoom).toBeLessThan(13);
		const corner = project(camera, screen, bbox[0], bbox[3]);
		expect(corner.x).toBeCloseTo(0, 6);
		expect(corner.y).toBeCloseTo(0, 6);
	});

	it('opens at a view from the link as it is', () => {
		const camera = openingCamera({ lng: 4.8, lat: 52.37, zoom: 14 }, nieuwWest, screen, 24);
		expect(project(camera, screen, 4.8, 52.37)).toEqual({ x: 450, y: 350 });
		expect(cameraViewport(camera, screen).zoom).toBe(14);
	});
});
