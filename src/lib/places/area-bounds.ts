/** Area outlines as the map needs them: an import's preview drawn over the atlas's own, and their extent. */
import type { AreaBoundaries, BoundingBox } from '$lib/data';
import { boundsOf } from './bounds';

/** The atlas's outlines with a preview's over them: a previewed area replaces its old outline. */
export function withPreview(
	boundaries: AreaBoundaries | null,
	preview: AreaBoundaries | null
): AreaBoundaries | null {
	if (!preview) return boundaries;
	const replaced = new Set(preview.features.map((f) => f.id));
	return {
		type: 'FeatureCollection',
		features: [
			...(boundaries?.features ?? []).filter((f) => !replaced.has(f.id)),
			...preview.features
		]
	};
}

/** The bounds of these areas' outlines; null when none of them has one. */
export function areaBounds(
	boundaries: AreaBoundaries | null,
	areaIds: readonly string[]
): BoundingBox | null {
	const wanted = new Set(areaIds);
	const points = (boundaries?.features ?? [])
		.filter((feature) => wanted.has(feature.id))
		.flatMap((feature) => positionsOf(feature.geometry.coordinates))
		.map(([lng, lat]) => ({ lng, lat }));
	return boundsOf(points);
}

/** Every position in a polygon's or multipolygon's coordinates, however deep. */
function positionsOf(coordinates: unknown): [number, number][] {
	if (!Array.isArray(coordinates)) return [];
	if (typeof coordinates[0] === 'number' && typeof coordinates[1] === 'number')
		return [[coordinates[0], coordinates[1]]];
	return coordinates.flatMap(positionsOf);
}
