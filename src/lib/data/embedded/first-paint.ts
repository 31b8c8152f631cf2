/**
 * What a new embedded database will answer, before it has started. The build
 * asks the snapshot database, as an anonymous visitor, for reference_data(),
 * map_view() for the map's opening view at the zoom levels a screen may open
 * at, and atlas() when it is small, and ships the answers; a browser that has no database yet shows them while
 * Postgres starts (several seconds on a slow machine), then the live answers
 * replace them. A browser that has a database gets nothing here: its own data
 * may have changed, and the app's cache of its last answer serves instead.
 */
import firstPaintUrl from './generated/first-paint.json?url';
import type { MapViewQuery } from '../types';
import { databaseExists, embeddedDataDir, setupWasInterrupted } from './database-snapshot';

export interface FirstPaintPayload {
	reference_data: unknown;
	/** Null when the seed is too large to hold up the first screen with. */
	atlas: unknown;
	views: { query: MapViewQuery; answer: unknown }[];
}

export async function seededAnswers(): Promise<FirstPaintPayload | null> {
	// Asked at once, beside the question whether a database exists: on a new browser profile
	// IndexedDB takes a few hundred milliseconds to answer, long enough for MapLibre's start to
	// block the page before the markers were drawn. An answer not needed is an immutable file
	// of 10 KB that the HTTP cache keeps.
	const payload = fetch(firstPaintUrl)
		.then((response) => (response.ok ? (response.json() as Promise<FirstPaintPayload>) : null))
		.catch(() => null);
	if ((await databaseExists(embeddedDataDir)) && !(await setupWasInterrupted())) return null;
	return payload;
}
