/**
 * Exports in open standards, from the database's read functions: every HSDS
 * 3.0 organisation and every Murmurations profile validates against the
 * official schemas in ../shared/standards (ajv), nothing private leaves, and
 * a CSV export imported into an empty atlas gives the same organisations,
 * places, themes and ties. On PGlite and on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCsv } from '../../src/lib/export/formats';
import {
	classifyTables,
	proposeMapping,
	type OrganisationField,
	type TieField
} from '../../src/lib/import/columns';
import { buildPlan, toBatch } from '../../src/lib/import/plan';
import { readTables } from '../../src/lib/files/tables';
import { decodeExportedAtlas } from '../../src/lib/data/editing-decode';
import type { ExportedAtlas } from '../../src/lib/data';
import { standardValidators } from '../standards';
import {
	anon,
	databaseKinds,
	openTestDatabase,
	signedIn,
	users,
	type TestDatabase
} from './harness';
import { refusal, scalar } from './attempts';

describe.each(databaseKinds)('exports on %s', (kind) => {
	let db: TestDatabase;
	const { hsds, murmurations } = standardValidators();
	beforeAll(async () => {
		db = await openTestDatabase(kind);
	});
	afterAll(() => db?.close());

	it('gives HSDS 3.0 organisations that validate, with locations, schedules and history', async () => {
		const organisations = await db.as(anon, (q) =>
			scalar<Record<string, unknown>[]>(q, 'public.export_hsds()')
		);
		const [published] = await db.query<{ n: number }>(
			`select count(*)::int as n from public.organisations where status = 'published'`
		);
		expect(organisations).toHaveLength(published!.n);
		for (const organisation of organisations) {
			const valid = hsds(organisation);
			expect(hsds.errors ?? [], String(organisation['name'])).toEqual([]);
			expect(valid).toBe(true);
		}
		const plein = organisations.find((o) => o['name'] === 'Wij Zijn Plein ’40-’45')!;
		const [location] = plein['locations'] as Record<string, unknown>[];
		expect(location).toMatchObject({ location_type: 'physical' });
		expect((plein['metadata'] as unknown[]).length).toBeGreaterThan(0);
		const withSchedule = organisations.find(
			(o) =>
				((o['locations'] as Record<string, unknown>[] | undefined)?.[0]?.['schedules'] as unknown[])
					?.length > 0
		);
		expect(withSchedule, 'an organisation with meeting times').toBeTruthy();
	});

	it('gives Murmurations profiles that validate, with ties as relationships', async () => {
		const profiles = await db.as(anon, (q) =>
			scalar<Record<string, unknown>[]>(
				q,
				`public.export_murmurations('https://buurtatlas.example')`
			)
		);
		expect(profiles.length).toBeGreaterThan(10);
		for (const profile of profiles) {
			const valid = murmurations(profile);
			expect(murmurations.errors ?? [], String(profile['name'])).toEqual([]);
			expect(valid).toBe(true);
		}
		expect(profiles.filter((p) => Array.isArray(p['relationships'])).length).toBeGreaterThan(5);
		expect(
			await db.as(anon, (q) =>
				refusal(q, () => scalar(q, `public.export_murmurations('javascript:alert(1)')`))
			)
		).toMatch(/invalid_input/);
	});

	it('exports only what the caller may see, and no private contact', async () => {
		const everything = JSON.stringify(await db.as(anon, (q) => scalar(q, 'public.export_hsds()')));
		const [hidden] = await db.query<{ email: string | null; name: string }>(
			`select cp.email, cp.name from public.contact_people cp where not cp.opted_in_public and cp.email is not null limit 1`
		);
		if (hidden) expect(everything).not.toContain(hidden.email!);
		const [draft] = await db.query<{ id: string; name: string }>(
			`select id, name from public.organisations where status = 'draft' limit 1`
		);
		expect(everything).not.toContain(draft!.id);
		const asked = await db.as(anon, (q) =>
			scalar<unknown[]>(q, 'public.export_hsds($1)', [[draft!.id]])
		);
		expect(asked).toEqual([]);
		const many = Array.from({ length: 50_001 }, () => draft!.id);
		expect(
			await db.as(anon, (q) => refusal(q, () => scalar(q, 'public.export_hsds($1)', [many])))
		).toMatch(/input_too_large/);
	});

	it('round-trips: a CSV export imported into an empty atlas gives the same atlas', async () => {
		const exported = decodeExportedAtlas(
			await db.as(anon, (q) => scalar(q, 'public.export_organisations()'))
		);
		expect(exported.organisations.length).toBeGreaterThan(20);
		const csv = toCsv(exported);
		const encoder = new TextEncoder();
		const tables = [
			...(await readTables({ name: 'organisaties.csv', bytes: encoder.encode(csv.organisations) })),
			...(await readTables({ name: 'samenwerkingen.csv', bytes: encoder.encode(csv.ties) }))
		];
		const { organisations, ties } = classifyTables(tables);
		const areas = await db.query<{ id: string; name: string }>('select id, name from public.areas');
		const plan = buildPlan({
			organisations: {
				table: organisations!,
				mapping: proposeMapping<OrganisationField>(organisations!.headers, 'organisations')
			},
			ties: { table: ties!, mapping: proposeMapping<TieField>(ties!.headers, 'ties') },
			existing: [],
			boundaries: null,
			areas,
			defaultAreaId: null
		});
		expect(plan.organisations.flatMap((row) => row.problems)).toEqual([]);

		// The same database, emptied: the last test of this file, so nothing after it minds.
		await db.exec('delete from public.organisations');
		const answer = await db.committed(signedIn(users.beheer), (q) =>
			scalar<{ created: number; refused: number; ties_created: number; ties_pending: number }>(
				q,
				'public.import_organisations($1)',
				[toBatch(plan, { label: 'rondje.csv', publish: true, allOrNothing: true, dryRun: false })]
			)
		);
		expect(answer).toMatchObject({
			created: exported.organisations.length,
			refused: 0,
			ties_pending: 0
		});
		const again = decodeExportedAtlas(
			await db.as(anon, (q) => scalar(q, 'public.export_organisations()'))
		);
		expect(comparable(again)).toEqual(comparable(exported));
	});
});

/** What a round trip keeps: every public field, and ties by their ends' names and kind. */
function comparable(atlas: ExportedAtlas) {
	const names = new Map(atlas.organisations.map((o) => [o.id, o.name]));
	return {
		organisations: atlas.organisations
			.map(({ id: _id, slug: _slug, updatedAt: _at, status: _status, ...fields }) => fields)
			.sort((a, b) => a.name.localeCompare(b.name)),
		ties: atlas.collaborations
			.filter((c) => c.status !== 'ended')
			.map((c) => `${names.get(c.source)} → ${names.get(c.target)} (${c.kind})`)
			.sort()
	};
}
