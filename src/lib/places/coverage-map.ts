/**
 * Coverage per area as the map colours it: for each area id, its class (0 for
 * no initiative, 1-4 upwards) or null without figures. Computed in
 * analysis/coverage.ts; shown by the map.
 */
export type CoverageMap = ReadonlyMap<string, number | null>;
