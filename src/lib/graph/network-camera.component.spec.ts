/**
 * The network's camera on a canvas in jsdom, with d3-zoom's own behaviour:
 * fitting, the keys, and whether the person has moved the view.
 */
import { describe, expect, it } from 'vitest';
import { drag } from 'd3-drag';
import { NetworkCamera } from './network-camera.svelte';

function cameraOnCanvas() {
	const canvas = document.createElement('canvas');
	document.body.append(canvas);
	const camera = new NetworkCamera();
	camera.size = { width: 400, height: 300 };
	const detach = camera.attach(canvas, drag<HTMLCanvasElement, unknown, number | undefined>());
	return { camera, detach };
}

const positions = new Float32Array([0, 0, 100, 50, 200, 100]);

describe('NetworkCamera', () => {
	it('fits the nodes into the canvas, centred', () => {
		const { camera } = cameraOnCanvas();
		camera.fit(positions);
		const { k, x, y } = camera.transform;
		expect(k * 100 + x).toBeCloseTo(200);
		expect(k * 50 + y).toBeCloseTo(150);
		expect(camera.userMoved).toBe(false);
	});

	it('pans and zooms by key, after which the view stays where it was put; 0 fits again', () => {
		const { camera } = cameraOnCanvas();
		camera.fit(positions);
		const fitted = camera.transform;
		expect(camera.key('+', positions)).toBe(true);
		expect(camera.transform.k).toBeCloseTo(fitted.k * 1.3);
		expect(camera.key('ArrowLeft', positions)).toBe(true);
		expect(camera.userMoved).toBe(true);
		expect(camera.key('0', positions)).toBe(true);
		expect(camera.userMoved).toBe(false);
		expect(camera.transform.k).toBeCloseTo(fitted.k);
		expect(camera.key('a', positions)).toBe(false);
	});

	it('does nothing once detached', () => {
		const { camera, detach } = cameraOnCanvas();
		detach();
		expect(camera.key('+', positions)).toBe(false);
	});
});
