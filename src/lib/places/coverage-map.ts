/**
 * Coverage per area as the map colours it: for each area id, its class (0 for
 * no initiative, 1-4 upwards) or null without figures. Computed in
 * analysis/coverage.ts; shown by the map, its legend and the gap panel, which
 * take the classes and colours from here.
 */
export type CoverageMap = ReadonlyMap<string, number | null>;

/**
 * Classes for the choropleth, in initiatives per 1,000 inhabitants: none at
 * all stands apart, then up to 0.5, up to 1, up to 2, and more.
 */
export const coverageClasses = [0, 0.5, 1, 2] as const;

/**
 * Colours per coverage class (see coverageClass): no initiative stands out in
 * yellow, then a blue ramp that darkens as coverage grows; grey for an area
 * without figures. Yellow against blue stays apart with the common
 * colour-vision deficiencies, and neither is the orange or purple of a marker.
 */
export const coverageColours: readonly [number, string][] = [
	[-1, '#ced4da'],
	[0, '#fcc419'],
	[1, '#a5d8ff'],
	[2, '#4dabf7'],
	[3, '#1c7ed6'],
	[4, '#0b3d91']
];

/** The colour of a coverage class; null (an area without figures) is grey like -1. */
export function coverageColour(level: number | null): string {
	return coverageColours.find(([l]) => l === (level ?? -1))?.[1] ?? 'transparent';
}
