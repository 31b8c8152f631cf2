/**
 * Freshness: when an entry was last confirmed, who may confirm it, what
 * confirming writes in the history, and what the age changes for visitors,
 * newcomers and coordinators. On PGlite and (with DATABASE_URL) PostgreSQL 15,
 * over the seed, whose made-up entries include some that went unconfirmed:
 * Repair Café Osdorp for 14 months, Seniorenclub Riekerpolder for 19 and
 * Schaakclub Westlandgracht for 27.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusal, scalar } from './attempts';
import {
	anon,
	databaseKinds,
	openTestDatabase,
	signedIn,
	users,
	type Query,
	type TestDatabase
} from './harness';

const daan = signedIn(users.daan);
const fatima = signedIn(users.fatima);
const sanne = signedIn(users.sanne);

interface Detail {
	freshness: string;
	confirmed_at: string;
	collaborations: { partner: { slug: string; illustrative: boolean } }[];
}

interface Stale {
	slug: string;
	email: string | null;
	freshness: string;
	stale_ties: number;
	confirmed_at: string;
}

describe.each(databaseKinds)('freshness on %s', (kind) => {
	let db: TestDatabase;
	beforeAll(async () => {
		db = await openTestDatabase(kind);
	});
	afterAll(() => db?.close());

	const detail = (q: Query, slug: string) =>
		scalar<Detail>(q, 'public.organisation_detail($1)', [slug]);
	const versionOf = async (q: Query, slug: string) =>
		(await scalar<{ version: number }>(q, 'public.organisation_for_edit($1)', [slug])).version;

	it('names the age of an entry in one word, from the moment it was last confirmed', async () => {
		const ages = await db.query<{ slug: string; freshness: string }>(
			`select slug, private.freshness(confirmed_at) as freshness from public.organisations
			 where slug in ('naaiatelier-osdorp', 'repair-cafe-osdorp', 'schaakclub-westlandgracht',
			                'wij-zijn-plein-40-45')
			 order by slug`
		);
		expect(ages).toEqual([
			{ slug: 'naaiatelier-osdorp', freshness: 'ageing' },
			{ slug: 'repair-cafe-osdorp', freshness: 'stale' },
			{ slug: 'schaakclub-westlandgracht', freshness: 'expired' },
			{ slug: 'wij-zijn-plein-40-45', freshness: 'fresh' }
		]);
	});

	it('shows a visitor how fresh an entry is, and which partners are made up', async () => {
		await db.as(anon, async (q) => {
			const repair = await detail(q, 'repair-cafe-osdorp');
			expect(repair.freshness).toBe('stale');
			expect(Date.parse(repair.confirmed_at)).toBeLessThan(Date.now() - 365 * 86_400_000);
			const plein = await detail(q, 'wij-zijn-plein-40-45');
			expect(plein.collaborations.length).toBeGreaterThan(0);
			// Sourced partners are not examples; the made-up ones say so.
			const partners = plein.collaborations.map((c) => c.partner);
			expect(partners.find((p) => p.slug === 'stadsdeel-nieuw-west')?.illustrative).toBe(false);
			expect(partners.some((p) => p.illustrative)).toBe(true);
		});
	});

	it('lets an editor confirm in one click: the entry and its running ties, as one version in its history', async () => {
		await db.as(daan, async (q) => {
			const version = await versionOf(q, 'repair-cafe-osdorp');
			const confirmed = await scalar<{ version: number; confirmed_at: string }>(
				q,
				'public.confirm_organisation($1, $2)',
				['repair-cafe-osdorp', version]
			);
			expect(confirmed.version).toBe(version + 1);
			expect((await detail(q, 'repair-cafe-osdorp')).freshness).toBe('fresh');

			const ties = await q<{ freshness: string; n: number }>(
				`select private.freshness(c.confirmed_at) as freshness, count(*)::int as n
				 from public.collaborations c join public.organisations o on o.id in (c.source_id, c.target_id)
				 where o.slug = 'repair-cafe-osdorp' and c.status = 'active' group by 1`
			);
			expect(ties).toEqual([{ freshness: 'fresh', n: expect.any(Number) }]);

			const history = await scalar<
				{
					actor: string;
					changes: {
						table: string;
						before: { confirmed_at: string };
						after: { confirmed_at: string };
					}[];
				}[]
			>(q, 'public.organisation_history($1)', ['repair-cafe-osdorp']);
			const latest = history[0]!;
			expect(latest.actor).toContain('Daan');
			const own = latest.changes.find((c) => c.table === 'organisations')!;
			expect(Date.parse(own.after.confirmed_at)).toBeGreaterThan(
				Date.parse(own.before.confirmed_at)
			);
		});
	});

	it('confirms with every save, and lets no one set the moment by hand', async () => {
		await db.as(daan, async (q, run) => {
			const opened = await scalar<Record<string, unknown> & { version: number }>(
				q,
				'public.organisation_for_edit($1)',
				['repair-cafe-osdorp']
			);
			await q('select public.save_organisation($1, $2)', [opened, opened.version]);
			expect((await detail(q, 'repair-cafe-osdorp')).freshness).toBe('fresh');

			// A table write (PATCH /organisations) must name the version it saw, and cannot.
			expect(
				await refusal(q, () =>
					run(
						`update public.organisations set confirmed_at = '2099-01-01' where slug = 'repair-cafe-osdorp'`
					)
				)
			).toMatch(/version_required/);
		});
	});

	it('refuses a confirmation from anyone who may not edit the entry, or over a newer save', async () => {
		await db.as(fatima, async (q) => {
			expect(
				await refusal(q, () =>
					q('select public.confirm_organisation($1, $2)', ['repair-cafe-osdorp', 1])
				)
			).toMatch(/not_allowed/);
		});
		await db.as(daan, async (q) => {
			const version = await versionOf(q, 'repair-cafe-osdorp');
			expect(
				await refusal(q, () =>
					q('select public.confirm_organisation($1, $2)', ['repair-cafe-osdorp', version - 1])
				)
			).toMatch(/stale_version/);
			expect(
				await refusal(q, () =>
					q('select public.confirm_organisation($1, $2)', ['repair-cafe-osdorp', null])
				)
			).toMatch(/version_required/);
		});
		await db.as(anon, async (q) => {
			expect(
				await refusal(q, () =>
					q('select public.confirm_organisation($1, $2)', ['repair-cafe-osdorp', 1])
				)
			).toMatch(/permission denied/);
		});
	});

	it.each([
		['a visitor', anon, 'refused'],
		['a signed-in stranger', signedIn(users.noor), 'refused'],
		['its member', daan, 'allowed'],
		['a member of another organisation', fatima, 'refused'],
		['the coordinator of its area', sanne, 'allowed'],
		['an admin', signedIn(users.beheer), 'allowed']
	] as const)('lets %s confirm Repair Café Osdorp: %s', async (_, caller, expected) => {
		const version = await db.as(daan, (q) => versionOf(q, 'repair-cafe-osdorp'));
		const outcome = await db.as(caller, (q) =>
			refusal(q, () =>
				q('select public.confirm_organisation($1, $2)', ['repair-cafe-osdorp', version])
			)
		);
		expect(outcome === 'not refused' ? 'allowed' : 'refused').toBe(expected);
	});

	it('stops suggesting to newcomers what went two years unconfirmed, and offers no contact for an example', async () => {
		await db.as(anon, async (q) => {
			// Westlandgracht, where the chess club (27 months) and Seniorenclub Riekerpolder (19) are near.
			const rows = await q<{
				slug: string;
				freshness: string;
				illustrative: boolean;
				email: string | null;
				website: string | null;
				phone: string | null;
			}>(
				`select slug, freshness, illustrative, email, website, phone
				 from public.join_suggestions(from_lng => 4.8505, from_lat => 52.3555, travel => 'cycle', max_results => 50)`
			);
			const slugs = rows.map((r) => r.slug);
			expect(slugs).not.toContain('schaakclub-westlandgracht');
			expect(rows.find((r) => r.slug === 'seniorenclub-riekerpolder')?.freshness).toBe('stale');
			for (const row of rows.filter((r) => r.illustrative)) {
				expect([row.email, row.website, row.phone]).toEqual([null, null, null]);
			}
		});
	});

	it('lists for a coordinator what in her area goes stale, oldest first, with an address to remind', async () => {
		const list = await db.as(sanne, (q) =>
			scalar<Stale[]>(q, 'public.stale_organisations($1)', [100])
		);
		expect(list.map((o) => o.slug)).toEqual([
			'schaakclub-westlandgracht',
			'seniorenclub-riekerpolder',
			'repair-cafe-osdorp',
			'buurtpreventie-eendracht',
			'naaiatelier-osdorp'
		]);
		expect(list.map((o) => o.freshness)).toEqual(['expired', 'stale', 'stale', 'stale', 'ageing']);
		const repair = list.find((o) => o.slug === 'repair-cafe-osdorp')!;
		// Its own address is empty; Daan chose to be its public contact.
		expect(repair.email).toBe('daan@demo.buurtatlas.invalid');
		expect(repair.stale_ties).toBeGreaterThan(0);

		expect(await db.as(fatima, (q) => scalar(q, 'public.stale_organisations($1)', [100]))).toEqual(
			[]
		);
		await db.as(anon, async (q) => {
			expect(await refusal(q, () => q('select public.stale_organisations(100)'))).toMatch(
				/permission denied/
			);
		});
		await db.as(sanne, async (q) => {
			expect(await refusal(q, () => q('select public.stale_organisations(501)'))).toMatch(
				/invalid_input/
			);
		});
	});

	it('drops an entry from the list once it is confirmed', async () => {
		// A coordinator may edit what is in her area, so she may confirm it too.
		await db.as(sanne, async (q) => {
			const version = await versionOf(q, 'repair-cafe-osdorp');
			await q('select public.confirm_organisation($1, $2)', ['repair-cafe-osdorp', version]);
			const list = await scalar<Stale[]>(q, 'public.stale_organisations($1)', [100]);
			expect(list.map((o) => o.slug)).not.toContain('repair-cafe-osdorp');
		});
	});

	it('carries the confirmation into HSDS as the service’s assured_date', async () => {
		const hsds = await db.as(anon, (q) =>
			scalar<{ name: string; services: { assured_date: string; status: string }[] }[]>(
				q,
				'public.export_hsds()'
			)
		);
		const repair = hsds.find((o) => o.name === 'Repair Café Osdorp')!;
		const [confirmed] = await db.query<{ day: string }>(
			`select to_char(confirmed_at at time zone 'UTC', 'YYYY-MM-DD') as day
			 from public.organisations where slug = 'repair-cafe-osdorp'`
		);
		expect(repair.services).toEqual([
			expect.objectContaining({ assured_date: confirmed!.day, status: 'active' })
		]);
	});
});
