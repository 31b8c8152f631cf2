/**
 * The page the map benchmark drives (see ../map-points.ts): the app's own
 * layers (clustered GeoJSON, from src/lib/map/map-layers.ts) or, as the
 * baseline, one DOM marker per point, under the same scripted pan and zoom.
 */
import { Map as MapLibreMap, Marker, setWorkerUrl, type StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { addProjectLayers, provideClusterCountImages, setOrganisations } from '$lib/map/map-layers';
import { organisationFeatures } from '$lib/map/organisation-features';
import { kindGroupColour } from '$lib/kinds/kind-style';
import { atlasOrganisation } from '$lib/data/factories';
import { organisationKinds } from '$lib/data/types';

setWorkerUrl(workerUrl);

/** The app's offline style: a plain background, so only our layers cost anything. */
const style: StyleSpecification = {
	version: 8,
	sources: {},
	layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#e9eef2' } }]
};

/** Deterministic pseudo-random numbers, so every run draws the same points. */
function random(seed: number) {
	let state = seed;
	return () => {
		state = (state * 1664525 + 1013904223) % 4294967296;
		return state / 4294967296;
	};
}

function syntheticOrganisations(count: number) {
	const next = random(42);
	return Array.from({ length: count }, (_, i) =>
		atlasOrganisation({
			id: `o${i}`,
			slug: `o${i}`,
			name: `Organisatie ${i}`,
			kind: organisationKinds[Math.floor(next() * organisationKinds.length)]!,
			// Greater Amsterdam, denser towards the middle like a city.
			lng: 4.86 + (next() + next() - 1) * 0.16,
			lat: 52.36 + (next() + next() - 1) * 0.07
		})
	);
}

/** The next time the map has drawn everything; a repaint makes sure there is a next time. */
function idle(map: MapLibreMap): Promise<void> {
	const done = new Promise<void>((resolve) => map.once('idle', () => resolve()));
	map.triggerRepaint();
	return done;
}

/**
 * Moves the map every frame for `ms` (and at least `minFrames` frames, however
 * slow), and returns each frame's duration.
 */
function moveAndMeasure(map: MapLibreMap, ms: number, minFrames = 3): Promise<number[]> {
	return new Promise((resolve) => {
		const frames: number[] = [];
		const start = performance.now();
		let last = start;
		const step = (now: number) => {
			frames.push(now - last);
			last = now;
			const t = (now - start) / 1000;
			// A slow circle over the city while zooming between 11 and 14.
			map.jumpTo({
				center: [4.86 + 0.04 * Math.cos(t), 52.36 + 0.02 * Math.sin(t)],
				zoom: 12.5 + 1.5 * Math.sin(t * 1.3)
			});
			if (now - start < ms || frames.length <= minFrames) requestAnimationFrame(step);
			else resolve(frames.slice(1));
		};
		requestAnimationFrame(step);
	});
}

export interface BenchResult {
	/** `empty`: the map alone, this machine's floor (software WebGL here). */
	mode: 'empty' | 'layers' | 'dom';
	points: number;
	setupMs: number;
	frames: number[];
}

async function run(mode: BenchResult['mode'], points: number, ms: number): Promise<BenchResult> {
	document.getElementById('map')?.replaceChildren();
	const container = document.getElementById('map')!;
	const map = new MapLibreMap({ container, style, center: [4.86, 52.36], zoom: 12 });
	await new Promise<void>((resolve) => map.once('load', () => resolve()));
	const organisations = syntheticOrganisations(points);
	const setupStart = performance.now();
	if (mode === 'layers') {
		provideClusterCountImages(map);
		const features = organisationFeatures(organisations);
		addProjectLayers(map);
		setOrganisations(map, features);
	} else if (mode === 'dom') {
		for (const o of organisations) {
			const element = document.createElement('div');
			element.style.cssText = `width:10px;height:10px;border-radius:50%;border:2px solid #fff;background:${kindGroupColour.resident_led}`;
			new Marker({ element }).setLngLat([o.lng, o.lat]).addTo(map);
		}
	}
	await idle(map);
	const setupMs = performance.now() - setupStart;
	await moveAndMeasure(map, 800, 1); // warm-up: shaders, tiles, caches
	const frames = await moveAndMeasure(map, ms);
	map.remove();
	return { mode, points, setupMs, frames };
}

declare global {
	interface Window {
		runBench: typeof run;
	}
}
window.runBench = run;
