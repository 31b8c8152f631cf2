/**
 * When MapLibre starts: at once, or when the map is first wanted.
 *
 * Where the browser draws WebGL on the processor (SwiftShader, llvmpipe: a
 * computer without a usable graphics card, a virtual desktop), starting
 * MapLibre blocks the page for most of a second while its shaders compile on
 * the CPU, and every frame it draws is read back. Measured here (Lighthouse on
 * SwiftShader, `npm run bench:lighthouse`): the page's total blocking time is
 * 0.4 s on a laptop and 1.1-1.9 s on a simulated phone with MapLibre started
 * at once, 0.01 s and 0.3 s without. A graphics card compiles the same shaders
 * far faster. So there the map opens as its poster (the markers as SVG,
 * MapPoster.svelte), and MapLibre, its megabyte of code included, loads when
 * the visitor reaches for the map, something needs it (a selection, a place,
 * the ties), or they ask for the full map, which this browser then remembers.
 */

/** The browser's choice to always start the full map (set by "Volledige kaart"). */
export const fullMapKey = 'buurtatlas:map-full';

/** Renderers that are the processor drawing, as browsers name them. */
const softwareRenderers = /swiftshader|llvmpipe|softpipe|lavapipe|software|basic render driver/i;

export function isSoftwareRenderer(renderer: string): boolean {
	return softwareRenderers.test(renderer);
}

export type MapStart = 'now' | 'when-wanted';

let decided: MapStart | undefined;

/** Decided once per page: a probe of WebGL costs about 10 ms. */
export function mapStart(): MapStart {
	decided ??= fullMapChosen() || !softwareRendered() ? 'now' : 'when-wanted';
	return decided;
}

/** This browser starts the full map from now on. */
export function chooseFullMap(): void {
	decided = 'now';
	try {
		localStorage.setItem(fullMapKey, '1');
	} catch {
		// Storage blocked by the browser's settings: the choice holds for this page only.
	}
}

function fullMapChosen(): boolean {
	try {
		return localStorage.getItem(fullMapKey) === '1';
	} catch {
		return false;
	}
}

/**
 * Whether WebGL here is drawn in software. Without WebGL at all the answer is
 * no: MapLibre then fails at once and says so, and the poster stays.
 */
function softwareRendered(): boolean {
	try {
		const gl = document.createElement('canvas').getContext('webgl');
		if (!gl) return false;
		const debug = gl.getExtension('WEBGL_debug_renderer_info');
		const renderer = String(gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
		gl.getExtension('WEBGL_lose_context')?.loseContext();
		return isSoftwareRenderer(renderer);
	} catch {
		return false;
	}
}
