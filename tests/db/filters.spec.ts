/**
 * One filter path: atlas() applies themes, kinds, languages, areas (with all
 * that lies in them), "open to newcomers" and a text query, and counts what
 * each option would show. Held here to the browser filter the app had before
 * (kept below as the oracle), on the seed, for a visitor, a member and a
 * coordinator, on PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeAtlas } from '$lib/data/decode';
import type { Atlas, AtlasOrganisation } from '$lib/data';
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

interface Filters {
	themes: string[];
	kinds: string[];
	languages: string[];
	areas: string[];
	openToNewcomers: boolean;
}
const none: Filters = { themes: [], kinds: [], languages: [], areas: [], openToNewcomers: false };

/** The browser's filter before this issue: the meaning the SQL must keep. */
function oracle(o: AtlasOrganisation, f: Filters, scope: ReadonlySet<string> | null): boolean {
	return (
		(f.themes.length === 0 || f.themes.some((t) => o.themes.includes(t))) &&
		(f.kinds.length === 0 || f.kinds.includes(o.kind)) &&
		(f.languages.length === 0 || f.languages.some((l) => o.languages.includes(l))) &&
		(scope === null || (o.areaId !== null && scope.has(o.areaId))) &&
		(!f.openToNewcomers || o.openToNewcomers)
	);
}

function scopeOf(
	chosen: string[],
	areas: { id: string; parent_id: string | null }[]
): Set<string> | null {
	if (chosen.length === 0) return null;
	const scope = new Set(chosen);
	for (let grew = true; grew;) {
		grew = false;
		for (const a of areas)
			if (a.parent_id && scope.has(a.parent_id) && !scope.has(a.id))
				grew = scope.add(a.id) !== null;
	}
	return scope;
}

const read = async (q: Query, f: Filters, query: string | null = null): Promise<Atlas> =>
	decodeAtlas(
		await scalar(
			q,
			`public.atlas(theme_ids => $1, kind_ids => $2, area_ids => $3, language_ids => $4, open_only => $5, query => $6)`,
			[
				f.themes.length ? f.themes : null,
				f.kinds.length ? f.kinds : null,
				f.areas.length ? f.areas : null,
				f.languages.length ? f.languages : null,
				f.openToNewcomers || null,
				query
			]
		)
	);

const cases: [string, Filters][] = [
	['nothing', none],
	['a theme', { ...none, themes: ['taal-inburgering'] }],
	['two themes', { ...none, themes: ['wonen', 'groen-duurzaamheid'] }],
	['kinds', { ...none, kinds: ['resident_initiative', 'buurtplatform'] }],
	['a language', { ...none, languages: ['ar'] }],
	['a stadsdeel, with its wijken', { ...none, areas: ['F'] }],
	['a wijk', { ...none, areas: ['WK036376'] }],
	['open to newcomers', { ...none, openToNewcomers: true }],
	[
		'everything at once',
		{
			themes: ['taal-inburgering', 'zorg-welzijn'],
			kinds: [],
			languages: ['nl'],
			areas: ['F'],
			openToNewcomers: true
		}
	]
];

const callers = {
	visitor: anon,
	member: signedIn(users.daan),
	coordinator: signedIn(users.sanne)
};

describe.each(databaseKinds)('one filter path on %s', (kind) => {
	let db: TestDatabase;
	let areas: { id: string; parent_id: string | null }[];
	beforeAll(async () => {
		db = await openTestDatabase(kind);
		// A buurt inside a wijk, with an organisation in it, so "an area with its children" is two levels deep.
		await db.exec(`
			insert into public.areas (id, level, name, cbs_code, parent_id) values ('BU03637600', 'buurt', 'Plein', 'BU03637600', 'WK036376');
			update public.organisations set area_id = 'BU03637600' where slug = 'buurtredactie-plein-40-45';`);
		areas = await db.query(`select id, parent_id from public.areas`);
	});
	afterAll(() => db?.close());

	for (const [caller, claims] of Object.entries(callers)) {
		it(`gives a ${caller} what the browser filter gave, and counts that add up`, async () => {
			await db.as(claims, async (q) => {
				const all = (await read(q, none)).organisations;
				for (const [name, filters] of cases) {
					const scope = scopeOf(filters.areas, areas);
					const expected = all
						.filter((o) => oracle(o, filters, scope))
						.map((o) => o.id)
						.sort();
					const answer = await read(q, filters);
					expect(answer.organisations.map((o) => o.id).sort(), name).toEqual(expected);
					expect(answer.counts?.shown, name).toBe(expected.length);
					expect(answer.counts?.total, name).toBe(all.length);

					// Each count is what choosing that option, the others kept, shows.
					for (const area of ['F', 'WK036376', 'BU03637600']) {
						const choose = { ...filters, areas: [area] };
						const n = all.filter((o) => oracle(o, choose, scopeOf([area], areas))).length;
						expect(answer.counts?.areas[area] ?? 0, `${name}: area ${area}`).toBe(n);
					}
					for (const theme of ['wonen', 'taal-inburgering']) {
						const n = all.filter((o) => oracle(o, { ...filters, themes: [theme] }, scope)).length;
						expect(answer.counts?.themes[theme] ?? 0, `${name}: theme ${theme}`).toBe(n);
					}
					const open = all.filter((o) =>
						oracle(o, { ...filters, openToNewcomers: true }, scope)
					).length;
					expect(answer.counts?.open, `${name}: open`).toBe(open);
					// Ties only among what is shown.
					const shown = new Set(expected);
					for (const tie of answer.collaborations)
						expect(shown.has(tie.source) && shown.has(tie.target), name).toBe(true);
				}
			});
		});
	}

	it('finds by words in name, description or address, forgiving a typo, within the other filters', async () => {
		await db.as(anon, async (q) => {
			const names = async (f: Filters, query: string) =>
				(await read(q, f, query)).organisations.map((o) => o.name);
			expect(await names(none, 'repair')).toEqual(['Repair Café Osdorp']);
			expect(await names(none, 'repiar cafe')).toEqual(['Repair Café Osdorp']);
			expect(await names({ ...none, kinds: ['police'] }, 'repair')).toEqual([]);
			const plein = await names(none, 'plein 40 45');
			expect(plein).toContain('Wij Zijn Plein ’40-’45');
			expect(plein.length).toBeLessThan(10);
			expect(await names(none, '   ')).toHaveLength((await read(q, none)).organisations.length);
		});
	});

	it('lets the server’s key (service_role) run the same reads, filters and exports included', async () => {
		await db.exec(`begin;
			set local role service_role;
			select public.atlas(area_ids => '{F}', open_only => true, query => 'taal');
			select public.latest_area_figures();
			select public.export_hsds(null);
			select public.export_murmurations('https://atlas.example.nl', null);
			commit;`);
	});

	it('refuses queries and lists beyond their bounds', async () => {
		await db.as(anon, async (q) => {
			expect(await refusal(q, () => read(q, none, 'x'.repeat(201)))).toMatch(/query_too_long/);
			expect(
				await refusal(q, () =>
					read(q, { ...none, themes: Array.from({ length: 51 }, (_, i) => `t${i}`) })
				)
			).toMatch(/input_too_large/);
		});
	});
});
