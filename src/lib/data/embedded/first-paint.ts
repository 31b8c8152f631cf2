/**
 * What a new embedded database will answer, before it has started. The build
 * asks the snapshot database for the anonymous atlas() and reference_data() and
 * ships the answers; a browser that has no database yet shows them while
 * Postgres starts (several seconds on a slow machine), then the live answers
 * replace them. A browser that has a database gets nothing here: its own data
 * may have changed, and the app's cache of its last answer serves instead.
 */
import firstPaintUrl from './generated/first-paint.json?url';
import { databaseExists, embeddedDataDir } from './database-snapshot';

export interface FirstPaintPayload {
	reference_data: unknown;
	atlas: unknown;
}

export async function seededAnswers(): Promise<FirstPaintPayload | null> {
	if (await databaseExists(embeddedDataDir)) return null;
	try {
		const response = await fetch(firstPaintUrl);
		return response.ok ? ((await response.json()) as FirstPaintPayload) : null;
	} catch {
		return null;
	}
}
