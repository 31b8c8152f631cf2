/**
 * The atlas at a date: atlas(), map_view() and area_network() with `as_of`
 * answer the organisations that existed then and exactly the ties known to
 * run then (and those that ended in the year before, as 'ended'). On PGlite
 * and (with DATABASE_URL) PostgreSQL 15, over the seed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeAreaNetwork, decodeAtlas, decodeMapView } from '$lib/data/decode';
import type { Atlas } from '$lib/data';
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

const atlasAt = async (q: Query, asOf: string | null): Promise<Atlas> =>
	decodeAtlas(await scalar(q, 'public.atlas(as_of => $1::date)', [asOf]));

/** The ties among published organisations, as the owner reads the table. */
interface Row {
	id: string;
	status: string;
	started_on: string | null;
	ended_on: string | null;
	end_of_period: string | null;
}

describe.each(databaseKinds)('the atlas at a date on %s', (kind) => {
	let db: TestDatabase;
	let ties: Row[];
	beforeAll(async () => {
		db = await openTestDatabase(kind);
		ties = await db.query<Row>(
			`select c.id, c.status, c.started_on::text, c.ended_on::text,
			        private.period_end(c.ended_on, c.ended_precision)::text as end_of_period
			 from public.collaborations c
			 join public.organisations s on s.id = c.source_id and s.status = 'published'
			 join public.organisations t on t.id = c.target_id and t.status = 'published'`
		);
	});
	afterAll(() => db?.close());

	/** What the rule says, written out in TypeScript against the table. */
	function expectedAt(day: string): Map<string, string> {
		const yearBefore = new Date(Date.parse(day) - 365 * 86_400_000).toISOString().slice(0, 10);
		const expected = new Map<string, string>();
		for (const t of ties) {
			if (t.status === 'proposed' || !t.started_on || t.started_on > day) continue;
			if (t.end_of_period && t.end_of_period < yearBefore) continue;
			expected.set(t.id, t.end_of_period && t.end_of_period < day ? 'ended' : 'active');
		}
		return expected;
	}

	it.each(['2016-12-31', '2019-06-30', '2021-12-31', '2023-12-31'])(
		'answers exactly the ties known to run on %s, and those that ended the year before',
		async (day) => {
			const atlas = await db.as(anon, (q) => atlasAt(q, day));
			const answered = new Map(atlas.collaborations.map((c) => [c.id, c.status]));
			expect(answered).toEqual(expectedAt(day));
			for (const c of atlas.collaborations) expect(c.startedOn! <= day).toBe(true);
		}
	);

	it('grows: more ties run in 2023 than in 2017, and the seed has some that ended in between', async () => {
		const [early, late] = await db.as(anon, (q) =>
			Promise.all([atlasAt(q, '2017-12-31'), atlasAt(q, '2023-12-31')])
		);
		const running = (a: Atlas) => a.collaborations.filter((c) => c.status === 'active').length;
		expect(running(late)).toBeGreaterThan(running(early));
		expect(ties.some((t) => t.end_of_period && t.end_of_period < '2023-01-01')).toBe(true);
	});

	it('leaves out, and counts, the running ties without a known start', async () => {
		const undated = ties.filter((t) => t.status === 'active' && !t.started_on).length;
		expect(undated).toBeGreaterThan(0);
		const atlas = await db.as(anon, (q) => atlasAt(q, '2024-12-31'));
		expect(atlas.undated).toBe(undated);
		const today = await db.as(anon, (q) => atlasAt(q, null));
		expect(today.undated).toBeUndefined();
		// Today answers every tie, whatever its dates, as before.
		expect(today.collaborations).toHaveLength(ties.length);
	});

	it('shows an organisation from the year it began, and no longer once it ended', async () => {
		const has = (a: Atlas, slug: string) => a.organisations.some((o) => o.slug === slug);
		await db.as(anon, async (q) => {
			// The made-up Energiecoöperatie began in 2021 (a year: from its first day).
			expect(has(await atlasAt(q, '2020-12-31'), 'energiecooperatie-nieuw-west')).toBe(false);
			expect(has(await atlasAt(q, '2021-01-01'), 'energiecooperatie-nieuw-west')).toBe(true);
		});
		await db.exec(
			`update public.organisations set ended_on = '2022-01-01', ended_precision = 'year'
			 where slug = 'taalcafe-geuzenveld'`
		);
		try {
			await db.as(anon, async (q) => {
				// An end known to the year lasts through that year.
				expect(has(await atlasAt(q, '2022-12-31'), 'taalcafe-geuzenveld')).toBe(true);
				expect(has(await atlasAt(q, '2023-01-01'), 'taalcafe-geuzenveld')).toBe(false);
				expect(has(await atlasAt(q, null), 'taalcafe-geuzenveld')).toBe(false);
			});
		} finally {
			await db.exec(
				`update public.organisations set ended_on = null, ended_precision = null
				 where slug = 'taalcafe-geuzenveld'`
			);
		}
	});

	it('counts the same running ties on the map and between areas as atlas() does', async () => {
		const day = '2021-12-31';
		await db.as(anon, async (q) => {
			const atlas = await atlasAt(q, day);
			const running = atlas.collaborations.filter((c) => c.status === 'active').length;
			const map = decodeMapView(
				await scalar(
					q,
					`public.map_view(4.72, 52.33, 4.92, 52.41, 12, with_ties => true, as_of => $1::date)`,
					[day]
				)
			);
			const onMap =
				map.cells.reduce((n, c) => n + c.ties, 0) + map.ties.reduce((n, t) => n + t.count, 0);
			// The box holds Nieuw-West; atlas() answers the country: count the box's ties.
			const inBox = new Set(
				atlas.organisations
					.filter((o) => o.lng >= 4.72 && o.lng <= 4.92 && o.lat >= 52.33 && o.lat <= 52.41)
					.map((o) => o.id)
			);
			const runningInBox = atlas.collaborations.filter(
				(c) => c.status === 'active' && inBox.has(c.source) && inBox.has(c.target)
			).length;
			expect(onMap).toBe(runningInBox);
			expect(runningInBox).toBeLessThanOrEqual(running);

			const areas = decodeAreaNetwork(
				await scalar(q, `public.area_network('wijk', as_of => $1::date)`, [day])
			);
			const today = decodeAreaNetwork(await scalar(q, `public.area_network('wijk')`));
			const total = (n: typeof areas) =>
				n.areas.reduce((s, a) => s + a.ties, 0) + n.ties.reduce((s, t) => s + t.count, 0);
			expect(total(areas)).toBeLessThan(total(today));
		});
	});
});

describe.each(databaseKinds)('when a collaboration ran, as its editors put it on %s', (kind) => {
	let db: TestDatabase;
	beforeAll(async () => {
		db = await openTestDatabase(kind);
	});
	afterAll(() => db?.close());

	const daan = signedIn(users.daan);
	const sanne = signedIn(users.sanne);
	/** The tie of this status between the first organisation and (if named) the second. */
	const tieOf = async (q: Query, slug: string, status: string, partner?: string) =>
		(
			await q<{ id: string }>(
				`select c.id from public.collaborations c
				 join public.organisations o on o.id in (c.source_id, c.target_id)
				 join public.organisations p on p.id in (c.source_id, c.target_id) and p.id <> o.id
				 where o.slug = $1 and c.status = $2 and ($3::text is null or p.slug = $3)
				 order by c.id limit 1`,
				[slug, status, partner ?? null]
			)
		)[0]!.id;
	const setDates = (q: Query, id: string, ...dates: (string | null)[]) =>
		q('select public.set_collaboration_dates($1, $2::date, $3, $4::date, $5)', [
			id,
			...[...dates, null, null, null, null].slice(0, 4)
		]);

	it('keeps a month as its first day, and the atlas shows the tie from that month', async () => {
		await db.as(daan, async (q) => {
			const id = await tieOf(q, 'repair-cafe-osdorp', 'active', 'naaiatelier-osdorp');
			await setDates(q, id, '2019-03-14', 'month');
			const [row] = await q<{ started_on: string; started_precision: string }>(
				`select started_on::text, started_precision from public.collaborations where id = $1`,
				[id]
			);
			expect(row).toEqual({ started_on: '2019-03-01', started_precision: 'month' });
			const at = async (day: string) =>
				(await atlasAt(q, day)).collaborations.some((c) => c.id === id);
			expect(await at('2019-02-28')).toBe(false);
			expect(await at('2019-03-01')).toBe(true);
		});
	});

	it('puts right when an ended collaboration ended, and nothing else about it', async () => {
		await db.as(sanne, async (q, run) => {
			const id = await tieOf(q, 'doe-team-beerenbroeckbuurt', 'ended');
			await setDates(q, id, '2019-01-01', 'year', '2021-06-01', 'month');
			const [row] = await q<{ ended_on: string; ended_precision: string }>(
				`select ended_on::text, ended_precision from public.collaborations where id = $1`,
				[id]
			);
			expect(row).toEqual({ ended_on: '2021-06-01', ended_precision: 'month' });
			expect(
				await refusal(q, () =>
					run(`update public.collaborations set description = 'anders' where id = $1`, [id])
				)
			).toMatch(/collaboration_ended/);
		});
	});

	it('refuses dates that cannot be: in the future, an end before the start, an end for what runs', async () => {
		await db.as(daan, async (q) => {
			const id = await tieOf(q, 'repair-cafe-osdorp', 'active');
			const refused = (...dates: (string | null)[]) => refusal(q, () => setDates(q, id, ...dates));
			expect(await refused('2099-01-01', 'year')).toMatch(/invalid_period/);
			expect(await refused('2019-01-01', 'year', '2020-01-01', 'year')).toMatch(/invalid_period/);
			expect(await refused('2019-01-01', 'week')).toMatch(/invalid_input/);
			expect(await refused('2019-01-01', null)).toMatch(/invalid_input/);
		});
		await db.as(sanne, async (q) => {
			const id = await tieOf(q, 'doe-team-beerenbroeckbuurt', 'ended');
			expect(
				await refusal(q, () => setDates(q, id, '2021-01-01', 'year', '2020-01-01', 'year'))
			).toMatch(/invalid_period/);
			expect(await refusal(q, () => setDates(q, id, '2019-01-01', 'year'))).toMatch(
				/invalid_period/
			);
		});
	});

	it('counts today in Amsterdam, whatever time zone the session is in', async () => {
		await db.as(daan, async (q) => {
			const id = await tieOf(q, 'repair-cafe-osdorp', 'active');
			// Twelve hours behind UTC: for most of Amsterdam's day, the session's date is yesterday.
			await q(`set local timezone to 'Etc/GMT+12'`);
			const today = await scalar<string>(q, `(now() at time zone 'Europe/Amsterdam')::date::text`);
			await setDates(q, id, today, 'day');
			expect(
				await scalar(q, '(select started_on::text from public.collaborations where id = $1)', [id])
			).toBe(today);
		});
	});

	it('asks for today only in functions that count it in Amsterdam', async () => {
		// current_date follows the session's time zone (UTC on hosted Supabase and in PGlite).
		const unpinned = await db.query<{ fn: string }>(
			`select p.oid::regprocedure::text as fn
			 from pg_proc p
			 where p.pronamespace in ('public'::regnamespace, 'private'::regnamespace)
			   and p.prosrc ~* '\\mcurrent_date\\M|now\\(\\)::date|\\mlocaltimestamp\\M'
			   and not coalesce(p.proconfig @> array['TimeZone=Europe/Amsterdam'], false)
			 order by 1`
		);
		expect(unpinned).toEqual([]);
		const pinned = await db.query<{ n: number }>(
			`select count(*)::int as n from pg_proc p
			 where p.proconfig @> array['TimeZone=Europe/Amsterdam']`
		);
		expect(pinned[0]!.n).toBeGreaterThanOrEqual(10);
	});

	it('lets only the editors of either side, or the coordinator, set the dates', async () => {
		const id = await db.as(daan, (q) => tieOf(q, 'repair-cafe-osdorp', 'active'));
		await db.as(signedIn(users.fatima), async (q) => {
			expect(await refusal(q, () => setDates(q, id, '2019-01-01', 'year'))).toMatch(/not_allowed/);
		});
		await db.as(anon, async (q) => {
			expect(await refusal(q, () => setDates(q, id, '2019-01-01', 'year'))).toMatch(
				/permission denied/
			);
		});
		await db.as(sanne, async (q) => {
			expect(await refusal(q, () => setDates(q, id, '2019-01-01', 'year'))).toBe('not refused');
		});
	});

	it('gives a proposal no start until it is confirmed', async () => {
		await db.as(sanne, async (q) => {
			const id = await tieOf(q, 'buurtmoestuin-ookmeer-in-oprichting', 'proposed');
			expect(await refusal(q, () => setDates(q, id, '2026-01-01', 'year'))).toMatch(
				/collaboration_transition/
			);
		});
	});
});
