/**
 * join_suggestions(): the ranking behind "Meedoen", as the anonymous visitor
 * the app acts as, on PGlite and (when DATABASE_URL is set) a PostgreSQL server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anon, databaseKinds, openTestDatabase, type TestDatabase } from './harness';

interface Suggestion {
	slug: string;
	name: string;
	distance_m: number;
	open_to_newcomers: boolean;
	matched_themes: string[];
	matched_languages: string[];
	matched_times: { weekday: number; part_of_day: string }[];
	score: number;
	join_next_step: string | null;
	text_language: string;
}

interface Answers {
	at: [lng: number, lat: number];
	themes?: string[];
	languages?: string[];
	times?: string[];
	travel?: 'walk' | 'cycle';
	max?: number;
}

/** Kookcollectief Slotervaart's door, in Slotervaart. */
const slotervaart: [number, number] = [4.822, 52.36];

describe.each(databaseKinds)('join_suggestions() on %s', (kind) => {
	let db: TestDatabase;
	beforeAll(async () => {
		db = await openTestDatabase(kind);
	});
	afterAll(() => db?.close());

	const suggest = (answers: Answers) =>
		db.as(anon, (query) =>
			query<Suggestion>(
				`select * from public.join_suggestions(
					from_lng => $1, from_lat => $2, theme_ids => $3::text[], language_ids => $4::text[],
					time_slots => $5::text[], travel => $6, max_results => $7)`,
				[
					answers.at[0],
					answers.at[1],
					answers.themes ?? null,
					answers.languages ?? null,
					answers.times ?? null,
					answers.travel ?? 'walk',
					answers.max ?? 10
				]
			)
		);

	it('puts first what fits: Arabic, Tuesday evening, cooking, at the door', async () => {
		const rows = await suggest({
			at: slotervaart,
			themes: ['werk-inkomen'],
			languages: ['ar'],
			times: ['weekday_evening']
		});
		expect(rows[0]).toMatchObject({
			slug: 'kookcollectief-slotervaart',
			distance_m: 0,
			matched_themes: ['werk-inkomen'],
			matched_languages: ['ar'],
			matched_times: [{ weekday: 2, part_of_day: 'evening' }],
			// 10 theme + 10 language + 10 time + 5 help wanted + 10 at the door
			score: 45
		});
		expect(rows.every((r) => r.distance_m <= 1500)).toBe(true);
	});

	it('ranks by score, then distance, then name: the same order every time', async () => {
		const answers: Answers = { at: slotervaart, languages: ['ar', 'tr'], times: ['weekend'] };
		const first = await suggest(answers);
		const open = first.filter((r) => r.open_to_newcomers);
		for (let i = 1; i < open.length; i++) {
			const [a, b] = [open[i - 1]!, open[i]!];
			const inOrder =
				a.score > b.score ||
				(a.score === b.score &&
					(a.distance_m < b.distance_m ||
						(a.distance_m === b.distance_m && a.name.localeCompare(b.name) <= 0)));
			expect(inOrder, `${a.slug} before ${b.slug}`).toBe(true);
		}
		expect(await suggest(answers)).toEqual(first);
	});

	it('breaks an exact tie by name, then by id, whatever order they were added in', async () => {
		// Three identical initiatives far from the rest, added out of order.
		await db.query(`
			insert into public.organisations (slug, name, kind, status, lng, lat, open_to_newcomers)
			values ('tweeling-b', 'Tweeling', 'resident_initiative', 'published', 5.5, 52.0, true),
			       ('zus-c', 'Zus', 'resident_initiative', 'published', 5.5, 52.0, true),
			       ('tweeling-a', 'Tweeling', 'resident_initiative', 'published', 5.5, 52.0, true)`);
		const ids = await db.query<{ slug: string; id: string }>(
			`select slug, id::text from public.organisations where slug in ('tweeling-a', 'tweeling-b')
			 order by id`
		);
		const runs = await Promise.all([1, 2, 3].map(() => suggest({ at: [5.5, 52.0] })));
		for (const rows of runs) {
			expect(rows.map((r) => r.slug)).toEqual([...ids.map((r) => r.slug), 'zus-c']);
		}
	});

	it('says which language each organisation wrote its texts in', async () => {
		// Far from the seed, so that only these answer.
		await db.query(`
			insert into public.organisations
			  (slug, name, kind, status, lng, lat, open_to_newcomers, text_language, join_next_step)
			values ('ev-kadin', 'Kadın Dayanışma', 'resident_initiative', 'published', 6.1, 52.5, true,
			        'tr', 'Salı akşamı gelin'),
			       ('buurtkamer-oost', 'Buurtkamer Oost', 'resident_initiative', 'published', 6.1, 52.5, true,
			        'nl', 'Loop binnen op dinsdag')`);
		const rows = await suggest({ at: [6.1, 52.5] });
		expect(rows.map((r) => [r.slug, r.text_language, r.join_next_step])).toEqual([
			['buurtkamer-oost', 'nl', 'Loop binnen op dinsdag'],
			['ev-kadin', 'tr', 'Salı akşamı gelin']
		]);
	});

	it('never puts an organisation that is not open to newcomers first', async () => {
		// The stadsdeel office matches these themes best of all, but is not open to newcomers.
		const rows = await suggest({
			at: [4.8017, 52.3583],
			themes: ['wonen', 'veiligheid', 'zeggenschap', 'werk-inkomen'],
			max: 50
		});
		expect(rows[0]!.open_to_newcomers).toBe(true);
		const firstClosed = rows.findIndex((r) => !r.open_to_newcomers);
		expect(firstClosed).toBeGreaterThan(0);
		expect(rows.slice(firstClosed).every((r) => !r.open_to_newcomers)).toBe(true);
		const office = rows.find((r) => r.slug === 'stadsdeel-nieuw-west');
		expect(office?.score).toBeGreaterThan(rows[0]!.score);
	});

	it('without answers, gives the open ones nearest to the place first', async () => {
		const rows = await suggest({ at: slotervaart });
		expect(rows.length).toBeGreaterThan(0);
		expect(rows[0]!.open_to_newcomers).toBe(true);
		expect(rows.every((r) => r.matched_themes.length === 0 && r.matched_times.length === 0)).toBe(
			true
		);
	});

	it('keeps to the reach: 1.5 km on foot, 5 km by bike', async () => {
		const walking = await suggest({ at: slotervaart, max: 50 });
		const cycling = await suggest({ at: slotervaart, travel: 'cycle', max: 50 });
		expect(Math.max(...walking.map((r) => r.distance_m))).toBeLessThanOrEqual(1500);
		expect(Math.max(...cycling.map((r) => r.distance_m))).toBeGreaterThan(1500);
		expect(Math.max(...cycling.map((r) => r.distance_m))).toBeLessThanOrEqual(5000);
	});

	it('suggests nothing that is not published', async () => {
		const rows = await suggest({ at: [4.7625, 52.364], travel: 'cycle', max: 50 });
		expect(rows.map((r) => r.slug)).not.toContain('buurtmoestuin-ookmeer-in-oprichting');
		expect(rows.map((r) => r.slug)).not.toContain('wijkkrant-eendracht');
	});
});
