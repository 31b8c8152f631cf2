/**
 * Keeping the atlas current, as the database enforces it: privileged columns,
 * edits on a stale version, collaborations confirmed by the other side,
 * suggestions with a honeypot and a rate limit, and a history nobody can
 * change that restores earlier versions. On PGlite and on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const daan = signedIn(users.daan);
const fatima = signedIn(users.fatima);
const noor = signedIn(users.noor);
const sanne = signedIn(users.sanne);

async function ownerRefusal(work: Promise<unknown>): Promise<string> {
	try {
		await work;
	} catch (error) {
		return String(error);
	}
	return 'not refused';
}

const repairSlug = 'repair-cafe-osdorp';

describe.each(databaseKinds)('editing on %s', (kind) => {
	let db: TestDatabase;
	beforeAll(async () => {
		db = await openTestDatabase(kind);
	});
	afterAll(() => db?.close());

	const forEdit = (q: Query, slug = repairSlug) =>
		scalar<Record<string, unknown> & { id: string; version: number }>(
			q,
			'public.organisation_for_edit($1)',
			[slug]
		);

	describe('organisations', () => {
		it('lets a member save their organisation, themes and meeting times, and bumps the version', async () => {
			await db.as(daan, async (q) => {
				const before = await forEdit(q);
				const saved = await scalar<{ version: number }>(q, 'public.save_organisation($1, $2)', [
					{
						...before,
						name: 'Repair Café Osdorp-Oost',
						themes: ['energie', 'groen-duurzaamheid'],
						meeting_slots: [{ weekday: 3, part_of_day: 'evening' }]
					},
					before.version
				]);
				expect(saved.version).toBe(before.version + 1);
				const after = await forEdit(q);
				expect(after).toMatchObject({
					name: 'Repair Café Osdorp-Oost',
					slug: repairSlug,
					themes: ['energie', 'groen-duurzaamheid'],
					meeting_slots: [{ weekday: 3, part_of_day: 'evening' }]
				});
			});
		});

		it('refuses an edit made on a stale version and writes nothing', async () => {
			await db.as(daan, async (q) => {
				const opened = await forEdit(q);
				await q('select public.save_organisation($1, $2)', [
					{ ...opened, description: 'Eerst opgeslagen' },
					opened.version
				]);
				const error = await refusal(q, () =>
					q('select public.save_organisation($1, $2)', [
						{ ...opened, description: 'Te laat' },
						opened.version
					])
				);
				expect(error).toMatch(/stale_version/);
				expect((await forEdit(q)).description).toBe('Eerst opgeslagen');
			});
		});

		it('refuses an edit by a member of another organisation', async () => {
			const opened = await db.as(daan, (q) => forEdit(q));
			expect(await db.as(fatima, (q) => forEdit(q))).toBeNull();
			const error = await db.as(fatima, (q) =>
				refusal(q, () => q('select public.save_organisation($1, $2)', [opened, opened.version]))
			);
			expect(error).toMatch(/not_allowed/);
		});

		it('keeps publication with the coordinator: a member cannot publish, even through the table', async () => {
			const draft = 'buurtmoestuin-ookmeer-in-oprichting';
			await db.as(daan, async (q) => {
				const opened = await forEdit(q, draft);
				expect(opened.can_publish).toBe(false);
				expect(
					await refusal(q, () =>
						q('select public.set_organisation_status($1, $2, $3)', [
							opened.id,
							'published',
							opened.version
						])
					)
				).toMatch(/publish_requires_coordinator/);
				// The table takes no update that does not name the version it saw.
				expect(
					await refusal(q, () =>
						q(`update public.organisations set status = 'published' where slug = $1`, [draft])
					)
				).toMatch(/version_required/);
			});
			await db.as(sanne, async (q) => {
				const opened = await forEdit(q, draft);
				expect(opened.can_publish).toBe(true);
				const result = await scalar<{ status: string }>(
					q,
					'public.set_organisation_status($1, $2, $3)',
					[opened.id, 'published', opened.version]
				);
				expect(result.status).toBe('published');
			});
		});

		it('lets a member archive their organisation and bring it back as a draft, never delete it', async () => {
			await db.as(daan, async (q) => {
				const opened = await forEdit(q);
				const archived = await scalar<{ status: string; version: number }>(
					q,
					'public.set_organisation_status($1, $2, $3)',
					[opened.id, 'archived', opened.version]
				);
				expect(archived.status).toBe('archived');
				const atlas = await scalar<{ organisations: unknown[][] }>(q, 'public.atlas()');
				expect(atlas.organisations.some((row) => row[1] === repairSlug)).toBe(false);
				const back = await scalar<{ status: string }>(
					q,
					'public.set_organisation_status($1, $2, $3)',
					[opened.id, 'draft', archived.version]
				);
				expect(back.status).toBe('draft');
				expect(
					await refusal(q, () =>
						q(`delete from public.organisations where slug = $1`, [repairSlug])
					)
				).toMatch(/permission denied/);
			});
		});

		it('does not let anyone write the slug, provenance or version through the table', async () => {
			for (const column of ["slug = 'overgenomen'", 'is_illustrative = false', 'version = 1']) {
				const error = await db.as(daan, (q) =>
					refusal(q, () =>
						q(`update public.organisations set ${column} where slug = $1`, [repairSlug])
					)
				);
				expect(error, column).toMatch(/permission denied/);
			}
		});

		it('lets a signed-in stranger start a draft, makes them its member, and refuses publishing it', async () => {
			await db.as(noor, async (q) => {
				expect(
					await refusal(q, () =>
						q('select public.save_organisation($1)', [
							{
								name: 'Nieuw',
								kind: 'resident_initiative',
								status: 'published',
								lng: 4.8,
								lat: 52.36
							}
						])
					)
				).toMatch(/publish_requires_coordinator/);
			});
			await db.as(noor, async (q) => {
				const saved = await scalar<{ slug: string; status: string }>(
					q,
					'public.save_organisation($1)',
					[{ name: 'Wij Zijn Plein ’40-’45', kind: 'resident_initiative', themes: ['wonen'] }]
				);
				// A draft's slug has a random tail: it says nothing about which names are taken.
				expect(saved.slug).toMatch(/^wij-zijn-plein-40-45-[0-9a-f]{6}$/);
				expect(saved.status).toBe('draft');
				const account = await scalar<{ organisations: { slug: string; role: string }[] }>(
					q,
					'public.my_account()'
				);
				expect(account.organisations).toEqual([
					expect.objectContaining({ slug: saved.slug, role: 'admin' })
				]);
			});
		});

		it('refuses what the table constraints refuse, naming the constraint', async () => {
			await db.as(daan, async (q) => {
				const opened = await forEdit(q);
				for (const [field, value, constraint] of [
					['name', 'x', 'organisations_name_check'],
					['website', 'javascript:alert(1)', 'organisations_website_check'],
					['postcode', '1068', 'organisations_postcode_check'],
					['email', 'geen-adres', 'organisations_email_check']
				] as const) {
					const error = await refusal(q, () =>
						q('select public.save_organisation($1, $2)', [
							{ ...opened, [field]: value },
							opened.version
						])
					);
					expect(error, field).toContain(constraint);
				}
			});
		});

		it('keeps the language its texts are written in, shows it to visitors, and refuses one it does not know', async () => {
			await db.as(daan, async (q) => {
				const opened = await forEdit(q);
				expect(opened.text_language).toBe('nl');
				await q('select public.save_organisation($1, $2)', [
					{
						...opened,
						text_language: 'tr',
						description: 'Bozuk eşyaları birlikte tamir ediyoruz.'
					},
					opened.version
				]);
				const saved = await forEdit(q);
				expect(saved.text_language).toBe('tr');
				const error = await refusal(q, () =>
					q('select public.save_organisation($1, $2)', [
						{ ...saved, text_language: 'xx' },
						saved.version
					])
				);
				expect(error).toContain('organisations_text_language_check');
				// The read behind the organisation's page says it, so the page can mark the texts.
				const shown = await scalar<{ text_language: string }>(q, 'public.organisation_detail($1)', [
					repairSlug
				]);
				expect(shown.text_language).toBe('tr');
			});
			// Each call runs in its own transaction, rolled back: open it again.
			await db.as(anon, async (q) => {
				const seen = await scalar<{ text_language: string }>(q, 'public.organisation_detail($1)', [
					repairSlug
				]);
				expect(seen.text_language).toBe('nl');
			});

			// Left out, as by an app from before: the texts are taken to be Dutch.
			await db.as(daan, async (q) => {
				const opened = await forEdit(q);
				await q('select public.save_organisation($1, $2)', [
					{ ...opened, text_language: 'ar' },
					opened.version
				]);
				const older: Record<string, unknown> = await forEdit(q);
				delete older.text_language;
				await q('select public.save_organisation($1, $2)', [older, older.version]);
				expect((await forEdit(q)).text_language).toBe('nl');
			});
		});

		it('keeps a coordinator from moving an organisation out of their area', async () => {
			await db.as(sanne, async (q) => {
				const opened = await forEdit(q);
				const error = await refusal(q, () =>
					q('select public.save_organisation($1, $2)', [
						{ ...opened, area_id: null },
						opened.version
					])
				);
				// Said as what it is, not as a bare row-level-security error.
				expect(error).toMatch(/area_outside_coordination/);
			});
		});
	});

	describe('collaborations', () => {
		const propose = (q: Query, kindOfTie = 'partnership') =>
			scalar<{ id: string; status: string }>(
				q,
				`public.propose_collaboration(
					(select id from public.organisations where slug = 'repair-cafe-osdorp'),
					(select id from public.organisations where slug = 'wij-zijn-plein-40-45'), $1)`,
				[kindOfTie]
			);
		const statusOf = (q: Query, id: string) =>
			scalar<string>(q, '(select status from public.collaborations where id = $1)', [id]);

		it('starts as proposed, cannot be confirmed by the side that proposed it, and is confirmed by the other', async () => {
			await db.as(daan, async (q) => {
				const proposal = await propose(q);
				expect(proposal.status).toBe('proposed');
				expect(
					await refusal(q, () => q('select public.confirm_collaboration($1)', [proposal.id]))
				).toMatch(/confirm_requires_other_side/);
				await q(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify(fatima)]);
				const edit = await forEdit(q, 'wij-zijn-plein-40-45');
				const seen = (edit.collaborations as { id: string; can_confirm: boolean }[]).find(
					(c) => c.id === proposal.id
				);
				expect(seen?.can_confirm).toBe(true);
				await q('select public.confirm_collaboration($1)', [proposal.id]);
				expect(await statusOf(q, proposal.id)).toBe('active');
			});
		});

		it('starts as proposed even when asked for active through the table', async () => {
			const status = await db.as(daan, async (q) => {
				await q(`insert into public.collaborations (source_id, target_id, kind, status)
					select a.id, b.id, 'funding', 'active' from public.organisations a, public.organisations b
					where a.slug = 'repair-cafe-osdorp' and b.slug = 'wij-zijn-plein-40-45'`);
				return scalar<string>(
					q,
					`(select status from public.collaborations where kind = 'funding'
					  and source_id = (select id from public.organisations where slug = 'repair-cafe-osdorp'))`
				);
			});
			expect(status).toBe('proposed');
		});

		it('lets either side end it, keeps it with an end date, and then lets nothing change it', async () => {
			await db.as(daan, async (q) => {
				const proposal = await propose(q, 'shared_project');
				await q(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify(fatima)]);
				await q('select public.confirm_collaboration($1)', [proposal.id]);
				await q('select public.end_collaboration($1)', [proposal.id]);
				const [row] = await q<{ status: string; ended_on: unknown }>(
					'select status, ended_on from public.collaborations where id = $1',
					[proposal.id]
				);
				expect(row?.status).toBe('ended');
				expect(row?.ended_on).not.toBeNull();
				expect(
					await refusal(q, () =>
						q(`update public.collaborations set description = 'later' where id = $1`, [proposal.id])
					)
				).toMatch(/collaboration_ended/);
				// The same pair may start again in the same way.
				await q(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify(daan)]);
				expect((await propose(q, 'shared_project')).status).toBe('proposed');
			});
		});

		it('lets a coordinator confirm a proposal between others', async () => {
			const proposalId = await db.as(daan, async (q) => {
				const proposal = await propose(q, 'referral');
				await q(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify(sanne)]);
				await q('select public.confirm_collaboration($1)', [proposal.id]);
				return statusOf(q, proposal.id);
			});
			expect(proposalId).toBe('active');
		});

		it('does not let a member re-point a collaboration at other organisations', async () => {
			const error = await db.as(daan, (q) =>
				refusal(q, () =>
					q(`update public.collaborations set target_id = source_id
					   where source_id = (select id from public.organisations where slug = 'repair-cafe-osdorp')`)
				)
			);
			expect(error).toMatch(/permission denied/);
		});
	});

	describe('suggestions', () => {
		const suggestion = { name: 'Buurtkast Osdorp', lng: 4.79, lat: 52.36 };
		const suggest = (q: Query, extra: Record<string, unknown> = {}) =>
			scalar<{ received: boolean }>(q, 'public.suggest_initiative($1)', [
				{ ...suggestion, ...extra }
			]);
		const pending = (q: Query) =>
			scalar<{ id: string; name: string }[]>(q, 'public.pending_suggestions()');

		it('takes a suggestion from an anonymous visitor into the queue, which only coordinators read', async () => {
			await db.as(anon, async (q) => {
				expect(await suggest(q, { theme_ids: ['wonen'] })).toEqual({ received: true });
				expect(await refusal(q, () => pending(q))).toMatch(/permission denied/);
				await q(`select set_config('role', 'authenticated', true)`);
				await q(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify(daan)]);
				expect(await pending(q)).toEqual([]);
				await q(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify(sanne)]);
				expect((await pending(q)).map((s) => s.name)).toContain('Buurtkast Osdorp');
			});
		});

		it('drops what fills the honeypot, answering just the same', async () => {
			const robots = await db.as(anon, async (q) => {
				expect(await suggest(q, { name: 'Robot', honeypot: 'https://spam.example' })).toEqual({
					received: true
				});
				await q(`select set_config('role', 'authenticated', true)`);
				await q(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify(sanne)]);
				return q<{ n: number }>(
					`select count(*)::int as n from public.suggestions where name = 'Robot'`
				);
			});
			expect(robots[0]?.n).toBe(0);
		});

		it('limits suggestions per sender, by request address, however they arrive', async () => {
			await db.as(anon, async (q) => {
				// The client wrote the first entry; the proxy appended the last.
				const from = (address: string) =>
					q(`select set_config('request.headers', $1, true)`, [
						JSON.stringify({ 'x-forwarded-for': `10.0.0.1, ${address}` })
					]);
				await from('198.51.100.7');
				for (let i = 0; i < 3; i++) await suggest(q, { name: `Initiatief ${i}` });
				expect(await refusal(q, () => suggest(q, { name: 'Eén te veel' }))).toMatch(/rate_limited/);
				expect(
					await refusal(q, () =>
						q(`insert into public.suggestions (name, lng, lat) values ('Direct', 4.8, 52.36)`)
					)
				).toMatch(/rate_limited/);
				await from('203.0.113.9');
				expect(await suggest(q, { name: 'Van een ander' })).toEqual({ received: true });
			});
		});

		it('lets a coordinator accept a suggestion, which publishes it on the map', async () => {
			await db.as(sanne, async (q) => {
				const [first] = await pending(q);
				const created = await scalar<{ slug: string }>(q, 'public.accept_suggestion($1)', [
					first!.id
				]);
				const atlas = await scalar<{ organisations: unknown[][] }>(q, 'public.atlas()');
				expect(atlas.organisations.some((row) => row[1] === created.slug)).toBe(true);
				expect(
					await refusal(q, () => q('select public.accept_suggestion($1)', [first!.id]))
				).toMatch(/suggestion_decided/);
				await q(
					`select set_config('role', 'anon', true), set_config('request.jwt.claims', '{"role":"anon"}', true)`
				);
				const detail = await scalar<{ status: string; themes: string[] }>(
					q,
					'public.organisation_detail($1)',
					[created.slug]
				);
				expect(detail).toMatchObject({
					status: 'published',
					themes: ['cultuur-ontmoeting', 'taal-inburgering']
				});
			});
		});

		it('asks a reason for a rejection, and refuses members who try to decide', async () => {
			const [first] = await db.as(sanne, (q) => pending(q));
			expect(
				await db.as(sanne, (q) =>
					refusal(q, () => q('select public.reject_suggestion($1, $2)', [first!.id, ' ']))
				)
			).toMatch(/suggestions_rejected_has_reason/);
			expect(
				await db.as(daan, (q) =>
					refusal(q, () => q('select public.reject_suggestion($1, $2)', [first!.id, 'Bestaat al']))
				)
			).toMatch(/not_found/);
			const rejected = await db.as(sanne, (q) =>
				scalar<{ status: string }>(q, 'public.reject_suggestion($1, $2)', [first!.id, 'Bestaat al'])
			);
			expect(rejected.status).toBe('rejected');
		});
	});

	describe('history', () => {
		type Version = {
			version: number;
			actor: string | null;
			changes_organisation: boolean;
			changes: {
				table: string;
				action: string;
				before: unknown;
				after: { name?: string } | null;
			}[];
		};
		const history = (q: Query, slug = repairSlug) =>
			scalar<Version[]>(q, 'public.organisation_history($1)', [slug]);

		it('records who changed what, before and after, one version per save', async () => {
			await db.as(daan, async (q) => {
				const opened = await forEdit(q);
				await q('select public.save_organisation($1, $2)', [
					{ ...opened, name: 'Repair Café Nieuw', themes: ['energie'] },
					opened.version
				]);
				const [latest, ...earlier] = await history(q);
				expect(latest?.actor).toBe('Daan (demo)');
				const organisationLine = latest?.changes.find((c) => c.table === 'organisations');
				expect(organisationLine).toMatchObject({
					action: 'update',
					before: expect.objectContaining({ name: 'Repair Café Osdorp' }),
					after: expect.objectContaining({ name: 'Repair Café Nieuw' })
				});
				expect(latest?.changes.filter((c) => c.table === 'organisation_themes').length).toBe(2);
				// The seed is the first version, by nobody in particular.
				expect(earlier.at(-1)?.actor).toBeNull();
			});
		});

		it('shows the history to editors and coordinators only', async () => {
			expect(await db.as(fatima, (q) => history(q))).toEqual([]);
			expect((await db.as(sanne, (q) => history(q))).length).toBeGreaterThan(0);
			expect(await db.as(anon, (q) => refusal(q, () => history(q)))).toMatch(/permission denied/);
		});

		it('restores an earlier version, themes, meeting times and dates included, as a new version', async () => {
			await db.as(sanne, async (q) => {
				const opened = await forEdit(q);
				const before = await history(q);
				const original = before[0];
				await q('select public.save_organisation($1, $2)', [
					{
						...opened,
						name: 'Vernield',
						description: 'Weg',
						themes: [],
						meeting_slots: [],
						ended_on: '2025-01-01',
						ended_precision: 'year'
					},
					opened.version
				]);
				expect(await forEdit(q)).toMatchObject({ ended_on: '2025-01-01' });
				const saved = await forEdit(q);
				await q('select public.restore_organisation_version($1, $2, $3)', [
					repairSlug,
					original!.version,
					saved.version
				]);
				const restored = await forEdit(q);
				expect(restored).toMatchObject({
					name: opened.name,
					description: opened.description,
					themes: opened.themes,
					meeting_slots: opened.meeting_slots,
					ended_on: null,
					ended_precision: null
				});
				const versions = await history(q);
				// The save and the restore share this test's one transaction, so one version.
				expect(versions.length).toBe(before.length + 1);
				expect(versions[0]?.actor).toBe('Sanne (demo), gebiedsmakelaar');
			});
		});

		it('is append-only, for the owner too', async () => {
			for (const sql of [
				'update public.audit_log set actor_id = null',
				'delete from public.audit_log',
				'truncate public.audit_log'
			]) {
				expect(await ownerRefusal(db.query(sql)), sql).toMatch(/audit_log_is_append_only/);
			}
		});
	});
});
