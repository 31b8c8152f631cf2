/**
 * Areas and their figures as the database keeps them: CBS outlines and key
 * figures come in through import_areas() as one batch, for the areas the
 * caller coordinates; organisations move into the buurt their point lies in;
 * the figures are public; undo puts everything back. On PGlite and PostgreSQL.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAreaFile } from '$lib/files/area-files';
import { areaBatch, planAreas, type AreaBatch } from '$lib/areas/area-plan';
import type { AreaFile } from '$lib/files/cbs';
import type { Area } from '$lib/data';
import {
	anon,
	databaseKinds,
	openTestDatabase,
	signedIn,
	users,
	type Query,
	type TestDatabase
} from './harness';
import { refusal, scalar } from './attempts';

const sanne = signedIn(users.sanne);
const beheer = signedIn(users.beheer);
const daan = signedIn(users.daan);

interface AreaAnswer {
	batch_id: string | null;
	written: boolean;
	areas_created: number;
	areas_updated: number;
	areas_unchanged: number;
	figures_created: number;
	figures_updated: number;
	figures_unchanged: number;
	organisations_moved: number;
	refused: number;
	refused_rows: {
		sheet: string;
		row: number;
		code: string;
		reason: string;
		detail: string | null;
	}[];
}

const fixtures = join(__dirname, '../fixtures/cbs');
async function fixtureFiles(): Promise<AreaFile[]> {
	const files: AreaFile[] = [];
	for (const name of [
		'wijken_2023.geojson',
		'buurten_2023.geojson',
		'kerncijfers-wijken-en-buurten-2023.csv'
	])
		files.push(
			...(await readAreaFile({ name, bytes: new Uint8Array(readFileSync(join(fixtures, name))) }))
		);
	return files;
}

const importAreas = (q: Query, batch: AreaBatch | Record<string, unknown>) =>
	scalar<AreaAnswer>(q, 'public.import_areas($1)', [batch]);

/** Areas, figures and where each organisation is, as the owner sees them. */
async function stateOf(db: TestDatabase): Promise<string> {
	await expectClosureOfTree(db);
	const rows = await db.query<{ state: unknown }>(`select jsonb_build_object(
		'areas', (select jsonb_agg(to_jsonb(a) order by a.id) from public.areas a),
		'figures', (select jsonb_agg(to_jsonb(f) order by f.area_id, f.year) from public.area_figures f),
		'placed', (select jsonb_agg(jsonb_build_array(o.slug, o.area_id) order by o.slug) from public.organisations o)
	) as state`);
	return JSON.stringify(rows[0]!.state);
}

/** The closure the policies use is the area tree's, however areas came and went. */
async function expectClosureOfTree(db: TestDatabase): Promise<void> {
	const [row] = await db.query<{ kept: string; tree: string }>(`
		select
			(select string_agg(ancestor_id || '>' || area_id, ',' order by ancestor_id, area_id)
			 from private.area_closure) as kept,
			(with recursive below (ancestor_id, area_id) as (
				select a.id, a.id from public.areas a
				union
				select b.ancestor_id, a.id from below b join public.areas a on a.parent_id = b.area_id
			) select string_agg(ancestor_id || '>' || area_id, ',' order by ancestor_id, area_id) from below) as tree`);
	expect(row!.kept).toBe(row!.tree);
}

describe.each(databaseKinds)('areas and figures on %s', (kind) => {
	let db: TestDatabase;
	let files: AreaFile[];
	let batch: AreaBatch;
	beforeAll(async () => {
		db = await openTestDatabase(kind);
		files = await fixtureFiles();
		const areas = await db.query<Area>(
			`select id, level, name, parent_id as "parentId" from public.areas`
		);
		batch = areaBatch(planAreas(files, areas, {}), files, false);
	});
	afterAll(() => db?.close());

	it('plans the fixture as CBS publishes it: outlines, and figures only of areas the atlas will hold', () => {
		expect(batch.areas.map((a) => a.code)).toEqual([
			'WK036376',
			'WK039401',
			'BU03637600',
			'BU03637601',
			'BU03637602',
			'BU03637603',
			'BU03940101'
		]);
		// GM0363 and BU03638100 are not in the atlas nor in the outlines.
		expect(batch.figures.map((f) => [f.code, f.year])).toEqual([
			['WK036376', 2023],
			['BU03637600', 2023],
			['BU03637601', 2023],
			['BU03637602', 2023],
			['BU03637603', 2023]
		]);
	});

	it('takes a coordinator’s outlines and figures for her district, refuses the rest, and undoes it all', async () => {
		const before = await stateOf(db);
		const preview = await db.as(sanne, (q) => importAreas(q, { ...batch, dry_run: true }));
		expect(preview).toMatchObject({
			written: false,
			batch_id: null,
			areas_created: 4,
			areas_updated: 1
		});
		expect(await stateOf(db)).toBe(before);

		const answer = await db.committed(sanne, (q) => importAreas(q, batch));
		expect(answer).toMatchObject({
			written: true,
			areas_created: 4,
			areas_updated: 1,
			figures_created: 5,
			// Wij Zijn Plein, its buurtredactie, the entrepreneurs, the library, the klushuis.
			organisations_moved: 5,
			refused: 2
		});
		// Haarlemmermeer is not hers, and not in the atlas.
		expect(answer.refused_rows.map((r) => [r.code, r.reason])).toEqual([
			['WK039401', 'area_parent_missing'],
			['BU03940101', 'area_parent_missing']
		]);

		await expectClosureOfTree(db);
		// A buurt lies in her stadsdeel: she coordinates it, and its organisations, at once.
		expect(
			await db.as(sanne, (q) => scalar<boolean>(q, `private.coordinates_area('BU03637601')`))
		).toBe(true);
		const placed = await db.query<{ slug: string; area_id: string }>(
			`select slug, area_id from public.organisations where area_id like 'BU%' order by slug`
		);
		expect(placed).toEqual([
			{ slug: 'bibliotheek-slotermeer', area_id: 'BU03637602' },
			{ slug: 'buurtredactie-plein-40-45', area_id: 'BU03637600' },
			{ slug: 'klushuis-slotermeer', area_id: 'BU03637603' },
			{ slug: 'ondernemers-plein-40-45', area_id: 'BU03637600' },
			{ slug: 'wij-zijn-plein-40-45', area_id: 'BU03637600' }
		]);

		// Anyone reads the outlines, the figures and the population in the reference data.
		const read = await db.as(anon, async (q) => ({
			figures: await scalar<
				{ area_id: string; year: number; inhabitants: number; low_income_share: number | null }[]
			>(q, 'public.latest_area_figures()'),
			reference: await scalar<{
				areas: { id: string; parent: string; population: number | null; has_boundary: boolean }[];
			}>(q, 'public.reference_data()'),
			outlines: await scalar<{ features: { id: string; properties: { level: string } }[] }>(
				q,
				'public.area_boundaries()'
			)
		}));
		expect(read.figures.find((f) => f.area_id === 'BU03637601')).toMatchObject({
			year: 2023,
			inhabitants: 3480,
			low_income_share: 18.5
		});
		expect(read.figures.find((f) => f.area_id === 'BU03637603')?.low_income_share).toBeNull();
		expect(read.reference.areas.find((a) => a.id === 'BU03637600')).toEqual(
			expect.objectContaining({ parent: 'WK036376', population: 2140, has_boundary: true })
		);
		expect(read.reference.areas.find((a) => a.id === 'WK036376')).toEqual(
			expect.objectContaining({ parent: 'F', population: 7820 })
		);
		expect(read.outlines.features.map((f) => f.id).sort()).toEqual([
			'BU03637600',
			'BU03637601',
			'BU03637602',
			'BU03637603',
			'WK036376'
		]);
		// The history of a moved organisation names the import.
		const history = await db.as(sanne, (q) =>
			scalar<{ versions: { source: { kind: string; label: string } | null }[] }>(
				q,
				`public.organisation_history('wij-zijn-plein-40-45')`
			)
		);
		expect(JSON.stringify(history)).toContain('buurten_2023.geojson');

		// The same files again change nothing.
		const again = await db.committed(sanne, (q) => importAreas(q, batch));
		expect(again).toMatchObject({
			areas_created: 0,
			areas_updated: 0,
			areas_unchanged: 5,
			figures_unchanged: 5,
			organisations_moved: 0
		});
		await db.committed(sanne, (q) => scalar(q, 'public.undo_import($1)', [again.batch_id]));

		await db.committed(sanne, (q) => scalar(q, 'public.undo_import($1)', [answer.batch_id]));
		expect(await stateOf(db)).toBe(before);
	});

	it('lets an admin add another municipality with its gemeente', async () => {
		const before = await stateOf(db);
		const answer = await db.committed(beheer, (q) => importAreas(q, batch));
		expect(answer).toMatchObject({ refused: 0, areas_created: 6 });
		const [gemeente] = await db.query<{ level: string; name: string }>(
			`select level, name from public.areas where id = 'GM0394'`
		);
		expect(gemeente).toEqual({ level: 'gemeente', name: 'Haarlemmermeer' });
		const [buurt] = await db.query<{ parent_id: string }>(
			`select parent_id from public.areas where id = 'BU03940101'`
		);
		expect(buurt?.parent_id).toBe('WK039401');
		await db.committed(beheer, (q) => scalar(q, 'public.undo_import($1)', [answer.batch_id]));
		expect(await stateOf(db)).toBe(before);
	});

	it('refuses members, anonymous callers and direct writes; refuses undo once later work depends on it', async () => {
		expect(await db.as(daan, (q) => refusal(q, () => importAreas(q, batch)))).toMatch(
			/not_allowed/
		);
		expect(await db.as(anon, (q) => refusal(q, () => importAreas(q, batch)))).toMatch(
			/permission denied/
		);
		for (const claims of [anon, daan, sanne]) {
			expect(
				await db.as(claims, (q) =>
					refusal(q, () =>
						q(
							`insert into public.area_figures (area_id, year, inhabitants) values ('WK036376', 2020, 1)`
						)
					)
				)
			).toMatch(/permission denied/);
			expect(
				await db.as(claims, (q) =>
					refusal(q, () => q(`update public.areas set name = 'x' where id = 'WK036376'`))
				)
			).toMatch(/permission denied/);
			expect(
				await db.as(claims, (q) =>
					refusal(q, () =>
						scalar(q, 'private.write_area($1, $2, $3)', [null, { code: 'BU03637699' }, null])
					)
				)
			).toMatch(/permission denied|not_allowed/);
		}

		// Too much, or not the shape asked for.
		expect(
			await db.as(sanne, (q) =>
				refusal(q, () => importAreas(q, { areas: Array.from({ length: 20001 }, () => ({})) }))
			)
		).toMatch(/input_too_large/);
		expect(await db.as(sanne, (q) => refusal(q, () => importAreas(q, { areas: {} })))).toMatch(
			/invalid_input/
		);
		const bad = await db.as(sanne, (q) =>
			importAreas(q, {
				label: 'fout.geojson',
				areas: [
					{
						row: 1,
						code: 'BU03637698',
						level: 'buurt',
						name: 'x',
						parent_code: 'WK036376',
						boundary: { type: 'Point', coordinates: [4.8, 52.3] }
					},
					{ row: 2, code: 'WK036376', level: 'buurt', name: 'x', parent_code: 'F' }
				],
				figures: [
					{ row: 3, code: 'WK036376', year: 2023, inhabitants: -5 },
					{ row: 4, code: 'BU03637697', year: 2023 }
				]
			})
		);
		expect(bad.refused_rows.map((r) => [r.row, r.reason])).toEqual([
			[1, expect.stringMatching(/check constraint/)],
			[2, 'area_level_differs'],
			[3, expect.stringMatching(/check constraint/)],
			[4, 'area_unknown']
		]);

		// A new buurt, then an organisation placed in it: undoing the buurt would orphan it.
		const answer = await db.committed(sanne, (q) => importAreas(q, batch));
		await db.committed(sanne, (q) =>
			scalar(q, 'public.save_organisation($1)', [
				{
					name: 'Buurtkamer Oost',
					kind: 'resident_initiative',
					lng: 4.816,
					lat: 52.38,
					area_id: 'BU03637601',
					status: 'published'
				}
			])
		);
		expect(
			await db.as(sanne, (q) =>
				refusal(q, () => scalar(q, 'public.undo_import($1)', [answer.batch_id]))
			)
		).toMatch(/import_changed_since/);
	});
});
