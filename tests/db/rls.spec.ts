/**
 * The row-level security matrix: for every table and every kind of caller,
 * what they may read, insert, update and delete, stated outright and checked
 * on each database. Reads are "all" (every row the owner sees), "some" or
 * "none"; writes are allowed when the statement touches at least one row and
 * refused when the database says no or touches nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	anon,
	databaseKinds,
	openTestDatabase,
	signedIn,
	users,
	type Query,
	type Run,
	type TestDatabase
} from './harness';

const callers = {
	anonymous: anon,
	'signed-in stranger': signedIn(users.noor),
	/** Daan: member of Repair Café Osdorp, the organisation the writes aim at. */
	member: signedIn(users.daan),
	/** Fatima: member of Wij Zijn Plein ’40-’45, not of Repair Café. */
	'member of another organisation': signedIn(users.fatima),
	/** Sanne: coordinator of stadsdeel Nieuw-West, where Repair Café is. */
	coordinator: signedIn(users.sanne),
	admin: signedIn(users.beheer)
};
type Caller = keyof typeof callers;
type Read = 'all' | 'some' | 'none';
type Write = 'allowed' | 'refused';

/** In caller order: anonymous, stranger, member, other member, coordinator, admin. */
type PerCaller<T> = [T, T, T, T, T, T];

interface TableCase {
	select: PerCaller<Read>;
	insert: { sql: string; expect: PerCaller<Write> };
	update: { sql: string; expect: PerCaller<Write> };
	delete: { sql: string; expect: PerCaller<Write> };
}

const A = 'allowed';
const R = 'refused';
const noWrites = { expect: [R, R, R, R, R, R] as PerCaller<Write> };
const repair = `(select id from public.organisations where slug = 'repair-cafe-osdorp')`;

const matrix: Record<string, TableCase> = {
	organisation_kinds: {
		select: ['all', 'all', 'all', 'all', 'all', 'all'],
		insert: {
			sql: `insert into public.organisation_kinds (id, kind_group, sort_order) values ('sneaky', 'other', 1)`,
			...noWrites
		},
		update: { sql: `update public.organisation_kinds set sort_order = 0`, ...noWrites },
		delete: { sql: `delete from public.organisation_kinds`, ...noWrites }
	},
	collaboration_kinds: {
		select: ['all', 'all', 'all', 'all', 'all', 'all'],
		insert: {
			sql: `insert into public.collaboration_kinds (id, sort_order) values ('sneaky', 1)`,
			...noWrites
		},
		update: { sql: `update public.collaboration_kinds set sort_order = 0`, ...noWrites },
		delete: { sql: `delete from public.collaboration_kinds`, ...noWrites }
	},
	themes: {
		select: ['all', 'all', 'all', 'all', 'all', 'all'],
		insert: { sql: `insert into public.themes (id, sort_order) values ('sneaky', 1)`, ...noWrites },
		update: { sql: `update public.themes set sort_order = 0`, ...noWrites },
		delete: { sql: `delete from public.themes`, ...noWrites }
	},
	areas: {
		select: ['all', 'all', 'all', 'all', 'all', 'all'],
		insert: {
			sql: `insert into public.areas (id, level, name) values ('X1', 'buurt', 'Nergens')`,
			...noWrites
		},
		update: { sql: `update public.areas set name = 'Overgenomen'`, ...noWrites },
		delete: { sql: `delete from public.areas where level = 'wijk'`, ...noWrites }
	},
	area_figures: {
		// Public statistics; only import_areas() writes them.
		select: ['all', 'all', 'all', 'all', 'all', 'all'],
		insert: {
			sql: `insert into public.area_figures (area_id, year, inhabitants) values ('WK036377', 2023, 1)`,
			...noWrites
		},
		update: { sql: `update public.area_figures set inhabitants = 0`, ...noWrites },
		delete: { sql: `delete from public.area_figures`, ...noWrites }
	},
	organisations: {
		// Everything that is not published lies in the coordinator's area.
		select: ['some', 'some', 'some', 'some', 'all', 'all'],
		// Any signed-in user may start a draft; publishing is the coordinator's (see below).
		insert: {
			sql: `insert into public.organisations (name, kind) values ('Nieuw initiatief', 'resident_initiative')`,
			expect: [R, A, A, A, A, A]
		},
		// Only through save_organisation(), which names the version it saw: a bare
		// table update could overwrite a newer save unseen (see hardening.spec.ts).
		update: {
			sql: `update public.organisations set name = 'Overgenomen' where id = ${repair}`,
			...noWrites
		},
		// Nothing is deleted: organisations are archived.
		delete: { sql: `delete from public.organisations where id = ${repair}`, ...noWrites }
	},
	organisation_themes: {
		select: ['some', 'some', 'some', 'some', 'all', 'all'],
		insert: {
			sql: `insert into public.organisation_themes (organisation_id, theme_id) values (${repair}, 'energie')`,
			expect: [R, R, A, R, A, A]
		},
		update: {
			sql: `update public.organisation_themes set theme_id = 'energie' where organisation_id = ${repair}`,
			expect: [R, R, A, R, A, A]
		},
		delete: {
			sql: `delete from public.organisation_themes where organisation_id = ${repair}`,
			expect: [R, R, A, R, A, A]
		}
	},
	meeting_times: {
		// Daan's draft has meeting times; he sees them, strangers do not.
		select: ['some', 'some', 'all', 'some', 'all', 'all'],
		insert: {
			sql: `insert into public.meeting_times (organisation_id, weekday, part_of_day) values (${repair}, 7, 'morning')`,
			expect: [R, R, A, R, A, A]
		},
		update: {
			sql: `update public.meeting_times set weekday = 7 where organisation_id = ${repair}`,
			expect: [R, R, A, R, A, A]
		},
		delete: {
			sql: `delete from public.meeting_times where organisation_id = ${repair}`,
			expect: [R, R, A, R, A, A]
		}
	},
	contact_people: {
		// Only people who opted in are public; the coordinator's area holds both.
		select: ['some', 'some', 'some', 'all', 'all', 'all'],
		insert: {
			sql: `insert into public.contact_people (organisation_id, name) values (${repair}, 'Iemand')`,
			expect: [R, R, A, R, A, A]
		},
		update: {
			sql: `update public.contact_people set opted_in_public = false where organisation_id = ${repair}`,
			expect: [R, R, A, R, A, A]
		},
		delete: {
			sql: `delete from public.contact_people where organisation_id = ${repair}`,
			expect: [R, R, A, R, A, A]
		}
	},
	collaborations: {
		select: ['some', 'some', 'some', 'some', 'all', 'all'],
		insert: {
			sql: `insert into public.collaborations (source_id, target_id, kind)
			      select ${repair}, id, 'referral' from public.organisations where slug = 'seniorenclub-riekerpolder'`,
			expect: [R, R, A, R, A, A]
		},
		update: {
			sql: `update public.collaborations set description = 'Bijgewerkt'
			      where ${repair} in (source_id, target_id) and status <> 'ended'`,
			expect: [R, R, A, R, A, A]
		},
		// Nothing is deleted: collaborations end.
		delete: {
			sql: `delete from public.collaborations where ${repair} in (source_id, target_id)`,
			...noWrites
		}
	},
	profiles: {
		select: ['none', 'some', 'some', 'some', 'all', 'all'],
		// Profiles come from sign-up (a trigger on auth.users), never from a client.
		insert: {
			sql: `insert into public.profiles (id, display_name) values ('${users.noor}', 'Dubbel')`,
			...noWrites
		},
		// Everyone signed in renames themselves, and only themselves (see below).
		update: {
			sql: `update public.profiles set display_name = 'Nieuwe naam'`,
			expect: [R, A, A, A, A, A]
		},
		delete: { sql: `delete from public.profiles`, ...noWrites }
	},
	invitations: {
		// Addresses are personal: only who may invite for the organisation sees them
		// (Fatima administers Wij Zijn Plein, whose invitation the seed holds).
		select: ['none', 'none', 'none', 'all', 'all', 'all'],
		// Only through invite_member() and claim_invitations(), which check who may.
		insert: {
			sql: `insert into public.invitations (organisation_id, email) values (${repair}, 'x@voorbeeld.invalid')`,
			...noWrites
		},
		update: { sql: `update public.invitations set role = 'admin'`, ...noWrites },
		delete: { sql: `delete from public.invitations`, ...noWrites }
	},
	memberships: {
		select: ['none', 'none', 'some', 'some', 'all', 'all'],
		// Who acts for an organisation is privileged: its own members cannot add
		// anyone or raise a role; the area's coordinator can.
		insert: {
			sql: `insert into public.memberships (organisation_id, user_id, role)
			      select id, '${users.noor}', 'admin' from public.organisations where slug = 'wij-zijn-plein-40-45'`,
			expect: [R, R, R, R, A, A]
		},
		update: {
			sql: `update public.memberships set role = 'admin'
			      where organisation_id = (select id from public.organisations where slug = 'buurtredactie-plein-40-45')`,
			expect: [R, R, R, R, A, A]
		},
		delete: {
			sql: `delete from public.memberships where organisation_id = ${repair}`,
			expect: [R, R, R, R, A, A]
		}
	},
	programmes: {
		select: ['all', 'all', 'all', 'all', 'all', 'all'],
		// Only through save_programme(), which checks who may: never directly.
		insert: {
			sql: `insert into public.programmes (organisation_id, kind) values (${repair}, 'coalition')`,
			...noWrites
		},
		update: { sql: `update public.programmes set kind = 'platform'`, ...noWrites },
		delete: { sql: `delete from public.programmes`, ...noWrites }
	},
	programme_memberships: {
		select: ['all', 'all', 'all', 'all', 'all', 'all'],
		// Only through save_programme_membership() and remove_programme_membership().
		insert: {
			sql: `insert into public.programme_memberships (programme_id, member_id)
			      select p.organisation_id, ${repair} from public.programmes p limit 1`,
			...noWrites
		},
		update: { sql: `update public.programme_memberships set role = 'trekker'`, ...noWrites },
		delete: { sql: `delete from public.programme_memberships`, ...noWrites }
	},
	atlas_roles: {
		select: ['none', 'none', 'none', 'none', 'some', 'all'],
		insert: {
			sql: `insert into public.atlas_roles (user_id, role, area_id) values ('${users.noor}', 'coordinator', 'F')`,
			expect: [R, R, R, R, R, A]
		},
		update: {
			sql: `update public.atlas_roles set role = 'admin', area_id = null where user_id = '${users.sanne}'`,
			expect: [R, R, R, R, R, A]
		},
		delete: {
			sql: `delete from public.atlas_roles where user_id = '${users.sanne}'`,
			expect: [R, R, R, R, R, A]
		}
	},
	suggestions: {
		select: ['none', 'none', 'none', 'none', 'all', 'all'],
		// Anyone may suggest; only coordinators read and decide; nothing is deleted.
		insert: {
			sql: `insert into public.suggestions (name, lng, lat) values ('Buurtkast', 4.80, 52.36)`,
			expect: [A, A, A, A, A, A]
		},
		update: {
			sql: `update public.suggestions set status = 'rejected', decision_reason = 'Bestaat al'`,
			expect: [R, R, R, R, A, A]
		},
		delete: { sql: `delete from public.suggestions`, ...noWrites }
	},
	import_batches: {
		// Importers see their own batches, coordinators all; only the import functions write them.
		select: ['none', 'none', 'some', 'none', 'all', 'all'],
		insert: {
			sql: `insert into public.import_batches (label, created_by, transaction_id)
			      values ('stiekem.csv', '${users.daan}', 1)`,
			...noWrites
		},
		update: { sql: `update public.import_batches set label = 'anders.csv'`, ...noWrites },
		delete: { sql: `delete from public.import_batches`, ...noWrites }
	},
	import_pending_ties: {
		// Editors of the side in the atlas see and dismiss them; the import writes them.
		select: ['none', 'none', 'some', 'some', 'all', 'all'],
		insert: {
			sql: `insert into public.import_pending_ties (batch_id, organisation_id, other_name, organisation_is_source, kind)
			      select b.id, ${repair}, 'Stiekem', true, 'partnership' from public.import_batches b limit 1`,
			...noWrites
		},
		update: { sql: `update public.import_pending_ties set other_name = 'Anders'`, ...noWrites },
		delete: { sql: `delete from public.import_pending_ties`, expect: [R, R, A, A, A, A] }
	},
	audit_log: {
		// Editors read the history of what they may edit; nobody writes it.
		select: ['none', 'none', 'some', 'some', 'some', 'all'],
		insert: {
			sql: `insert into public.audit_log (table_name, record_id, organisation_ids, action)
			      values ('organisations', ${repair}, array[${repair}], 'update')`,
			...noWrites
		},
		update: { sql: `update public.audit_log set actor_id = null`, ...noWrites },
		delete: { sql: `delete from public.audit_log`, ...noWrites }
	}
};

/** The tables the migrations create in public; the matrix must cover each. */
const tables = Object.keys(matrix);

async function attempt(run: Run, sql: string): Promise<Write> {
	try {
		return (await run(sql)) > 0 ? 'allowed' : 'refused';
	} catch (error) {
		if (
			/permission denied|row-level security|publish_requires|not_allowed|append_only|version_required/i.test(
				String(error)
			)
		) {
			return 'refused';
		}
		throw error;
	}
}

async function read(query: Query, table: string, all: number): Promise<Read> {
	try {
		const [row] = await query<{ n: number }>(`select count(*)::int as n from public.${table}`);
		const n = row?.n ?? 0;
		return n === 0 ? 'none' : n === all ? 'all' : 'some';
	} catch (error) {
		if (/permission denied/i.test(String(error))) return 'none';
		throw error;
	}
}

describe.each(databaseKinds)('row-level security on %s', (kind) => {
	let db: TestDatabase;
	beforeAll(async () => {
		db = await openTestDatabase(kind);
		// Two imports that leave a pending tie each: Daan's on Repair Café, the
		// coordinator's on Wij Zijn Plein, so each table has rows for some callers.
		const [plein] = await db.query<{ id: string }>(
			`select id from public.organisations where slug = 'wij-zijn-plein-40-45'`
		);
		const pendingTie = (from: string) => ({
			label: 'banden.csv',
			ties: [{ row: 2, from, other_name: 'Nog niet in de atlas', kind: 'partnership' }]
		});
		const [repairRow] = await db.query<{ id: string }>(`select ${repair} as id`);
		for (const [who, from] of [
			[users.daan, repairRow!.id],
			[users.sanne, plein!.id]
		] as const) {
			await db.committed(signedIn(who), (q) =>
				q('select public.import_organisations($1)', [pendingTie(from)])
			);
		}
		// Figures for one wijk, as the coordinator imports them.
		await db.committed(signedIn(users.sanne), (q) =>
			q('select public.import_areas($1)', [
				{
					label: 'kerncijfers.csv',
					figures: [{ row: 2, code: 'WK036376', year: 2023, inhabitants: 7820 }]
				}
			])
		);
	});
	afterAll(() => db?.close());

	const count = async (query: Query, sql: string) =>
		(await query<{ n: number }>(`select count(*)::int as n from (${sql}) as rows`))[0]?.n ?? -1;

	it('covers every table in public', async () => {
		const rows = await db.query<{ table_name: string }>(
			`select table_name from information_schema.tables
			 where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`
		);
		expect(rows.map((r) => r.table_name)).toEqual([...tables].sort());
	});

	for (const table of tables) {
		describe(table, () => {
			const spec = matrix[table]!;
			(Object.keys(callers) as Caller[]).forEach((caller, index) => {
				it(`${caller}: reads ${spec.select[index]}`, async () => {
					const all = await count(db.query, `select * from public.${table}`);
					expect(all).toBeGreaterThan(0);
					const seen = await db.as(callers[caller], (q) => read(q, table, all));
					expect(seen).toBe(spec.select[index]);
				});
				for (const operation of ['insert', 'update', 'delete'] as const) {
					const { sql, expect: outcomes } = spec[operation];
					it(`${caller}: ${operation} ${outcomes[index]}`, async () => {
						const outcome = await db.as(callers[caller], (_, run) => attempt(run, sql));
						expect(outcome).toBe(outcomes[index]);
					});
				}
			});
		});
	}

	it('lets the owner write, so the refusals above are the policies at work', async () => {
		const outcome = await attempt(
			(sql) => db.query(`${sql} returning 1`).then((r) => r.length),
			matrix.themes!.update.sql
		);
		expect(outcome).toBe('allowed');
		await db.exec(`update public.themes set sort_order = 10 where id = 'wonen'`);
	});

	describe('reference data', () => {
		for (const table of [
			'organisation_kinds',
			'collaboration_kinds',
			'themes',
			'areas',
			'area_figures'
		]) {
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
		it('shows anonymous visitors no profiles, memberships or roles: not even the tables', async () => {
			for (const table of ['profiles', 'memberships', 'atlas_roles']) {
				const error = await db.as(anon, (q) =>
					count(q, `select * from public.${table}`).then(
						() => 'not refused',
						(e: unknown) => String(e)
					)
				);
				expect(error, table).toMatch(/permission denied/);
			}
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
