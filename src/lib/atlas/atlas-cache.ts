/**
 * What a reload draws before the backend answers, kept in localStorage: the
 * reference data with the last atlas if it is small, and the last answer for
 * the map's view (a few kilobytes, bounded by the screen, not by the data).
 * Kept per backend, and dropped when its format no longer matches this version
 * of the app. The live answers replace them as soon as they arrive.
 */
import type { Atlas, BackendInfo, MapViewAnswer, MapViewQuery, ReferenceData } from '$lib/data';

/** 3: the atlas only when small, and the map's last view beside it. */
const formatVersion = 3;

/**
 * The largest atlas kept (as JSON). A district's is far below it; a country's
 * would block the main thread for a second at every start to parse, so it is
 * left out and the map's view alone gives the head start.
 */
export const maxCachedAtlasChars = 256 * 1024;

export interface CachedAtlas {
	atlas: Atlas | null;
	reference: ReferenceData;
}

/** An answer of map_view() and the question it answered. */
export interface CachedView {
	query: MapViewQuery;
	answer: MapViewAnswer;
}

export function cacheKey(backend: Pick<BackendInfo, 'kind' | 'location'>): string {
	return `buurtatlas:atlas:${backend.kind}:${backend.location}`;
}

const viewKey = (key: string) => `${key}:view`;

export function readCachedAtlas(storage: Storage | undefined, key: string): CachedAtlas | null {
	const stored = read(storage, key) as Partial<CachedAtlas> | null;
	if (!stored || !Array.isArray(stored.reference?.themes)) return null;
	const atlas = stored.atlas;
	const whole = atlas && Array.isArray(atlas.organisations) && Array.isArray(atlas.collaborations);
	return { atlas: whole ? atlas : null, reference: stored.reference };
}

/** Keeps the reference data, and the atlas if it is small enough to parse at once. */
export function writeCachedAtlas(
	storage: Storage | undefined,
	key: string,
	{ atlas, reference }: CachedAtlas
): void {
	const atlasJson = atlas ? JSON.stringify(atlas) : 'null';
	const kept = atlasJson.length <= maxCachedAtlasChars ? atlasJson : 'null';
	write(
		storage,
		key,
		`{"version":${formatVersion},"reference":${JSON.stringify(reference)},"atlas":${kept}}`
	);
}

export function readCachedView(storage: Storage | undefined, key: string): CachedView | null {
	const stored = read(storage, viewKey(key)) as Partial<CachedView> | null;
	const answer = stored?.answer;
	if (
		!stored?.query ||
		!Array.isArray(stored.query.bbox) ||
		!answer ||
		!Array.isArray(answer.points) ||
		!Array.isArray(answer.cells) ||
		!Array.isArray(answer.ties)
	) {
		return null;
	}
	return { query: stored.query, answer };
}

export function writeCachedView(storage: Storage | undefined, key: string, view: CachedView): void {
	write(storage, viewKey(key), JSON.stringify({ version: formatVersion, ...view }));
}

function read(storage: Storage | undefined, key: string): Record<string, unknown> | null {
	try {
		const raw = storage?.getItem(key);
		if (!raw) return null;
		const stored = JSON.parse(raw) as { version?: unknown } | null;
		return stored?.version === formatVersion ? (stored as Record<string, unknown>) : null;
	} catch {
		return null;
	}
}

function write(storage: Storage | undefined, key: string, json: string): void {
	try {
		storage?.setItem(key, json);
	} catch {
		// Full or disabled storage only costs the next reload its head start.
	}
}
