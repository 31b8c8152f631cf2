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
import { rpcSql } from '../../src/lib/data/embedded/rpc-sql';
import { mapViewArgs, type RpcArgs, type RpcName } from '../../src/lib/data/backend';
import {
	anonymousClaims,
	requestClaimsParams,
	setRequestClaimsSql
} from '../../src/lib/data/embedded/request-claims';
import { openingQueries } from '../../src/lib/map/opening-view';
import type { FirstPaintPayload } from '../../src/lib/data/embedded/first-paint';

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

describe('the first paint the app ships', () => {
	const path = join(import.meta.dirname, '../../src/lib/data/embedded/generated/first-paint.json');
	const snapshotPath = join(
		import.meta.dirname,
		'../../src/lib/data/embedded/generated/database-snapshot.tar.gz'
	);

	it('is what the shipped database answers an anonymous visitor, at every zoom the map opens at', async () => {
		expect(existsSync(path), 'run `npm run db:snapshot`').toBe(true);
		const shipped = JSON.parse(readFileSync(path, 'utf8')) as FirstPaintPayload;
		expect(shipped.views.map((v) => v.query)).toEqual(openingQueries());
		const snapshot = new Blob([readFileSync(snapshotPath)], { type: 'application/x-gzip' });
		// The same database the browser loads, so that the ids agree.
		const shippedDb = await openPglite(loadSqlSources(), { snapshot });
		try {
			await shippedDb.transaction(async (tx) => {
				await tx.query(setRequestClaimsSql, requestClaimsParams(anonymousClaims));
				const answer = async <N extends RpcName>(name: N, args: RpcArgs<N>) => {
					const { sql, params } = rpcSql(name, args);
					return (await tx.query<{ result: unknown }>(sql, params)).rows[0]!.result;
				};
				// map_view() promises no order within its lists.
				const ordered = (answer: unknown) => {
					const lists = answer as Record<string, unknown>;
					const sorted = (rows: unknown) =>
						[...(rows as unknown[][])].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
					return {
						...lists,
						organisations: sorted(lists['organisations']),
						cells: sorted(lists['cells'])
					};
				};
				for (const view of shipped.views) {
					expect(ordered(view.answer), `zoom ${view.query.zoom}`).toEqual(
						ordered(await answer('map_view', mapViewArgs(view.query)))
					);
				}
				expect(shipped.reference_data).toEqual(await answer('reference_data', {}));
				expect(shipped.atlas).toEqual(await answer('atlas', { max_organisations: 1000 }));
			});
		} finally {
			await shippedDb.close();
		}
		// The opening view shows organisations: the map is not blank before the database starts.
		const opening = shipped.views.find((v) => v.query.zoom === 12)!.answer as { shown: number };
		expect(opening.shown).toBeGreaterThan(20);
	});
});
