/**
 * Where the map looks, worked out without MapLibre: Web Mercator as MapLibre
 * has it (a world 512 pixels wide at zoom 0), the camera a map opens with (a
 * view from the link, or bounds fitted with padding, as MapLibre fits them),
 * and the box and zoom it shows. The map's poster draws with it, and the map
 * reports its first view with it, before MapLibre has loaded.
 */
import type { BoundingBox } from '$lib/data/types';
import type { MapView } from './map-view';
import type { Viewport } from './view-requests';

export const mercatorX = (lng: number) => ((lng + 180) / 360) * 512;
export const mercatorY = (lat: number) => {
	const sin = Math.sin((lat * Math.PI) / 180);
	return (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * 512;
};
const lngOf = (x: number) => (x / 512) * 360 - 180;
const latOf = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - y / 256))) * 180) / Math.PI;

/** The centre in world pixels at zoom 0, and how many screen pixels one of those is. */
export interface Camera {
	x: number;
	y: number;
	scale: number;
}

export interface Screen {
	width: number;
	height: number;
}

export function openingCamera(
	view: MapView | null,
	bounds: BoundingBox,
	{ width, height }: Screen,
	padding: number
): Camera {
	if (view) return { x: mercatorX(view.lng), y: mercatorY(view.lat), scale: 2 ** view.zoom };
	const [west, south, east, north] = bounds;
	const dx = mercatorX(east) - mercatorX(west);
	const dy = mercatorY(south) - mercatorY(north);
	const scale = Math.min((width - 2 * padding) / dx, (height - 2 * padding) / dy);
	return {
		x: (mercatorX(west) + mercatorX(east)) / 2,
		y: (mercatorY(north) + mercatorY(south)) / 2,
		scale: Math.max(scale, Number.MIN_VALUE)
	};
}

/** Where a place is drawn on a screen of this size. */
export function project(camera: Camera, { width, height }: Screen, lng: number, lat: number) {
	return {
		x: width / 2 + (mercatorX(lng) - camera.x) * camera.scale,
		y: height / 2 + (mercatorY(lat) - camera.y) * camera.scale
	};
}

/** The box a screen of this size shows, and its zoom. */
export function cameraViewport(camera: Camera, { width, height }: Screen): Viewport {
	const halfWidth = width / 2 / camera.scale;
	const halfHeight = height / 2 / camera.scale;
	return {
		bbox: [
			lngOf(camera.x - halfWidth),
			latOf(camera.y + halfHeight),
			lngOf(camera.x + halfWidth),
			latOf(camera.y - halfHeight)
		],
		zoom: Math.log2(camera.scale)
	};
}
