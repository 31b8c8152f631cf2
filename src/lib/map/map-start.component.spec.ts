/**
 * When the map starts, in jsdom: jsdom has no WebGL, so each test gives the
 * canvas a context that names its renderer, the way a browser's does. (The
 * real probe, on Chromium's SwiftShader, is the journeys' business:
 * tests/e2e/simple-map.spec.ts.)
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fullMapKey, isSoftwareRenderer } from './map-start';

/** A fresh module each time: the decision is made once per page. */
async function freshMapStart() {
	vi.resetModules();
	return import('./map-start');
}

function renderer(name: string | null) {
	const debug = { UNMASKED_RENDERER_WEBGL: 0x9246 };
	const context = {
		RENDERER: 0x1f01,
		getExtension: (extension: string) => (extension === 'WEBGL_debug_renderer_info' ? debug : null),
		getParameter: (parameter: number) =>
			parameter === debug.UNMASKED_RENDERER_WEBGL ? name : 'WebKit WebGL'
	};
	vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(
		(name === null ? null : context) as unknown as RenderingContext
	);
}

beforeEach(() => localStorage.clear());
afterEach(() => vi.restoreAllMocks());

describe('isSoftwareRenderer', () => {
	it('knows the renderers that are the processor drawing', () => {
		for (const name of [
			'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
			'llvmpipe (LLVM 15.0.6, 256 bits)',
			'Mesa/X.org, llvmpipe',
			'ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0)',
			'Software Rasterizer'
		])
			expect(isSoftwareRenderer(name), name).toBe(true);
	});

	it('leaves graphics cards alone', () => {
		for (const name of [
			'ANGLE (Intel, Intel(R) UHD Graphics 620 Direct3D11 vs_5_0 ps_5_0, D3D11)',
			'Apple M2',
			'Adreno (TM) 640',
			'Mali-G78',
			'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 (0x00002503) Direct3D11 vs_5_0 ps_5_0, D3D11)'
		])
			expect(isSoftwareRenderer(name), name).toBe(false);
	});
});

describe('mapStart', () => {
	it('waits where WebGL is drawn in software', async () => {
		renderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)');
		const { mapStart } = await freshMapStart();
		expect(mapStart()).toBe('when-wanted');
	});

	it('starts at once on a graphics card', async () => {
		renderer('Apple M2');
		const { mapStart } = await freshMapStart();
		expect(mapStart()).toBe('now');
	});

	it('starts at once without WebGL, so the map can say it failed', async () => {
		renderer(null);
		const { mapStart } = await freshMapStart();
		expect(mapStart()).toBe('now');
	});

	it('asks the browser once per page', async () => {
		renderer('llvmpipe');
		const { mapStart } = await freshMapStart();
		mapStart();
		mapStart();
		expect(HTMLCanvasElement.prototype.getContext).toHaveBeenCalledTimes(1);
	});

	it('remembers a choice of the full map, in this page and the next', async () => {
		renderer('llvmpipe');
		const first = await freshMapStart();
		expect(first.mapStart()).toBe('when-wanted');
		first.chooseFullMap();
		expect(first.mapStart()).toBe('now');
		expect(localStorage.getItem(fullMapKey)).toBe('1');

		const next = await freshMapStart();
		expect(next.mapStart()).toBe('now');
	});

	it('keeps the choice for the page when storage is blocked', async () => {
		renderer('llvmpipe');
		vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
			throw new DOMException('blocked', 'SecurityError');
		});
		vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
			throw new DOMException('blocked', 'SecurityError');
		});
		const { mapStart, chooseFullMap } = await freshMapStart();
		expect(mapStart()).toBe('when-wanted');
		chooseFullMap();
		expect(mapStart()).toBe('now');
	});
});
