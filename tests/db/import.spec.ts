/**
 * Imports as the database keeps them: one batch in one transaction, a preview
 * that writes nothing, "all or nothing" that leaves nothing half-written, row
 * level security on every row, pending ties for sides not in the atlas, a
 * history that names the batch, and an undo that restores exactly the state
 * before. On PGlite and on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	databaseKinds,
	openTestDatabase,
	signedIn,
	users,
	type Query,
	type TestDatabase
} from './harness';
import { refusal, scalar } from './attempts';

const daan = signedIn(users.daan);
const sanne = signedIn(users.sanne);

interface ImportAnswer {
	batch_id: string | null;
	written: boolean;
	created: number;
	updated: number;
	unchanged: number;
	ties_created: number;
	ties_existing: number;
	ties_pending: number;
	refused: number;
	refused_rows: { sheet: string; row: number; reason: string; constraint: string | null }[];
	ids: Record<string, string>;
}

const place = { lng: 4.8, lat: 52.36, area_id: 'WK036381' };

function organisation(row: number, name: string, extra: Record<string, unknown> = {}) {
	return {
		row,
		ref: name,
		fields: {
			name,
			kind: 'resident_initiative',
			...place,
			themes: ['groen-duurzaamheid'],
			...extra
		}
	};
}

const importOf = (q: Query, batch: Record<string, unknown>) =>
	scalar<ImportAnswer>(q, 'public.import_organisations($1)', [batch]);

/** Everything an import could touch, as the owner sees it: to compare before and after. */
async function stateOf(db: TestDatabase): Promise<string> {
	const rows = await db.query<{ state: unknown }>(`select jsonb_build_object(
		'organisations', (select jsonb_agg(to_jsonb(o) - 'version' - 'updated_at' order by o.id) from public.organisations o),
		'themes', (select jsonb_agg(to_jsonb(t) order by t.organisation_id, t.theme_id) from public.organisation_themes t),
		'collaborations', (select jsonb_agg(to_jsonb(c) - 'updated_at' order by c.id) from public.collaborations c),
		'pending', (select count(*) from public.import_pending_ties)
	) as state`);
	return JSON.stringify(rows[0]!.state);
}

describe.each(databaseKinds)('imports on %s', (kind) => {
	let db: TestDatabase;
	let repairId: string;
	let pleinId: string;
	beforeAll(async () => {
		db = await openTestDatabase(kind);
		const ids = await db.query<{ slug: string; id: string }>(
			`select slug, id from public.organisations where slug in ('repair-cafe-osdorp', 'wij-zijn-plein-40-45')`
		);
		repairId = ids.find((r) => r.slug === 'repair-cafe-osdorp')!.id;
		pleinId = ids.find((r) => r.slug === 'wij-zijn-plein-40-45')!.id;
	});
	afterAll(() => db?.close());

	it('writes a coordinator’s batch: new organisations, an update, ties, and a pending tie', async () => {
		await db.as(sanne, async (q) => {
			const answer = await importOf(q, {
				label: 'nieuw-west.xlsx',
				status: 'published',
				organisations: [
					organisation(2, 'Buurtkeuken Osdorp'),
					organisation(3, 'Taalmaatjes De Punt', { languages: ['nl', 'ar'] }),
					{ row: 4, ref: 'Repair Café Osdorp', id: repairId, fields: { phone: '020 123 4567' } }
				],
				ties: [
					{ row: 2, from: 'Buurtkeuken Osdorp', to: 'Taalmaatjes De Punt', kind: 'partnership' },
					{ row: 3, from: 'Buurtkeuken Osdorp', to: pleinId, kind: 'shared_project' },
					{
						row: 4,
						from: 'Taalmaatjes De Punt',
						to: null,
						other_name: 'Moskee Osdorp',
						kind: 'partnership'
					}
				]
			});
			expect(answer).toMatchObject({
				written: true,
				created: 2,
				updated: 1,
				unchanged: 0,
				ties_created: 2,
				ties_pending: 1,
				refused: 0
			});
			const visible = await q<{ name: string; status: string }>(
				`select name, status from public.organisations where id = any ($1::uuid[]) order by name`,
				[Object.values(answer.ids)]
			);
			expect(visible).toEqual([
				{ name: 'Buurtkeuken Osdorp', status: 'published' },
				{ name: 'Repair Café Osdorp', status: 'published' },
				{ name: 'Taalmaatjes De Punt', status: 'published' }
			]);
			const [tie] = await q<{ status: string }>(
				`select status from public.collaborations where source_id = $1 and target_id = $2`,
				[answer.ids['Buurtkeuken Osdorp'], answer.ids['Taalmaatjes De Punt']]
			);
			// A coordinator of both sides confirms as she imports.
			expect(tie?.status).toBe('active');
			const pending = await scalar<
				{ id: string; other_name: string; organisation_is_source: boolean }[]
			>(q, 'public.pending_ties($1)', [answer.ids['Taalmaatjes De Punt']]);
			expect(pending).toMatchObject([
				{ other_name: 'Moskee Osdorp', organisation_is_source: true }
			]);
		});
	});

	it('lists pending ties to the editors of the side in the atlas, who alone dismiss them', async () => {
		const answer = await db.committed(sanne, (q) =>
			importOf(q, {
				label: 'banden.csv',
				ties: [{ row: 2, from: repairId, other_name: 'Moskee Osdorp', kind: 'partnership' }]
			})
		);
		const [tie] = await db.as(daan, (q) =>
			scalar<{ id: string; other_name: string }[]>(q, 'public.pending_ties($1)', [repairId])
		);
		expect(tie).toMatchObject({ other_name: 'Moskee Osdorp' });
		const fatima = signedIn(users.fatima);
		expect(await db.as(fatima, (q) => scalar(q, 'public.pending_ties($1)', [repairId]))).toEqual(
			[]
		);
		expect(
			await db.as(fatima, (q) =>
				refusal(q, () => scalar(q, 'public.dismiss_pending_tie($1)', [tie!.id]))
			)
		).toMatch(/not_allowed/);
		await db.committed(daan, (q) => scalar(q, 'public.dismiss_pending_tie($1)', [tie!.id]));
		expect(await db.as(daan, (q) => scalar(q, 'public.pending_ties($1)', [repairId]))).toEqual([]);
		await db.committed(sanne, (q) => scalar(q, 'public.undo_import($1)', [answer.batch_id]));
	});

	it('counts a row that changes nothing as unchanged, writes no version for it, and undoes an update', async () => {
		const state = await stateOf(db);
		const version = async () =>
			(
				await db.query<{ version: number }>(
					'select version from public.organisations where id = $1',
					[repairId]
				)
			)[0]!.version;
		const row = {
			row: 2,
			id: repairId,
			fields: { phone: '020 111 2222', themes: ['energie', 'zorg-welzijn'] }
		};
		const first = await db.committed(sanne, (q) =>
			importOf(q, { label: 'eerst.csv', organisations: [row] })
		);
		expect(first).toMatchObject({ updated: 1, unchanged: 0 });
		const before = await version();
		// The same values, themes in another order: nothing to write.
		const again = await db.committed(sanne, (q) =>
			importOf(q, {
				label: 'nog-eens.csv',
				organisations: [{ ...row, fields: { ...row.fields, themes: ['zorg-welzijn', 'energie'] } }]
			})
		);
		expect(again).toMatchObject({ updated: 0, unchanged: 1, written: true });
		expect(await version()).toBe(before);

		// Two imports in one transaction would be one batch in the history: refused.
		const twice = await db.as(sanne, async (q) => {
			await importOf(q, { label: 'een.csv', organisations: [] });
			return refusal(q, () => importOf(q, { label: 'twee.csv', organisations: [] }));
		});
		expect(twice).toMatch(/invalid_input/);

		for (const batch of [again.batch_id, first.batch_id])
			await db.committed(sanne, (q) => scalar(q, 'public.undo_import($1)', [batch]));
		expect(await stateOf(db)).toBe(state);
	});

	it('previews without writing anything, with the database’s own refusals', async () => {
		const before = await stateOf(db);
		const answer = await db.committed(sanne, (q) =>
			importOf(q, {
				label: 'preview.csv',
				dry_run: true,
				organisations: [
					organisation(2, 'Buurtkeuken Osdorp'),
					organisation(3, 'Zonder soort', { kind: 'no-such-kind' }),
					organisation(4, '\u200b\u200b', {})
				],
				ties: [{ row: 2, from: 'Buurtkeuken Osdorp', to: 'Niemand', kind: 'partnership' }]
			})
		);
		expect(answer).toMatchObject({ written: false, batch_id: null, created: 1, refused: 3 });
		expect(answer.refused_rows.map((r) => [r.sheet, r.row])).toEqual([
			['organisations', 3],
			['organisations', 4],
			['ties', 2]
		]);
		expect(answer.refused_rows[0]!.constraint).toMatch(/kind/);
		expect(answer.refused_rows[2]!.reason).toBe('tie_side_unknown');
		expect(await stateOf(db)).toBe(before);
		const [batches] = await db.query<{ n: number }>(
			`select count(*)::int as n from public.import_batches where label = 'preview.csv'`
		);
		expect(batches!.n).toBe(0);
	});

	it('leaves nothing half-written under "all or nothing" when one row anywhere is refused', async () => {
		const before = await stateOf(db);
		const answer = await db.committed(sanne, (q) =>
			importOf(q, {
				label: 'strict.csv',
				all_or_nothing: true,
				status: 'published',
				organisations: [
					organisation(2, 'Buurtkeuken Osdorp'),
					organisation(3, 'Buurtkeuken Geuzenveld'),
					organisation(4, 'Met een slechte site', { website: 'javascript:alert(1)' })
				],
				ties: [
					{ row: 2, from: 'Buurtkeuken Osdorp', to: 'Buurtkeuken Geuzenveld', kind: 'partnership' }
				]
			})
		);
		expect(answer).toMatchObject({ written: false, created: 2, ties_created: 1, refused: 1 });
		expect(answer.refused_rows[0]).toMatchObject({ sheet: 'organisations', row: 4 });
		expect(await stateOf(db)).toBe(before);
	});

	it('refuses, row by row, what a member may not write: another organisation, or publishing', async () => {
		await db.as(daan, async (q) => {
			const answer = await importOf(q, {
				label: 'mine.csv',
				status: 'published',
				organisations: [
					{ row: 2, id: pleinId, fields: { name: 'Overgenomen' } },
					{ row: 3, id: repairId, fields: { phone: '020 765 4321' } },
					organisation(4, 'Nieuw van Daan')
				]
			});
			expect(answer).toMatchObject({ written: true, updated: 1, created: 0, refused: 2 });
			expect(answer.refused_rows.map((r) => [r.row, r.reason])).toEqual([
				[2, 'not_allowed'],
				[4, 'publish_requires_coordinator']
			]);
			const [plein] = await q<{ name: string }>(
				'select name from public.organisations where id = $1',
				[pleinId]
			);
			expect(plein!.name).toBe('Wij Zijn Plein ’40-’45');
		});
	});

	it('bounds a batch and refuses visitors', async () => {
		await db.as(daan, async (q) => {
			const many = Array.from({ length: 5001 }, (_, i) => organisation(i + 2, `Org ${i}`));
			expect(await refusal(q, () => importOf(q, { label: 'x', organisations: many }))).toMatch(
				/input_too_large/
			);
			expect(await refusal(q, () => importOf(q, { label: 'x', organisations: {} }))).toMatch(
				/invalid_input/
			);
		});
		await db.as({ role: 'anon' }, async (q) => {
			expect(await refusal(q, () => importOf(q, { label: 'x' }))).toMatch(/permission denied/);
		});
	});

	it('names the batch in the history, and undoes it exactly, by its importer or a coordinator', async () => {
		const before = await stateOf(db);
		const answer = await db.committed(sanne, (q) =>
			importOf(q, {
				label: 'ongedaan.xlsx',
				status: 'published',
				organisations: [
					organisation(2, 'Buurtkeuken Osdorp'),
					{ row: 3, id: repairId, fields: { phone: '020 999 0000', themes: ['energie'] } }
				],
				ties: [
					{ row: 2, from: 'Buurtkeuken Osdorp', to: repairId, kind: 'partnership' },
					{ row: 3, from: 'Buurtkeuken Osdorp', other_name: 'Elders', kind: 'referral' }
				]
			})
		);
		expect(answer.written).toBe(true);
		const history = await db.as(sanne, (q) =>
			scalar<{ import: { label: string } | null }[]>(
				q,
				`public.organisation_history('repair-cafe-osdorp')`
			)
		);
		expect(history[0]!.import?.label).toBe('ongedaan.xlsx');
		const recent = await db.as(sanne, (q) =>
			scalar<{ label: string; mine: boolean }[]>(q, 'public.recent_imports()')
		);
		expect(recent[0]).toMatchObject({ label: 'ongedaan.xlsx', mine: true });

		// Someone else may not undo it; a member who did not run it neither.
		const refused = await db.as(daan, (q) =>
			refusal(q, () => scalar(q, 'public.undo_import($1)', [answer.batch_id]))
		);
		expect(refused).toMatch(/not_allowed/);

		await db.committed(sanne, (q) => scalar(q, 'public.undo_import($1)', [answer.batch_id]));
		expect(await stateOf(db)).toBe(before);
		const again = await db.as(sanne, (q) =>
			refusal(q, () => scalar(q, 'public.undo_import($1)', [answer.batch_id]))
		);
		expect(again).toMatch(/import_already_undone/);
	});

	it('refuses to undo over later work, and names it', async () => {
		const answer = await db.committed(sanne, (q) =>
			importOf(q, {
				label: 'later.csv',
				status: 'published',
				organisations: [organisation(2, 'Later Gewijzigd')]
			})
		);
		const id = answer.ids['Later Gewijzigd']!;
		await db.committed(sanne, async (q) => {
			const [row] = await q<{ version: number; slug: string }>(
				'select version, slug from public.organisations where id = $1',
				[id]
			);
			const edit = await scalar<Record<string, unknown>>(q, 'public.organisation_for_edit($1)', [
				row!.slug
			]);
			await scalar(q, 'public.save_organisation($1, $2)', [
				{ ...edit, description: 'Later werk' },
				row!.version
			]);
		});
		const refused = await db.as(sanne, (q) =>
			refusal(q, () => scalar(q, 'public.undo_import($1)', [answer.batch_id]))
		);
		expect(refused).toMatch(/import_changed_since/);
		// Clean up for the tests after this one.
		await db.query('delete from public.organisations where id = $1', [id]);
	});
});
