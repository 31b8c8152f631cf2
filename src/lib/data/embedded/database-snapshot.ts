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
 * A first setup writes the whole database to IndexedDB, which takes a moment;
 * a reload in that moment used to leave half a database that the next start
 * could not use (7-8 s to recover, or a failure). While a first setup is under
 * way an empty IndexedDB database of this name exists; if it is still there
 * at the next start, that setup was cut short, and its half is dropped.
 * (Marking the start rather than the end leaves databases older than the mark alone.)
 */
const setupMark = 'buurtatlas-setup-under-way';

export async function setupWasInterrupted(): Promise<boolean> {
	if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return false;
	return (await indexedDB.databases()).some((database) => database.name === setupMark);
}

export function markSetupUnderWay(underWay: boolean): Promise<void> {
	return new Promise((resolve, reject) => {
		const request = underWay ? indexedDB.open(setupMark) : indexedDB.deleteDatabase(setupMark);
		request.onsuccess = () => {
			if (request.result instanceof IDBDatabase) request.result.close();
			resolve();
		};
		request.onerror = () => reject(request.error ?? new Error(`IndexedDB ${setupMark} refused`));
	});
}

/** Drops the IndexedDB database that holds `dataDir`, e.g. after an interrupted setup. */
export function dropDatabase(dataDir: string): Promise<void> {
	const name = indexedDbName(dataDir);
	return new Promise((resolve, reject) => {
		if (!name) return resolve();
		const request = indexedDB.deleteDatabase(name);
		request.onsuccess = () => resolve();
		request.onerror = () => reject(request.error ?? new Error(`IndexedDB ${name} not dropped`));
	});
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
