/**
 * The row-level security matrix: for every table, what each kind of caller may
 * read, and that nobody but the owner (the seed) may write.
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

const tables = [
	'organisation_kinds',
	'collaboration_kinds',
	'themes',
	'areas',
	'organisations',
	'organisation_themes',
	'meeting_times',
	'contact_people',
	'collaborations',
	'profiles',
	'memberships'
] as const;

const callers = {
	anonymous: anon,
	'signed-in stranger': signedIn(users.noor),
	member: signedIn(users.daan)
};

/** 'refused' when the database says no, or when the statement touches no row. */
async function attempt(query: Query, sql: string): Promise<'allowed' | 'refused'> {
	try {
		const rows = await query(`${sql} returning 1`);
		return rows.length > 0 ? 'allowed' : 'refused';
	} catch (error) {
		if (/permission denied|row-level security/i.test(String(error))) return 'refused';
		throw error;
	}
}

const writes: Record<(typeof tables)[number], { insert: string; update: string; delete: string }> =
	{
		organisation_kinds: {
			insert: `insert into public.organisation_kinds (id, kind_group, sort_order) values ('sneaky', 'other', 1)`,
			update: `update public.organisation_kinds set sort_order = 0`,
			delete: `delete from public.organisation_kinds`
		},
		collaboration_kinds: {
			insert: `insert into public.collaboration_kinds (id, sort_order) values ('sneaky', 1)`,
			update: `update public.collaboration_kinds set sort_order = 0`,
			delete: `delete from public.collaboration_kinds`
		},
		themes: {
			insert: `insert into public.themes (id, sort_order) values ('sneaky', 1)`,
			update: `update public.themes set sort_order = 0`,
			delete: `delete from public.themes`
		},
		areas: {
			insert: `insert into public.areas (id, level, name) values ('X1', 'buurt', 'Nergens')`,
			update: `update public.areas set name = 'Overgenomen'`,
			delete: `delete from public.areas where level = 'wijk'`
		},
		organisations: {
			insert: `insert into public.organisations (slug, name, kind, status, lng, lat)
		         values ('nep', 'Nep', 'other', 'published', 4.8, 52.36)`,
			update: `update public.organisations set name = 'Overgenomen'`,
			delete: `delete from public.organisations`
		},
		organisation_themes: {
			insert: `insert into public.organisation_themes (organisation_id, theme_id)
		         select id, 'energie' from public.organisations where slug = 'repair-cafe-osdorp'`,
			update: `update public.organisation_themes set theme_id = 'energie'`,
			delete: `delete from public.organisation_themes`
		},
		meeting_times: {
			insert: `insert into public.meeting_times (organisation_id, weekday, part_of_day)
		         select id, 7, 'morning' from public.organisations where slug = 'repair-cafe-osdorp'`,
			update: `update public.meeting_times set weekday = 7`,
			delete: `delete from public.meeting_times`
		},
		contact_people: {
			insert: `insert into public.contact_people (organisation_id, name)
		         select id, 'Iemand' from public.organisations where slug = 'repair-cafe-osdorp'`,
			update: `update public.contact_people set opted_in_public = true`,
			delete: `delete from public.contact_people`
		},
		collaborations: {
			insert: `insert into public.collaborations (source_id, target_id, kind)
		         select a.id, b.id, 'partnership' from public.organisations a, public.organisations b
		         where a.slug = 'repair-cafe-osdorp' and b.slug = 'seniorenclub-riekerpolder'`,
			update: `update public.collaborations set status = 'ended', ended_on = now()`,
			delete: `delete from public.collaborations`
		},
		profiles: {
			insert: `insert into public.profiles (id, display_name) values ('${users.noor}', 'Dubbel')`,
			update: `update public.profiles set display_name = 'Overgenomen'`,
			delete: `delete from public.profiles`
		},
		memberships: {
			insert: `insert into public.memberships (organisation_id, user_id, role)
		         select id, '${users.noor}', 'admin' from public.organisations where slug = 'wij-zijn-plein-40-45'`,
			update: `update public.memberships set role = 'admin'`,
			delete: `delete from public.memberships`
		}
	};

describe.each(databaseKinds)('row-level security on %s', (kind) => {
	let db: TestDatabase;
	beforeAll(async () => {
		db = await openTestDatabase(kind);
	});
	afterAll(() => db?.close());

	const count = async (query: Query, sql: string) =>
		(await query<{ n: number }>(`select count(*)::int as n from (${sql}) as rows`))[0]?.n ?? -1;

	describe('writing', () => {
		for (const table of tables) {
			for (const [callerName, claims] of Object.entries(callers)) {
				for (const operation of ['insert', 'update', 'delete'] as const) {
					it(`refuses ${operation} on ${table} for a ${callerName}`, async () => {
						const outcome = await db.as(claims, (q) => attempt(q, writes[table][operation]));
						expect(outcome).toBe('refused');
					});
				}
			}
		}

		it('lets the owner write, so the refusals above are the policies at work', async () => {
			const outcome = await attempt(db.query, writes.themes.update);
			expect(outcome).toBe('allowed');
			await db.exec(`update public.themes set sort_order = 10 where id = 'wonen'`);
		});
	});

	describe('reference data', () => {
		for (const table of ['organisation_kinds', 'collaboration_kinds', 'themes', 'areas']) {
			for (const [callerName, claims] of Object.entries(callers)) {
				it(`shows all of ${table} to a ${callerName}`, async () => {
					const all = await count(db.query, `select * from public.${table}`);
					const seen = await db.as(claims, (q) => count(q, `select * from public.${table}`));
					expect(all).toBeGreaterThan(0);
					expect(seen).toBe(all);
				});
			}
		}
	});

	describe('organisations', () => {
		it('shows anonymous visitors published organisations only', async () => {
			const statuses = await db.as(anon, (q) =>
				q<{ status: string }>('select distinct status from public.organisations')
			);
			expect(statuses.map((s) => s.status)).toEqual(['published']);
			const published = await count(
				db.query,
				`select * from public.organisations where status = 'published'`
			);
			expect(await db.as(anon, (q) => count(q, 'select * from public.organisations'))).toBe(
				published
			);
		});

		it('hides drafts and archived entries from a signed-in stranger', async () => {
			const seen = await db.as(signedIn(users.noor), (q) =>
				q<{ slug: string }>(`select slug from public.organisations where status <> 'published'`)
			);
			expect(seen).toEqual([]);
		});

		it('shows members the drafts of their own organisation, and no one else’s', async () => {
			const daan = await db.as(signedIn(users.daan), (q) =>
				q<{ slug: string }>(`select slug from public.organisations where status <> 'published'`)
			);
			expect(daan.map((r) => r.slug)).toEqual(['buurtmoestuin-ookmeer-in-oprichting']);
			const fatima = await db.as(signedIn(users.fatima), (q) =>
				q<{ slug: string }>(`select slug from public.organisations where status <> 'published'`)
			);
			expect(fatima).toEqual([]);
		});

		it('shows the themes of an organisation only where the organisation is visible', async () => {
			const draftThemes = `select ot.* from public.organisation_themes ot
				join public.organisations o on o.id = ot.organisation_id
				where o.slug = 'buurtmoestuin-ookmeer-in-oprichting'`;
			const themesOfDraft = `select * from public.organisation_themes where organisation_id =
				(select id from public.organisations where slug = 'buurtmoestuin-ookmeer-in-oprichting')`;
			expect(await count(db.query, draftThemes)).toBe(1);
			expect(await db.as(anon, (q) => count(q, themesOfDraft))).toBe(0);
			expect(await db.as(signedIn(users.noor), (q) => count(q, themesOfDraft))).toBe(0);
			const ownerId = (
				await db.query<{ id: string }>(
					`select id from public.organisations where slug = 'buurtmoestuin-ookmeer-in-oprichting'`
				)
			)[0]?.id;
			expect(
				await db.as(signedIn(users.daan), (q) =>
					count(q, `select * from public.organisation_themes where organisation_id = '${ownerId}'`)
				)
			).toBe(1);
		});
	});

	describe('collaborations', () => {
		const withUnpublished = `select c.* from public.collaborations c
			join public.organisations s on s.id = c.source_id
			join public.organisations t on t.id = c.target_id
			where s.status <> 'published' or t.status <> 'published'`;

		it('shows anonymous visitors only collaborations between published organisations', async () => {
			expect(await count(db.query, withUnpublished)).toBeGreaterThanOrEqual(3);
			const ids = await db.as(anon, (q) =>
				q<{ id: string }>(`select c.id from public.collaborations c`)
			);
			const hidden = await db.query<{ id: string }>(`select id from (${withUnpublished}) x`);
			const visible = new Set(ids.map((r) => r.id));
			expect(hidden.some((r) => visible.has(r.id))).toBe(false);
			const total = await count(db.query, 'select * from public.collaborations');
			expect(visible.size).toBe(total - hidden.length);
		});

		it('shows a member the collaborations of their own draft', async () => {
			const draftTies = `select * from public.collaborations where source_id =
				(select id from public.organisations where slug = 'buurtmoestuin-ookmeer-in-oprichting')`;
			expect(await db.as(signedIn(users.noor), (q) => count(q, draftTies))).toBe(0);
			expect(await db.as(signedIn(users.daan), (q) => count(q, draftTies))).toBe(2);
		});
	});

	describe('contact people', () => {
		it('shows anonymous visitors only people who opted in', async () => {
			const rows = await db.as(anon, (q) =>
				q<{ name: string; opted_in_public: boolean }>(
					'select name, opted_in_public from public.contact_people'
				)
			);
			expect(rows).toEqual([{ name: 'Daan (demo)', opted_in_public: true }]);
		});

		it('shows members every contact person of their organisation', async () => {
			const fatima = await db.as(signedIn(users.fatima), (q) =>
				q<{ name: string }>('select name from public.contact_people order by name')
			);
			expect(fatima.map((r) => r.name)).toEqual(['Daan (demo)', 'Fatima (demo)']);
			const noor = await db.as(signedIn(users.noor), (q) =>
				q<{ name: string }>('select name from public.contact_people')
			);
			expect(noor.map((r) => r.name)).toEqual(['Daan (demo)']);
		});
	});

	describe('profiles and memberships', () => {
		it('shows anonymous visitors no profiles and no memberships', async () => {
			expect(await db.as(anon, (q) => count(q, 'select * from public.profiles'))).toBe(0);
			expect(await db.as(anon, (q) => count(q, 'select * from public.memberships'))).toBe(0);
		});

		it('shows a signed-in user only their own profile and memberships', async () => {
			const profiles = await db.as(signedIn(users.fatima), (q) =>
				q<{ id: string }>('select id from public.profiles')
			);
			expect(profiles.map((p) => p.id)).toEqual([users.fatima]);
			const memberships = await db.as(signedIn(users.fatima), (q) =>
				q<{ user_id: string }>('select distinct user_id from public.memberships')
			);
			expect(memberships.map((m) => m.user_id)).toEqual([users.fatima]);
			expect(
				await db.as(signedIn(users.noor), (q) => count(q, 'select * from public.memberships'))
			).toBe(0);
		});
	});

	describe('auth helpers', () => {
		it('reads the caller from the request claims', async () => {
			const [row] = await db.as(signedIn(users.daan), (q) =>
				q<{ uid: string; role: string; current: string }>(
					'select auth.uid()::text as uid, auth.role() as role, current_user as current'
				)
			);
			expect(row).toEqual({ uid: users.daan, role: 'authenticated', current: 'authenticated' });
			const [anonRow] = await db.as(anon, (q) =>
				q<{ uid: string | null; current: string }>(
					'select auth.uid() as uid, current_user as current'
				)
			);
			expect(anonRow).toEqual({ uid: null, current: 'anon' });
		});
	});
});
