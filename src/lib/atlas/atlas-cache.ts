/**
 * The last atlas the backend gave, kept in localStorage so a reload can draw it
 * at once while the backend starts; the live answer then replaces it. Kept per
 * backend, and dropped when its format no longer matches this version of the app.
 */
import type { Atlas, BackendInfo, ReferenceData } from '$lib/data';

const formatVersion = 2; // 2: organisations carry their languages

export interface CachedAtlas {
	atlas: Atlas;
	reference: ReferenceData;
}

interface Stored extends CachedAtlas {
	version: number;
}

export function cacheKey(backend: Pick<BackendInfo, 'kind' | 'location'>): string {
	return `buurtatlas:atlas:${backend.kind}:${backend.location}`;
}

export function readCachedAtlas(storage: Storage | undefined, key: string): CachedAtlas | null {
	try {
		const raw = storage?.getItem(key);
		if (!raw) return null;
		const stored = JSON.parse(raw) as Partial<Stored>;
		if (
			stored.version !== formatVersion ||
			!Array.isArray(stored.atlas?.organisations) ||
			!Array.isArray(stored.atlas?.collaborations) ||
			!Array.isArray(stored.reference?.themes)
		) {
			return null;
		}
		return { atlas: stored.atlas, reference: stored.reference as ReferenceData };
	} catch {
		return null;
	}
}

export function writeCachedAtlas(
	storage: Storage | undefined,
	key: string,
	value: CachedAtlas
): void {
	try {
		storage?.setItem(key, JSON.stringify({ version: formatVersion, ...value } satisfies Stored));
	} catch {
		// Full or disabled storage only costs the next reload its head start.
	}
}
