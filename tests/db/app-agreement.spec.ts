/** What the app assumes of the database, checked against the database. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpDatabase } from '../../src/lib/data/embedded/database-setup';
import { openPglite } from '../../src/lib/data/embedded/open-pglite';
import { kindGroupOf } from '../../src/lib/kinds/kind-style';
import { organisationKinds, collaborationKinds } from '../../src/lib/data/types';
import nl from '../../messages/nl.json';
import { loadSqlSources, openTestDatabase, type TestDatabase } from './harness';

let db: TestDatabase;
beforeAll(async () => {
	db = await openTestDatabase('pglite');
});
afterAll(() => db?.close());

describe('the app and the database agree', () => {
	it('on the kinds of organisation and the group each belongs to', async () => {
		const rows = await db.query<{ id: string; kind_group: string }>(
			'select id, kind_group from public.organisation_kinds order by sort_order'
		);
		expect(rows.map((r) => r.id)).toEqual([...organisationKinds]);
		expect(Object.fromEntries(rows.map((r) => [r.id, r.kind_group]))).toEqual(kindGroupOf);
	});

	it('on the kinds of collaboration', async () => {
		const rows = await db.query<{ id: string }>(
			'select id from public.collaboration_kinds order by sort_order'
		);
		expect(rows.map((r) => r.id)).toEqual([...collaborationKinds]);
	});

	it('on a label for every theme', async () => {
		const rows = await db.query<{ id: string }>('select id from public.themes');
		for (const { id } of rows) expect(nl).toHaveProperty(`theme_${id.replace(/-/g, '_')}`);
	});
});

describe('the database snapshot the app ships', () => {
	const snapshotPath = join(
		import.meta.dirname,
		'../../src/lib/data/embedded/generated/database-snapshot.tar.gz'
	);

	it('is what the migrations and seed make, so loading it skips no step', async () => {
		expect(existsSync(snapshotPath), 'run `npm run db:snapshot`').toBe(true);
		const snapshot = new Blob([readFileSync(snapshotPath)], { type: 'application/x-gzip' });
		const sources = loadSqlSources();
		const fromSnapshot = await openPglite(sources, { snapshot });
		try {
			const versions = await fromSnapshot.query<{ version: string }>(
				'select version from supabase_migrations.schema_migrations order by version'
			);
			expect(versions.rows.map((r) => r.version)).toEqual(
				sources.migrations.map((m) => m.path.match(/(\d{14})_/)?.[1])
			);
			const again = await setUpDatabase(fromSnapshot, sources);
			expect(again).toEqual({ compatApplied: false, applied: [], seeded: false });

			const fresh = await db.query<{ slug: string }>(
				'select slug from public.organisations order by slug'
			);
			const loaded = await fromSnapshot.query<{ slug: string }>(
				'select slug from public.organisations order by slug'
			);
			expect(loaded.rows).toEqual(fresh);
		} finally {
			await fromSnapshot.close();
		}
	});
});
