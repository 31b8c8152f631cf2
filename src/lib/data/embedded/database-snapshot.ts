/**
 * The embedded database's head start. Creating a Postgres cluster (initdb) is
 * the slowest part of a first visit, so the build runs the compatibility layer,
 * migrations and seed once, in PGlite, and ships the resulting data directory.
 * A browser without a database loads that instead of starting from nothing;
 * setup then runs as always and applies any migration the snapshot lacks.
 */

/** The IndexedDB database every tab of this origin shares. */
export const embeddedDataDir = 'idb://buurtatlas';

/** The IndexedDB database PGlite keeps `idb://name` in. */
export function indexedDbName(dataDir: string): string | null {
	return dataDir.startsWith('idb://') ? `/pglite/${dataDir.slice('idb://'.length)}` : null;
}

/** Whether this browser holds the database already. Unknown counts as yes: never overwrite. */
export async function databaseExists(dataDir: string): Promise<boolean> {
	const name = indexedDbName(dataDir);
	if (!name) return false;
	if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return true;
	const databases = await indexedDB.databases();
	return databases.some((database) => database.name === name);
}

/**
 * Fetches the snapshot. Servers may send a .tar.gz with Content-Encoding: gzip,
 * in which case the browser has already unpacked it, so the bytes decide.
 */
export async function fetchSnapshot(url: string): Promise<Blob | undefined> {
	try {
		const response = await fetch(url);
		if (!response.ok) return undefined;
		const bytes = new Uint8Array(await response.arrayBuffer());
		const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
		return new Blob([bytes], { type: gzipped ? 'application/x-gzip' : 'application/x-tar' });
	} catch {
		// Without the snapshot the database is still created, only more slowly.
		return undefined;
	}
}
