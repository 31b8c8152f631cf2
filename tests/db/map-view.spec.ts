/**
 * map_view(): what the map shows of one view. Held to atlas(), the list's read,
 * for the same filters and the same caller: every organisation atlas() shows in
 * the box is on the map once, alone or counted in the cell it lies in (cells
 * computed here again, independently, in Web Mercator), and the ties add up to
 * atlas()'s collaborations among them. On PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeAtlas, decodeMapView } from '$lib/data/decode';
import type { Atlas, BoundingBox, KindGroup, MapViewAnswer, OrganisationKind } from '$lib/data';
import { kindGroupOf } from '$lib/kinds/kind-style';
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
	themes?: string[];
	kinds?: OrganisationKind[];
	areas?: string[];
	openOnly?: boolean;
	query?: string;
}

const filterArgs = (f: Filters) => [
	f.themes ?? null,
	f.kinds ?? null,
	f.areas ?? null,
	f.openOnly ?? null,
	f.query ?? null
];

const view = async (
	q: Query,
	[west, south, east, north]: BoundingBox,
	zoom: number,
	f: Filters = {},
	withTies = false
): Promise<MapViewAnswer> =>
	decodeMapView(
		await scalar(
			q,
			`public.map_view($1, $2, $3, $4, $5, theme_ids => $6, kind_ids => $7, area_ids => $8,
				open_only => $9, query => $10, with_ties => $11)`,
			[west, south, east, north, zoom, ...filterArgs(f), withTies]
		)
	);

const atlas = async (q: Query, bbox: BoundingBox, f: Filters = {}): Promise<Atlas> =>
	decodeAtlas(
		await scalar(
			q,
			`public.atlas($1, $2, $3, $4, theme_ids => $5, kind_ids => $6, area_ids => $7,
				open_only => $8, query => $9)`,
			[...bbox, ...filterArgs(f)]
		)
	);

/** The cell of 64 screen pixels a point lies in at a zoom, as the map draws it. */
function cellOf(lng: number, lat: number, zoom: number): { key: string; x: number; y: number } {
	const across = (512 * 2 ** zoom) / 64;
	const phi = (Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI) / 180;
	const x = Math.floor(((lng + 180) / 360) * across);
	const y = Math.floor(((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * across);
	return { key: `${zoom}/${x}/${y}`, x, y };
}

/** The box a view's cells cover: the view widened to whole cells, as map_view() reads it. */
function widened([west, south, east, north]: BoundingBox, zoom: number): BoundingBox {
	const across = (512 * 2 ** zoom) / 64;
	const lat = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
	const from = cellOf(west, north, zoom);
	const to = cellOf(east, south, zoom);
	return [
		(from.x / across) * 360 - 180,
		lat((to.y + 1) / across),
		((to.x + 1) / across) * 360 - 180,
		lat(from.y / across)
	];
}

/** Nieuw-West and around: every organisation of the seed. */
const city: BoundingBox = [4.72, 52.33, 4.92, 52.41];
const street: BoundingBox = [4.79, 52.355, 4.81, 52.365];

const callers = {
	visitor: anon,
	member: signedIn(users.daan),
	coordinator: signedIn(users.sanne)
};

describe.each(databaseKinds)('map_view on %s', (kind) => {
	let db: TestDatabase;
	beforeAll(async () => {
		db = await openTestDatabase(kind);
	});
	afterAll(() => db?.close());

	for (const [caller, claims] of Object.entries(callers)) {
		it(`shows a ${caller} each organisation atlas() shows once, alone or in its cell`, async () => {
			await db.as(claims, async (q) => {
				const cases: [string, BoundingBox, number, Filters][] = [
					['the country', [3.2, 50.7, 7.3, 53.6], 7, {}],
					['the city', city, 11, {}],
					['the city, a theme', city, 12, { themes: ['taal-inburgering'] }],
					['the city, a stadsdeel open to newcomers', city, 12, { areas: ['F'], openOnly: true }],
					['the city, searched', city, 11, { query: 'buurt' }],
					['a street', street, 15, {}],
					['a street, zoomed far in', street, 17.5, {}]
				];
				for (const [name, bbox, zoom, filters] of cases) {
					const answer = await view(q, bbox, zoom, filters);
					const z = Math.floor(zoom);
					const expected = (await atlas(q, widened(bbox, z), filters)).organisations;
					expect(answer.zoom, name).toBe(z);
					expect(answer.shown, name).toBe(expected.length);

					// Alone: exactly those with nobody else in their cell (from zoom 15: everyone).
					const perCell: Record<string, typeof expected> = {};
					for (const o of expected) (perCell[cellOf(o.lng, o.lat, z).key] ??= []).push(o);
					const alone = expected.filter(
						(o) => z >= 15 || perCell[cellOf(o.lng, o.lat, z).key]!.length === 1
					);
					expect(answer.points.map((p) => p.id).sort(), name).toEqual(
						alone.map((o) => o.id).sort()
					);
					// Cells: each counts the organisations that lie in it, by kind group, inside its box.
					const together = Object.entries(perCell).filter(
						([, members]) => z < 15 && members!.length > 1
					);
					expect(answer.cells.map((c) => c.key).sort(), name).toEqual(
						together.map(([key]) => key).sort()
					);
					for (const cell of answer.cells) {
						const members = perCell[cell.key]!;
						expect(cell.count, `${name}: ${cell.key}`).toBe(members.length);
						const groups: Record<KindGroup, number> = {
							resident_led: 0,
							enterprise: 0,
							institution: 0,
							other: 0
						};
						for (const o of members) groups[kindGroupOf[o.kind]]++;
						expect(cell.byGroup, `${name}: ${cell.key}`).toEqual(groups);
						const [west, south, east, north] = cell.bounds;
						for (const o of members) {
							expect(o.lng).toBeGreaterThanOrEqual(west - 1e-6);
							expect(o.lng).toBeLessThanOrEqual(east + 1e-6);
							expect(o.lat).toBeGreaterThanOrEqual(south - 1e-6);
							expect(o.lat).toBeLessThanOrEqual(north + 1e-6);
						}
					}
					const counted = answer.points.length + answer.cells.reduce((n, c) => n + c.count, 0);
					expect(counted, name).toBe(expected.length);
				}
			});
		});
	}

	it('shows the country as cells and a street as organisations', async () => {
		await db.as(anon, async (q) => {
			const country = await view(q, [3.2, 50.7, 7.3, 53.6], 7);
			expect(country.cells.length).toBeGreaterThan(0);
			expect(country.cells.length).toBeLessThan(5);
			expect(country.points.length).toBeLessThan(country.shown / 4);
			const near = await view(q, street, 16);
			expect(near.cells).toEqual([]);
			expect(near.points.length).toBeGreaterThan(0);
		});
	});

	it('keeps a draft on the map of its members only', async () => {
		const [draft] = await db.query<{ id: string }>(
			`select id from public.organisations where status = 'draft'`
		);
		const around: BoundingBox = [4.755, 52.36, 4.77, 52.368];
		const ids = async (claims: typeof anon) =>
			db.as(claims, async (q) => (await view(q, around, 16)).points.map((p) => p.id));
		expect(await ids(anon)).not.toContain(draft!.id);
		expect(await ids(signedIn(users.noor))).not.toContain(draft!.id);
		expect(await ids(signedIn(users.daan))).toContain(draft!.id);
	});

	it('adds up the ties among what it shows: between organisations, between cells, within cells', async () => {
		await db.as(signedIn(users.sanne), async (q) => {
			let ended = 0;
			for (const zoom of [9, 11, 12, 13, 16]) {
				const bbox = zoom >= 15 ? street : city;
				const answer = await view(q, bbox, zoom, {}, true);
				const { organisations, collaborations } = await atlas(q, widened(bbox, zoom));
				const nodeOf = new Map<string, string>();
				for (const p of answer.points) nodeOf.set(p.id, p.id);
				for (const o of organisations)
					if (!nodeOf.has(o.id)) nodeOf.set(o.id, cellOf(o.lng, o.lat, zoom).key);
				const expected = new Map<string, number>();
				const lasting = collaborations.filter((c) => c.status !== 'ended');
				ended += collaborations.length - lasting.length;
				for (const c of lasting) {
					const [a, b] = [nodeOf.get(c.source)!, nodeOf.get(c.target)!].sort();
					expected.set(`${a} ${b}`, (expected.get(`${a} ${b}`) ?? 0) + 1);
				}
				const between = [...expected].filter(([pair]) => {
					const [a, b] = pair.split(' ');
					return a !== b;
				});
				expect(
					answer.ties.map((t) => [`${t.source} ${t.target}`, t.count]).sort(),
					`zoom ${zoom}`
				).toEqual(between.sort());
				const within = answer.cells.reduce((n, c) => n + c.ties, 0);
				const tied = answer.ties.reduce((n, t) => n + t.count, 0);
				expect(within + tied, `zoom ${zoom}`).toBe(lasting.length);
				const confirmed = answer.ties.reduce((n, t) => n + t.confirmed, 0);
				const active = lasting.filter((c) => {
					const [a, b] = [nodeOf.get(c.source)!, nodeOf.get(c.target)!];
					return a !== b && c.status === 'active';
				}).length;
				expect(confirmed, `zoom ${zoom}`).toBe(active);
				for (const tie of answer.ties) expect(tie.confirmed).toBeLessThanOrEqual(tie.count);
			}
			// The seed has ended ties in the city: they were left out, not missed.
			expect(ended).toBeGreaterThan(0);
			const withoutTies = await view(q, city, 11);
			expect(withoutTies.ties).toEqual([]);
			expect(withoutTies.cells.every((c) => c.ties === 0)).toBe(true);
		});
	});

	it('answers its opening views, with and without ties, from counts kept per cell, exactly as reading row by row, through every change', async () => {
		// Every kind asked for filters nothing, and takes the row-by-row path: the two must agree.
		const both = async (q: Query, box: BoundingBox, zoom: number, withTies: boolean) => {
			const [counted, rows] = await Promise.all([
				scalar(q, 'public.map_view($1, $2, $3, $4, $5, with_ties => $6)', [...box, zoom, withTies]),
				scalar(
					q,
					`public.map_view($1, $2, $3, $4, $5, with_ties => $6,
						kind_ids => (select array_agg(k.id) from public.organisation_kinds k))`,
					[...box, zoom, withTies]
				)
			]);
			return { counted, rows };
		};
		const views: [BoundingBox, number][] = [
			[[3.2, 50.7, 7.3, 53.6], 7],
			[city, 10],
			[city, 12]
		];
		const agree = async (q: Query) => {
			for (const [box, zoom] of views) {
				for (const withTies of [false, true]) {
					const { counted, rows } = await both(q, box, zoom, withTies);
					expect(counted, `zoom ${zoom}${withTies ? ', with ties' : ''}`).toEqual(rows);
				}
			}
			// Not a pair of empty answers agreeing: the city has ties between cells at zoom 12.
			const { counted } = await both(q, city, 12, true);
			expect((counted as { ties: unknown[] }).ties.length).toBeGreaterThan(10);
		};
		for (const claims of Object.values(callers)) await db.as(claims, agree);
		const country = 'public.map_view(3.2, 50.7, 7.3, 53.6, 7)';
		const before = await db.as(anon, (q) => scalar<{ shown: number }>(q, country));

		// The atlas's administrator publishes a draft, moves one organisation, ends another and
		// archives a third: every change reaches the counts, for her and for a visitor at once.
		await db.as(signedIn(users.beheer), async (q) => {
			const edit = (slug: string) =>
				scalar<Record<string, unknown> & { id: string; version: number }>(
					q,
					'public.organisation_for_edit($1)',
					[slug]
				);
			const idOf = (slug: string) =>
				scalar<string>(q, '(select id from public.organisations where slug = $1)', [slug]);
			const propose = (from: string, to: string, kindOfTie: string) =>
				scalar<{ id: string }>(q, 'public.propose_collaboration($1, $2, $3)', [
					from,
					to,
					kindOfTie
				]);
			// Ties read one by one beside the counted ones: a draft's, and those of an
			// organisation whose end is still to come.
			const draft = await edit('buurtmoestuin-ookmeer-in-oprichting');
			await propose(draft.id, await idOf('moestuin-sloterpark'), 'shared_space');
			const ending = await edit('taalcafe-geuzenveld');
			// Ending this year: still on the map until the year is out.
			await q('select public.save_organisation($1, $2)', [
				{ ...ending, ended_on: `${new Date().getFullYear()}-01-01`, ended_precision: 'year' },
				ending.version
			]);
			await agree(q);
			// A tie proposed, one confirmed, one ended: the counted pairs follow.
			const proposal = await propose(
				await idOf('huiswerkklas-de-punt'),
				await idOf('energiecooperatie-nieuw-west'),
				'referral'
			);
			await q('select public.confirm_collaboration($1)', [proposal.id]);
			await q(
				`select public.end_collaboration(c.id) from public.collaborations c
				 where c.status = 'active' and c.source_id = $1 limit 1`,
				[await idOf('buurtkamer-slotervaart-zuid')]
			);
			await agree(q);
			await q('select public.set_organisation_status($1, $2, $3)', [
				draft.id,
				'published',
				draft.version
			]);
			const moved = await edit('repair-cafe-osdorp');
			await q('select public.save_organisation($1, $2)', [
				{ ...moved, lng: 4.9, lat: 52.4 },
				moved.version
			]);
			const ended = await edit('wij-zijn-plein-40-45');
			await q('select public.save_organisation($1, $2)', [
				{ ...ended, ended_on: '2020-01-01', ended_precision: 'year' },
				ended.version
			]);
			const archived = await edit('lsa-bewoners');
			await q('select public.set_organisation_status($1, $2, $3)', [
				archived.id,
				'archived',
				archived.version
			]);
			await agree(q);
			await q(
				`select set_config('role', 'anon', true),
					set_config('request.jwt.claims', '{"role":"anon"}', true)`
			);
			await agree(q);
			// One more published, one ended, one archived: one fewer for a visitor.
			expect((await scalar<{ shown: number }>(q, country)).shown).toBe(before.shown - 1);
		});
	});

	it('refuses a view larger than a screen at its zoom, or one upside down', async () => {
		await db.as(anon, async (q) => {
			expect(await refusal(q, () => view(q, [3.2, 50.7, 7.3, 53.6], 14))).toMatch(
				/input_too_large/
			);
			expect(await refusal(q, () => view(q, [4.9, 52.3, 4.8, 52.4], 12))).toMatch(/invalid_input/);
			expect(await refusal(q, () => view(q, city, 12, { query: 'x'.repeat(201) }))).toMatch(
				/query_too_long/
			);
		});
	});
});
