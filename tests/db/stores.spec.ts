/**
 * The stores that read the database, over a real one: the atlas store and
 * the reader of the network between areas, each given a connection whose
 * backend is the app's own port (createRpcBackend and its decoding) over
 * PGlite as the anonymous visitor. What the read functions answer is
 * tests/db/read-functions.spec.ts; here it is what the stores make of it:
 * which answer they keep, and what they show meanwhile.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Connection } from '../../src/lib/app/connection.svelte';
import { AtlasStore } from '../../src/lib/atlas/atlas-store.svelte';
import { noFilters } from '../../src/lib/atlas/atlas-filters';
import { AreaNetworkReader } from '../../src/lib/graph/area-network.svelte';
import { MapViewFeed } from '../../src/lib/map/map-view-feed.svelte';
import { AreaImportSession } from '../../src/lib/areas/area-import.svelte';
import { readAreaFile } from '../../src/lib/files/area-files';
import type { AreaFile } from '../../src/lib/files/cbs';
import { FileReadError } from '../../src/lib/files/tables';
import { ImportFileError, fileProblemMessage } from '../../src/lib/files/read-files';
import type { Backend } from '../../src/lib/data/backend';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { anon, openTestDatabase, signedIn, users, type TestDatabase } from './harness';
import { backendFor } from './port';

let db: TestDatabase;
let backend: Backend;

beforeAll(async () => {
	db = await openTestDatabase('pglite');
	backend = backendFor(db, anon);
});
afterAll(() => db?.close());

/** Resolves once `ready()` holds, checking as the store's promises settle. */
async function until(ready: () => boolean): Promise<void> {
	for (let i = 0; i < 200 && !ready(); i++) await new Promise((r) => setTimeout(r, 10));
	expect(ready()).toBe(true);
}

describe('AtlasStore over the seed', () => {
	it('starts the backend, reads the atlas and the reference data, and is ready', async () => {
		const store = new AtlasStore(new Connection(async () => backend));
		store.start();
		await until(() => store.load.phase === 'ready' && store.reference !== null);
		expect(store.organisations.length).toBeGreaterThanOrEqual(60);
		expect(store.visible.length).toBe(store.organisations.length);
		expect(store.reference!.themes).toContain('energie');
	});

	it('shows what the filters select, and only the latest filters’ answer', async () => {
		const store = new AtlasStore(new Connection(async () => backend));
		store.start();
		await until(() => store.load.phase === 'ready');
		const everyone = store.visible.length;

		store.setFilters({ ...noFilters, themes: ['zorg'] });
		store.setFilters({ ...noFilters, themes: ['energie'] });
		await store.settled();
		const energy = store.visible;
		expect(energy.length).toBeGreaterThan(0);
		expect(energy.length).toBeLessThan(everyone);
		expect(energy.every((o) => o.themes.includes('energie'))).toBe(true);
		expect(store.counts?.themes['energie']).toBe(energy.length);

		store.setFilters(noFilters);
		await store.settled();
		expect(store.visible.length).toBe(everyone);
	});

	it('says the start failed, and a retry starts again', async () => {
		let attempts = 0;
		const store = new AtlasStore(
			new Connection(async () => {
				attempts += 1;
				if (attempts === 1) throw new Error('no database');
				return backend;
			})
		);
		store.start();
		await until(() => store.load.phase === 'failed');
		store.retry();
		await until(() => store.load.phase === 'ready');
		expect(attempts).toBe(2);
	});

	it('counts a refresh as a new revision of the data', async () => {
		const store = new AtlasStore(new Connection(async () => backend));
		store.start();
		await until(() => store.load.phase === 'ready');
		const before = store.revision;
		await store.refresh({ cache: false });
		expect(store.revision).toBe(before + 1);
	});
});

describe('AreaNetworkReader over the seed', () => {
	it('reads the ties between areas, and does not ask the same question twice', async () => {
		let asked = 0;
		const counting = {
			...backend,
			areaNetwork: (...args: Parameters<Backend['areaNetwork']>) => {
				asked += 1;
				return backend.areaNetwork(...args);
			}
		} as Backend;
		const reader = new AreaNetworkReader();
		await reader.read(counting, 'wijk', {});
		expect(reader.network?.areas.length).toBeGreaterThan(1);
		expect(reader.network?.ties.length).toBeGreaterThan(0);
		expect(reader.reading).toBe(false);
		await reader.read(counting, 'wijk', {});
		expect(asked).toBe(1);
	});

	it('keeps the latest question’s answer when an earlier one arrives later', async () => {
		const reader = new AreaNetworkReader();
		let release = () => {};
		const slow = {
			...backend,
			areaNetwork: async (...args: Parameters<Backend['areaNetwork']>) => {
				await new Promise<void>((resolve) => (release = resolve));
				return backend.areaNetwork(...args);
			}
		} as Backend;
		const first = reader.read(slow, 'stadsdeel', {});
		await reader.read(backend, 'wijk', {});
		const wijken = reader.network;
		release();
		await first;
		expect(reader.network).toBe(wijken);
	});
});

/** What the file worker does, here: CBS's files read by the real readAreaFile(). */
async function readHere(files: readonly File[]): Promise<AreaFile[]> {
	const read: AreaFile[] = [];
	for (const file of files) {
		const bytes = new Uint8Array(await file.arrayBuffer());
		try {
			read.push(...(await readAreaFile({ name: file.name, bytes })));
		} catch (error) {
			if (!(error instanceof FileReadError)) throw error;
			throw new ImportFileError(fileProblemMessage(error.problem, error.file));
		}
	}
	return read;
}

const cbsFile = (name: string) =>
	new File([readFileSync(join(import.meta.dirname, '..', 'fixtures', 'cbs', name))], name);

describe('AreaImportSession over the seed, as the coordinator of Nieuw-West', () => {
	it('reads CBS outlines, has the database check them, and writes them', async () => {
		const coordinator = backendFor(db, signedIn(users.sanne));
		const sent: boolean[] = [];
		const session = new AreaImportSession({
			read: readHere,
			send: (batch) => {
				sent.push(batch.dry_run);
				return coordinator.importAreas(batch);
			}
		});
		await session.read([cbsFile('wijken_2023.geojson')]);
		expect(session.phase).toBe('ready');
		expect(session.hasRows).toBe(true);
		await until(() => session.check.state === 'checked');
		const check = session.check.state === 'checked' ? session.check.outcome : null;
		expect(check?.written).toBe(false);
		expect((check?.areasCreated ?? 0) + (check?.areasUpdated ?? 0)).toBeGreaterThan(0);

		expect(await session.write()).toBe(true);
		expect(session.written?.written).toBe(true);
		expect(sent).toEqual([true, false]);
	});

	it('says why a file is not one it can read, in words', async () => {
		const session = new AreaImportSession({ read: readHere, send: () => Promise.reject() });
		await session.read([new File(['{"hello": "world"}'], 'iets.json')]);
		expect(session.phase).toBe('failed');
		expect(session.problem).toContain('iets.json');
	});

	it('says so when the database refuses the batch, and keeps the files', async () => {
		const visitor = backendFor(db, anon);
		const session = new AreaImportSession({
			read: readHere,
			send: (batch) => visitor.importAreas(batch)
		});
		await session.read([cbsFile('wijken_2023.geojson')]);
		await until(() => session.check.state === 'failed');
		expect(await session.write()).toBe(false);
		expect(session.writeProblem).toBeTruthy();
		expect(session.files.length).toBe(1);
	});
});

describe('MapViewFeed over the seed', () => {
	/** Slotermeer and Geuzenveld, close enough in that the map tells organisations apart. */
	const viewport = {
		bbox: [4.78, 52.37, 4.83, 52.39] as [number, number, number, number],
		zoom: 15
	};

	it('asks for the view with a margin, and lists the points in view by name', async () => {
		const feed = new MapViewFeed(() => false);
		expect(feed.query()).toBeNull();
		feed.viewport = viewport;
		const query = feed.query()!;
		expect(query.bbox[0]).toBeLessThan(viewport.bbox[0]);
		expect(query.zoom).toBe(15);

		await feed.reader.read(backend, query, viewport);
		const answer = feed.reader.answer!;
		const inView = feed.pointsInView;
		expect(inView.length).toBeGreaterThan(0);
		expect(inView.length).toBeLessThanOrEqual(answer.points.length);
		const [west, south, east, north] = viewport.bbox;
		for (const point of inView) {
			expect(
				point.lng >= west && point.lng <= east && point.lat >= south && point.lat <= north
			).toBe(true);
		}
		const names = inView.map((point) => point.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'nl')));
	});
});
