/**
 * Programmes and coalitions: a programme selects its members (and its
 * sub-groups' members) at a date in every read the map and network use; its
 * memberships carry a role and dates, Popolo-style; its own editors and the
 * editors of its coordinating organisation change it, its members do not;
 * every change is in the history of both sides. On PGlite and (with
 * DATABASE_URL) PostgreSQL 15, over the seed.
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
import { backendFor } from './port';

const daan = signedIn(users.daan);
const fatima = signedIn(users.fatima);
const sanne = signedIn(users.sanne);
const beheer = signedIn(users.beheer);

const kracht = ['eigenwijks', 'kracht-van-nieuw-west', 'ru-parre-community', 'stichting-saaam'];
const partners = [
	'combiwel',
	'de-key',
	'eigen-haard',
	'gemeente-amsterdam',
	'politie-nieuw-west',
	'rijksoverheid-bzk',
	'rochdale',
	'stadgenoot',
	'stadsdeel-nieuw-west',
	'woon',
	'ymere'
];

describe.each(databaseKinds)('programmes on %s', (kind) => {
	let db: TestDatabase;
	beforeAll(async () => {
		db = await openTestDatabase(kind);
	});
	afterAll(() => db?.close());

	const saveMember = (q: Query, programme: string, member: string, role = 'partner') =>
		scalar(q, `public.save_programme_membership($1, $2, $3, '2024-01-01', 'year')`, [
			programme,
			member,
			role
		]);

	it('selects a programme’s members, its sub-groups’ members and itself, at a date', async () => {
		const backend = backendFor(db, anon);
		const today = await backend.atlas({ programmes: ['samen-nieuw-west'] });
		expect(today.organisations.map((o) => o.slug).sort()).toEqual(
			['samen-nieuw-west', ...kracht, ...partners].sort()
		);
		// Before the convenant of 23 March 2023 only what has no known start belonged.
		const before = await backend.atlas({ programmes: ['samen-nieuw-west'], asOf: '2023-03-22' });
		expect(before.organisations.map((o) => o.slug).sort()).toEqual(
			['samen-nieuw-west', ...kracht].sort()
		);
		// The sub-group alone: its members, not its parent's.
		const sub = await backend.atlas({ programmes: ['kracht-van-nieuw-west'] });
		expect(sub.organisations.map((o) => o.slug).sort()).toEqual(kracht);
		// The map and the network between areas read the same scope.
		const view = await backend.mapView({
			bbox: [4.6, 52.3, 5.0, 52.45],
			zoom: 11,
			programmes: ['samen-nieuw-west']
		});
		expect(view.shown).toBe(today.organisations.length - 1); // the Rijk sits in Den Haag
		const areas = await backend.areaNetwork('wijk', { programmes: ['kracht-van-nieuw-west'] });
		expect(areas.shown).toBe(kracht.length);
	});

	it('answers who belongs to which programme beside the ties, never as ties', async () => {
		const atlas = await backendFor(db, anon).atlas();
		const bySlug = new Map(atlas.organisations.map((o) => [o.id, o.slug]));
		const programme = atlas.programmes?.find((p) => p.slug === 'samen-nieuw-west');
		expect(programme?.kind).toBe('programme');
		const members = atlas.memberships
			?.filter((m) => m.programme === programme?.id)
			.map((m) => bySlug.get(m.member))
			.sort();
		expect(members).toEqual(partners);
		expect(atlas.memberships?.find((m) => bySlug.get(m.member) === 'woon')?.role).toBe('partner');
		const sub = atlas.programmes?.find((p) => p.slug === 'kracht-van-nieuw-west');
		expect(sub?.parent).toBe(programme?.id);
		expect(atlas.collaborations.some((c) => (c.kind as string) === 'member_of')).toBe(false);
	});

	it('gives a programme’s page its sub-groups and members, each with role and dates', async () => {
		const detail = await backendFor(db, anon).programme('samen-nieuw-west');
		expect(detail?.subgroups.map((g) => g.slug)).toEqual(['kracht-van-nieuw-west']);
		expect(detail?.coordinator).toBeNull();
		expect(detail?.mayEdit).toBe(false);
		const woon = detail?.members.find((m) => m.organisation.slug === 'woon');
		expect(woon).toMatchObject({
			role: 'partner',
			started: { date: '2023-03-23', precision: 'day' },
			ended: null,
			via: null
		});
		const saaam = detail?.members.find((m) => m.organisation.slug === 'stichting-saaam');
		expect(saaam).toMatchObject({ started: null, via: { slug: 'kracht-van-nieuw-west' } });
		expect(await backendFor(db, anon).programme('repair-cafe-osdorp')).toBeNull();
		const list = await backendFor(db, anon).programmes();
		const names = list.map((p) => p.slug);
		// A sub-group follows its parent.
		expect(names.indexOf('kracht-van-nieuw-west')).toBe(names.indexOf('samen-nieuw-west') + 1);
	});

	it('lets a programme’s own editors change it, and not the editors of its members', async () => {
		// Fatima edits Wij Zijn Plein: itself a coalition, and a member of the buurtplatform coalition.
		await db.as(fatima, async (q) => {
			expect(
				await refusal(q, () => saveMember(q, 'coalitie-buurtplatforms-ontwikkelbuurten', 'woon'))
			).toMatch(/not_allowed/);
			expect(
				await refusal(q, () =>
					scalar(q, `public.save_programme('coalitie-buurtplatforms-ontwikkelbuurten', 'platform')`)
				)
			).toMatch(/not_allowed/);
			expect(await refusal(q, () => saveMember(q, 'wij-zijn-plein-40-45', 'woon'))).toBe(
				'not refused'
			);
		});
		await db.as(daan, async (q) => {
			expect(
				await refusal(q, () => saveMember(q, 'samen-nieuw-west', 'repair-cafe-osdorp'))
			).toMatch(/not_allowed/);
			// His own organisation he may make a group others belong to.
			expect(
				await refusal(q, () => scalar(q, `public.save_programme('repair-cafe-osdorp', 'platform')`))
			).toBe('not refused');
		});
		// Nor may an editor make her coalition a sub-group of a programme she does not keep.
		await db.as(fatima, async (q) => {
			expect(
				await refusal(q, () =>
					scalar(
						q,
						`public.save_programme('wij-zijn-plein-40-45', 'coalition', 'samen-nieuw-west')`
					)
				)
			).toMatch(/not_allowed/);
		});
		// The area's coordinator may.
		await db.as(sanne, async (q) => {
			expect(await refusal(q, () => saveMember(q, 'samen-nieuw-west', 'repair-cafe-osdorp'))).toBe(
				'not refused'
			);
		});
	});

	it('lets the editors of the coordinating organisation change the programme', async () => {
		// Set up as the database owner: each request below is its own transaction.
		const coordinate = (slug: string | null) =>
			db.query(
				`update public.programmes set coordinator_id = (select id from public.organisations where slug = $1)
				 where organisation_id = (select id from public.organisations
				                          where slug = 'coalitie-buurtplatforms-ontwikkelbuurten')`,
				[slug]
			);
		await coordinate('repair-cafe-osdorp');
		try {
			await db.as(daan, async (q) => {
				await saveMember(
					q,
					'coalitie-buurtplatforms-ontwikkelbuurten',
					'repair-cafe-osdorp',
					'trekker'
				);
				const detail = await scalar<{ may_edit: boolean; members: { role: string }[] }>(
					q,
					`public.programme_detail('coalitie-buurtplatforms-ontwikkelbuurten')`
				);
				expect(detail.may_edit).toBe(true);
				expect(detail.members.map((m) => m.role)).toContain('trekker');
			});
		} finally {
			await coordinate(null);
		}
		// An admin names the coordinator through the API, and it is in the history.
		await db.as(beheer, async (q) => {
			await scalar(
				q,
				`public.save_programme('coalitie-buurtplatforms-ontwikkelbuurten', 'coalition', null, 'repair-cafe-osdorp')`
			);
			const detail = await scalar<{ coordinator: { slug: string } }>(
				q,
				`public.programme_detail('coalitie-buurtplatforms-ontwikkelbuurten')`
			);
			expect(detail.coordinator.slug).toBe('repair-cafe-osdorp');
		});
	});

	it('keeps each membership change in the history of the programme and of the member', async () => {
		await db.as(sanne, async (q) => {
			const saved = await scalar<{ id: string }>(
				q,
				`public.save_programme_membership('samen-nieuw-west', 'repair-cafe-osdorp', 'partner', '2024-05-01', 'month')`
			);
			await scalar(q, `public.remove_programme_membership($1)`, [saved.id]);
			for (const slug of ['samen-nieuw-west', 'repair-cafe-osdorp']) {
				const history = await scalar<{ changes: { table: string; action: string }[] }[]>(
					q,
					`public.organisation_history($1)`,
					[slug]
				);
				const changes = history.flatMap((v) => v.changes);
				expect(changes).toContainEqual(
					expect.objectContaining({ table: 'programme_memberships', action: 'insert' })
				);
				expect(changes).toContainEqual(
					expect.objectContaining({ table: 'programme_memberships', action: 'delete' })
				);
			}
		});
	});

	it('refuses a sub-group that would hold its own parent, bad dates and unbounded roles', async () => {
		await db.as(beheer, async (q) => {
			expect(
				await refusal(q, () =>
					scalar(
						q,
						`public.save_programme('samen-nieuw-west', 'programme', 'kracht-van-nieuw-west')`
					)
				)
			).toMatch(/programme_cycle/);
			expect(
				await refusal(q, () =>
					scalar(
						q,
						`public.save_programme_membership('samen-nieuw-west', 'woon', 'partner', '2024-01-01', 'year', '2020-01-01', 'year')`
					)
				)
			).toMatch(/invalid_period/);
			expect(
				await refusal(q, () => saveMember(q, 'samen-nieuw-west', 'woon', 'x'.repeat(61)))
			).toMatch(/invalid_input/);
			expect(await refusal(q, () => saveMember(q, 'samen-nieuw-west', 'samen-nieuw-west'))).toMatch(
				/invalid_input/
			);
		});
	});

	it('exports memberships as Popolo does, and as Murmurations relationships', async () => {
		const backend = backendFor(db, anon);
		const exported = (await backend.exportOrganisations(null)) as unknown as {
			memberships: {
				member_id: string;
				organization_id: string;
				role: string;
				start_date?: string;
			}[];
			organisations: { id: string; slug: string }[];
		};
		const id = (slug: string) => exported.organisations.find((o) => o.slug === slug)!.id;
		expect(exported.memberships).toContainEqual(
			expect.objectContaining({
				member_id: id('woon'),
				organization_id: id('samen-nieuw-west'),
				role: 'partner',
				start_date: '2023-03-23'
			})
		);
		expect(exported.memberships).toContainEqual(
			expect.objectContaining({ member_id: id('buurtredactie-plein-40-45'), start_date: '2020' })
		);
		const profiles = (await backend.exportMurmurations('https://buurtatlas.nl', [
			id('woon'),
			id('samen-nieuw-west')
		])) as { name: string; relationships?: { predicate_url: string; object_url: string }[] }[];
		const woon = profiles.find((p) => p.name === '!WOON');
		expect(woon?.relationships).toContainEqual({
			predicate_url: 'https://schema.org/memberOf',
			object_url: 'https://buurtatlas.nl/organisaties/samen-nieuw-west'
		});
		const hsds = (await backend.exportHsds([id('samen-nieuw-west')])) as {
			programs?: { name: string }[];
		}[];
		expect(hsds[0]?.programs?.map((p) => p.name)).toEqual(['Nationaal Programma Samen Nieuw-West']);
	});
});
