/**
 * What a caller who talks to the database directly (the way PostgREST lets
 * anyone) tried, and how the database refuses it now: each attempt with its
 * refusal code, and beside it the allowed path that still works. On PGlite and
 * on the Supabase-shaped PostgreSQL 15. The attempts that need real concurrent
 * connections are in races.spec.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raisedReasons } from '../../src/lib/data/errors';
import {
	requestClaimsParams,
	setRequestClaimsSql,
	type RequestClaims
} from '../../src/lib/data/embedded/request-claims';
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
const noor = signedIn(users.noor);
const sanne = signedIn(users.sanne);
const beheer = signedIn(users.beheer);
const repairSlug = 'repair-cafe-osdorp';
const draftSlug = 'buurtmoestuin-ookmeer-in-oprichting';
const megabyte = 'x'.repeat(1_000_000);

/** Within a request's transaction: act as another caller, or as the owner to arrange. */
const become = (q: Query, claims: RequestClaims) =>
	q(setRequestClaimsSql, requestClaimsParams(claims));
const asOwner = (q: Query) => q('reset role');

const forEdit = (q: Query, slug = repairSlug) =>
	scalar<Record<string, unknown> & { id: string; version: number; name: string }>(
		q,
		'public.organisation_for_edit($1)',
		[slug]
	);

describe.each(databaseKinds)('hardening on %s', (kind) => {
	let db: TestDatabase;
	beforeAll(async () => {
		db = await openTestDatabase(kind);
	});
	afterAll(() => db?.close());

	describe('suggestions', () => {
		const suggest = (q: Query, extra: Record<string, unknown> = {}) =>
			q('select public.suggest_initiative($1)', [
				{ name: 'Buurtkast', lng: 4.79, lat: 52.36, ...extra }
			]);
		/** The request came through the proxy as `client-written, proxy-appended`. */
		const forwarded = (q: Query, value: string) =>
			q(`select set_config('request.headers', $1, true)`, [
				JSON.stringify({ 'x-forwarded-for': value })
			]);

		it('counts the address the proxy appended, not the ones the client wrote', async () => {
			await db.as(anon, async (q) => {
				for (let i = 0; i < 3; i++) {
					await forwarded(q, `10.1.0.${i}, 198.51.100.7`);
					await suggest(q, { name: `Initiatief ${i}` });
				}
				await forwarded(q, '10.1.0.99, 198.51.100.7');
				expect(await refusal(q, () => suggest(q))).toMatch(/rate_limited/);
				// What the proxy appended is what counts: another visitor is welcome.
				await forwarded(q, '10.1.0.99, 203.0.113.9');
				await suggest(q, { name: 'Van een ander' });
			});
		});

		it('counts a signed-in sender as their account, from any address', async () => {
			await db.as(noor, async (q) => {
				for (let i = 0; i < 3; i++) {
					await forwarded(q, `192.0.2.${i}`);
					await suggest(q, { name: `Initiatief ${i}` });
				}
				await forwarded(q, '192.0.2.200');
				expect(await refusal(q, () => suggest(q))).toMatch(/rate_limited/);
			});
		});

		it('keeps one sender from locking the others out', async () => {
			await db.as(anon, async (q) => {
				// Nine earlier today, longer than ten minutes ago: one more, then no more today.
				await asOwner(q);
				await q(
					`insert into private.suggestion_senders (sender_hash, at)
					 select encode(sha256(convert_to(s.value || ':address:198.51.100.8', 'UTF8')), 'hex'),
					        now() - interval '2 hours'
					 from private.settings s, generate_series(1, 9)
					 where s.name = 'sender_hash_key'`
				);
				await become(q, anon);
				await forwarded(q, '198.51.100.8');
				await suggest(q);
				expect(await refusal(q, () => suggest(q))).toMatch(/rate_limited/);
				// Ten a day is far below what everyone together may send in an hour.
				await forwarded(q, '203.0.113.10');
				await suggest(q);
				// That cap holds too, but takes twenty senders at their limit to reach.
				await asOwner(q);
				await q(
					`insert into private.suggestion_senders (sender_hash)
					 select md5(i::text) from generate_series(1, 200) as i`
				);
				await become(q, anon);
				await forwarded(q, '203.0.113.11');
				expect(await refusal(q, () => suggest(q))).toMatch(/rate_limited/);
			});
		});

		it('stores nothing from which the address can be recovered, and shows senders to no one', async () => {
			const columns = await db.query<{ column_name: string }>(
				`select column_name from information_schema.columns
				 where table_schema = 'public' and table_name = 'suggestions'`
			);
			expect(columns.map((c) => c.column_name)).not.toContain('sender_hash');
			await db.as(anon, async (q) => {
				await forwarded(q, '198.51.100.9');
				await suggest(q);
				await asOwner(q);
				const [stored] = await q<{ sender_hash: string; plain: string; md5: string }>(
					`select s.sender_hash,
					        encode(sha256(convert_to('address:198.51.100.9', 'UTF8')), 'hex') as plain,
					        md5('buurtatlas:198.51.100.9') as md5
					 from private.suggestion_senders s order by s.id desc limit 1`
				);
				expect(stored!.sender_hash).toMatch(/^[0-9a-f]{64}$/);
				expect(stored!.sender_hash).not.toBe(stored!.plain);
				expect(stored!.sender_hash).not.toBe(stored!.md5);
			});
			for (const claims of [anon, sanne, beheer]) {
				for (const table of [
					'private.suggestion_senders',
					'private.settings',
					'private.area_closure'
				]) {
					const error = await db.as(claims, (q) => refusal(q, () => q(`select * from ${table}`)));
					expect(error, `${claims.sub ?? 'anon'} on ${table}`).toMatch(/permission denied/);
				}
			}
		});

		it('takes a theme named twice as one, so the suggestion can be accepted', async () => {
			await db.as(anon, async (q) => {
				await forwarded(q, '198.51.100.10');
				await suggest(q, { name: 'Dubbel thema', theme_ids: ['wonen', 'wonen', 'energie'] });
				await become(q, sanne);
				const [waiting] = await q<{ id: string; theme_ids: string[] }>(
					`select id, theme_ids from public.suggestions where name = 'Dubbel thema'`
				);
				expect(waiting!.theme_ids).toEqual(['energie', 'wonen']);
				const created = await scalar<{ slug: string }>(q, 'public.accept_suggestion($1)', [
					waiting!.id
				]);
				expect(created.slug).toBe('dubbel-thema');
			});
		});
	});

	describe('bounds', () => {
		it('refuses a visitor’s megabyte and a hundred thousand themes before storing anything', async () => {
			await db.as(anon, async (q) => {
				const send = (extra: Record<string, unknown>) =>
					q('select public.suggest_initiative($1)', [
						{ name: 'Groot', lng: 4.79, lat: 52.36, ...extra }
					]);
				expect(await refusal(q, () => send({ website: `https://x.nl/${megabyte}` }))).toMatch(
					/input_too_large/
				);
				expect(await refusal(q, () => send({ email: `${megabyte}@x.nl` }))).toMatch(
					/input_too_large/
				);
				const themes = Array.from({ length: 100_000 }, () => 'wonen');
				expect(await refusal(q, () => send({ theme_ids: themes }))).toMatch(/input_too_large/);
				// Below the size of the whole, each field keeps its own bound.
				expect(
					await refusal(q, () => send({ website: `https://x.nl/${'a'.repeat(400)}` }))
				).toMatch(/suggestions_website_length/);
				expect(await refusal(q, () => send({ name: '\u200b\u200b\u200b' }))).toMatch(
					/suggestions_name_readable/
				);
				// Straight into the table, the constraints hold just the same.
				expect(
					await refusal(q, () =>
						q(
							`insert into public.suggestions (name, lng, lat, theme_ids)
							 select 'Direct', 4.8, 52.36, array_agg('thema-' || i) from generate_series(1, 11) as i`
						)
					)
				).toMatch(/input_too_large|suggestions_theme_ids_bounded/);
			});
		});

		it('refuses a member’s megabyte website and help wanted, and a name of zero-width spaces', async () => {
			await db.as(daan, async (q) => {
				const opened = await forEdit(q);
				const save = (changes: Record<string, unknown>) =>
					q('select public.save_organisation($1, $2)', [{ ...opened, ...changes }, opened.version]);
				expect(await refusal(q, () => save({ website: `https://x.nl/${megabyte}` }))).toMatch(
					/input_too_large/
				);
				expect(await refusal(q, () => save({ help_wanted: [megabyte] }))).toMatch(
					/input_too_large/
				);
				expect(await refusal(q, () => save({ name: '\u200b\u200b' }))).toMatch(
					/organisations_name_readable/
				);
				const saved = await scalar<{ version: number }>(q, 'public.save_organisation($1, $2)', [
					{ ...opened, help_wanted: ['Solderen'] },
					opened.version
				]);
				expect(saved.version).toBe(opened.version + 1);
			});
		});

		it('answers a megabyte search at once, with a reason', async () => {
			await db.as(anon, async (q) => {
				expect(
					await refusal(q, () => q('select * from public.search_organisations($1)', [megabyte]))
				).toMatch(/query_too_long/);
				const found = await q<{ slug: string }>(
					'select slug from public.search_organisations($1)',
					['repair']
				);
				expect(found.map((r) => r.slug)).toContain(repairSlug);
			});
		});

		it('finds a hidden draft for its members only, and tells no one else it exists', async () => {
			const findDraft = (q: Query) =>
				q<{ slug: string }>('select slug from public.search_organisations($1)', [
					'buurtmoestuin ookmeer'
				]).then((rows) => rows.some((r) => r.slug === draftSlug));
			const candidates = (q: Query) =>
				scalar<string[]>(q, `private.search_candidates('buurtmoestuin ookmeer', 10)`);
			const draftId = (
				await db.query<{ id: string }>('select id from public.organisations where slug = $1', [
					draftSlug
				])
			)[0]!.id;
			for (const claims of [anon, noor]) {
				expect(await db.as(claims, findDraft)).toBe(false);
				expect(await db.as(claims, candidates)).not.toContain(draftId);
			}
			expect(await db.as(daan, findDraft)).toBe(true);
		});

		it('bounds the lists the read functions take', async () => {
			await db.as(anon, async (q) => {
				const themes = Array.from({ length: 100_000 }, (_, i) => `t${i}`);
				expect(await refusal(q, () => q('select public.atlas(theme_ids => $1)', [themes]))).toMatch(
					/input_too_large/
				);
				expect(
					await refusal(q, () =>
						q('select * from public.join_suggestions(4.8, 52.36, language_ids => $1)', [themes])
					)
				).toMatch(/input_too_large/);
				expect(
					await refusal(q, () =>
						q(`select * from public.join_suggestions(4.8, 52.36, travel => 'teleport')`)
					)
				).toMatch(/invalid_input/);
			});
		});

		it('says invalid_input for a JSON array where an object belongs', async () => {
			await db.as(daan, async (q) => {
				expect(
					await refusal(q, () => q('select public.save_organisation($1::jsonb)', ['[1, 2]']))
				).toMatch(/invalid_input/);
				expect(
					await refusal(q, () =>
						q('select public.save_organisation($1)', [{ name: 'X y', themes: 'wonen' }])
					)
				).toMatch(/invalid_input/);
			});
			await db.as(anon, async (q) => {
				expect(
					await refusal(q, () => q('select public.suggest_initiative($1::jsonb)', ['["a"]']))
				).toMatch(/invalid_input/);
			});
		});
	});

	describe('versions', () => {
		it('refuses a table update that names no version, and keeps the newer save', async () => {
			await db.as(daan, async (q) => {
				const opened = await forEdit(q);
				expect(
					await refusal(q, () =>
						q(`update public.organisations set name = 'Overschreven' where slug = $1`, [repairSlug])
					)
				).toMatch(/version_required/);
				// Nor does naming a version in the filter make it a versioned write.
				expect(
					await refusal(q, () =>
						q(
							`update public.organisations set name = 'Overschreven' where slug = $1 and version = $2`,
							[repairSlug, opened.version]
						)
					)
				).toMatch(/version_required/);
				expect((await forEdit(q)).name).toBe(opened.name);
			});
		});

		it('refuses a restore opened before someone else’s save', async () => {
			await db.as(sanne, async (q) => {
				const opened = await forEdit(q);
				const [oldest] = (
					await scalar<{ version: number; changes_organisation: boolean }[]>(
						q,
						'public.organisation_history($1)',
						[repairSlug]
					)
				)
					.filter((v) => v.changes_organisation)
					.reverse();
				// Someone saves while the history is open…
				await q('select public.save_organisation($1, $2)', [
					{ ...opened, name: 'Repair Café Osdorp-Oost' },
					opened.version
				]);
				// …so a restore on the version the history was read at is stale.
				expect(
					await refusal(q, () =>
						q('select public.restore_organisation_version($1, $2, $3)', [
							repairSlug,
							oldest!.version,
							opened.version
						])
					)
				).toMatch(/stale_version/);
				expect((await forEdit(q)).name).toBe('Repair Café Osdorp-Oost');
				const restored = await scalar<{ version: number }>(
					q,
					'public.restore_organisation_version($1, $2, $3)',
					[repairSlug, oldest!.version, opened.version + 1]
				);
				expect(restored.version).toBe(opened.version + 2);
				expect((await forEdit(q)).name).toBe(opened.name);
			});
		});

		it('gives two drafts of one name two slugs that reveal no hidden draft', async () => {
			await db.as(noor, async (q) => {
				const create = () =>
					scalar<{ slug: string }>(q, 'public.save_organisation($1)', [
						{ name: 'Buurtmoestuin Ookmeer (in oprichting)', kind: 'resident_initiative' }
					]);
				const first = await create();
				const second = await create();
				// Daan's hidden draft holds the plain slug; these say nothing of it.
				expect(first.slug).toMatch(/^buurtmoestuin-ookmeer-in-oprichting-[0-9a-f]{6}$/);
				expect(second.slug).toMatch(/^buurtmoestuin-ookmeer-in-oprichting-[0-9a-f]{6}$/);
				expect(second.slug).not.toBe(first.slug);
			});
		});

		it('lets a signed-in user start five organisations a day, and says so at the sixth', async () => {
			await db.as(noor, async (q) => {
				for (let i = 1; i <= 5; i++) {
					await q('select public.save_organisation($1)', [
						{ name: `Initiatief ${i}`, kind: 'resident_initiative' }
					]);
				}
				expect(
					await refusal(q, () =>
						q('select public.save_organisation($1)', [
							{ name: 'Initiatief 6', kind: 'resident_initiative' }
						])
					)
				).toMatch(/organisation_quota/);
				expect(
					await refusal(q, () =>
						q(`insert into public.organisations (name, kind) values ('Direct', 'other')`)
					)
				).toMatch(/organisation_quota/);
			});
			// A coordinator adds what her area needs.
			await db.as(sanne, async (q) => {
				for (let i = 1; i <= 6; i++) {
					await q('select public.save_organisation($1)', [
						{ name: `Initiatief ${i}`, kind: 'resident_initiative', area_id: 'F' }
					]);
				}
			});
		});
	});

	describe('areas', () => {
		it("a coordinator's reach follows the area tree when it changes", async () => {
			const seesDraft = async (q: Query) => {
				await become(q, sanne);
				const rows = await q(`select 1 from public.organisations where slug = $1`, [draftSlug]);
				await asOwner(q);
				return rows.length === 1;
			};
			await db.as(sanne, async (q) => {
				await asOwner(q);
				const [draft] = await q<{ area_id: string }>(
					`select area_id from public.organisations where slug = $1`,
					[draftSlug]
				);
				expect(await seesDraft(q)).toBe(true);
				// The draft's wijk moves to another stadsdeel, which Sanne does not coordinate.
				await q(`insert into public.areas (id, level, name) values ('ZZ', 'stadsdeel', 'Elders')`);
				await q(`update public.areas set parent_id = 'ZZ' where id = $1`, [draft!.area_id]);
				expect(await seesDraft(q)).toBe(false);
				// And back.
				await q(`update public.areas set parent_id = 'F' where id = $1`, [draft!.area_id]);
				expect(await seesDraft(q)).toBe(true);
			});
		});
	});

	describe('accountability', () => {
		type Line = { table_name: string; action: string; actor_id: string | null };
		const linesOf = (q: Query, table: string) =>
			q<Line>(
				`select table_name, action, actor_id from public.audit_log
				 where table_name = $1 order by id`,
				[table]
			);

		it('keeps a coordinator who joins an organisation, acts and leaves in the history', async () => {
			await db.as(sanne, async (q) => {
				const { id } = await forEdit(q, 'wij-zijn-plein-40-45');
				await q(`insert into public.memberships (organisation_id, user_id) values ($1, $2)`, [
					id,
					users.sanne
				]);
				await q(`delete from public.memberships where organisation_id = $1 and user_id = $2`, [
					id,
					users.sanne
				]);
				const lines = (await linesOf(q, 'memberships')).filter((l) => l.actor_id === users.sanne);
				expect(lines.map((l) => l.action)).toEqual(['insert', 'delete']);
				// The organisation's own history says it too, to its editors.
				const history = await scalar<{ changes: { table: string }[] }[]>(
					q,
					'public.organisation_history($1)',
					['wij-zijn-plein-40-45']
				);
				expect(
					history.flatMap((v) => v.changes).filter((c) => c.table === 'memberships').length
				).toBeGreaterThanOrEqual(3);
			});
		});

		it('records roles handed out and contact people changed, roles for admins’ eyes only', async () => {
			await db.as(beheer, async (q) => {
				await q(
					`insert into public.atlas_roles (user_id, role, area_id) values ($1, 'coordinator', 'F')`,
					[users.noor]
				);
				expect((await linesOf(q, 'atlas_roles')).at(-1)).toMatchObject({
					action: 'insert',
					actor_id: users.beheer
				});
			});
			await db.as(daan, async (q) => {
				const { id } = await forEdit(q);
				await q(
					`insert into public.contact_people (organisation_id, name) values ($1, 'Reparateur')`,
					[id]
				);
				expect((await linesOf(q, 'contact_people')).at(-1)).toMatchObject({
					action: 'insert',
					actor_id: users.daan
				});
				expect(await linesOf(q, 'atlas_roles')).toEqual([]);
			});
		});

		it('keeps a published organisation within reach of its coordinator', async () => {
			await db.as(daan, async (q) => {
				const published = await forEdit(q);
				expect(
					await refusal(q, () =>
						q('select public.save_organisation($1, $2)', [
							{ ...published, area_id: null },
							published.version
						])
					)
				).toMatch(/area_change_requires_coordinator/);
				// A draft is still the member's to place.
				const draft = await forEdit(q, draftSlug);
				const saved = await scalar<{ version: number }>(q, 'public.save_organisation($1, $2)', [
					{ ...draft, area_id: 'WK036381' },
					draft.version
				]);
				expect(saved.version).toBe(draft.version + 1);
			});
		});

		it('says what state a collaboration is in, rather than that it is not allowed', async () => {
			await db.as(daan, async (q) => {
				const [active] = await q<{ id: string }>(
					`select c.id from public.collaborations c
					 join public.organisations o on o.id in (c.source_id, c.target_id)
					 where o.slug = $1 and c.status = 'active' limit 1`,
					[repairSlug]
				);
				expect(
					await refusal(q, () => q('select public.confirm_collaboration($1)', [active!.id]))
				).toMatch(/collaboration_already_active/);
				await q('select public.end_collaboration($1)', [active!.id]);
				expect(
					await refusal(q, () => q('select public.end_collaboration($1)', [active!.id]))
				).toMatch(/collaboration_ended/);
				expect(
					await refusal(q, () =>
						q('select public.confirm_collaboration($1)', ['00000000-0000-4000-8000-00000000dead'])
					)
				).toMatch(/not_found/);
			});
		});
	});
});

describe('refusal codes', () => {
	it('are all known to the app, which has a message for each', () => {
		const dir = join(import.meta.dirname, '..', '..', 'supabase', 'migrations');
		const raised = new Set<string>();
		for (const file of readdirSync(dir)) {
			const sql = readFileSync(join(dir, file), 'utf8');
			for (const match of sql.matchAll(/raise exception '([a-z_]+)'/g)) raised.add(match[1]!);
		}
		expect(raised.size).toBeGreaterThan(10);
		const known = new Set<string>(raisedReasons);
		expect([...raised].filter((reason) => !known.has(reason))).toEqual([]);
	});
});
