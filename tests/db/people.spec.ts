/**
 * People who keep the atlas: the coordinator of an area adds and removes the
 * members of its organisations, an admin makes someone coordinator and
 * withdraws it, and each change is in a history. On PGlite and (with
 * DATABASE_URL) PostgreSQL 15, over the seed's demo accounts.
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

const sanne = signedIn(users.sanne);
const daan = signedIn(users.daan);
const noor = signedIn(users.noor);
const fatima = signedIn(users.fatima);
const beheer = signedIn(users.beheer);

interface Members {
	members: { user_id: string; name: string; role: string }[];
	can_manage: boolean;
	can_invite: boolean;
	invitations: { id: string; email: string; role: string }[];
}

describe.each(databaseKinds)('people who keep the atlas, on %s', (kind) => {
	let db: TestDatabase;
	let repair: string;
	beforeAll(async () => {
		db = await openTestDatabase(kind);
		[{ id: repair }] = (await db.query<{ id: string }>(
			`select id from public.organisations where slug = 'repair-cafe-osdorp'`
		)) as [{ id: string }];
	});
	afterAll(() => db?.close());

	const members = (q: Query) => scalar<Members>(q, 'public.organisation_members($1)', [repair]);
	const canEdit = (q: Query) =>
		scalar<unknown>(q, `public.organisation_for_edit('repair-cafe-osdorp')`);

	it('shows an organisation’s editors who edits it, and its coordinator that she may change it', async () => {
		const asDaan = await db.as(daan, members);
		expect(asDaan.members.map((m) => [m.name, m.role])).toEqual([['Daan (demo)', 'admin']]);
		expect(asDaan.can_manage).toBe(false);
		expect((await db.as(sanne, members)).can_manage).toBe(true);
		// Someone who may not edit it learns nothing about who does.
		expect(await db.as(fatima, members)).toEqual({
			members: [],
			can_manage: false,
			can_invite: false,
			invitations: []
		});
	});

	it('lets the coordinator add a member, who can then edit, and remove her again: both in the history', async () => {
		expect(await db.as(noor, canEdit)).toBeNull();
		await db.committed(sanne, (q) =>
			q('select public.add_member($1, $2, $3)', [repair, users.noor, 'member'])
		);
		try {
			expect(await db.as(noor, canEdit)).not.toBeNull();
			const history = await db.as(sanne, (q) =>
				scalar<{ actor: string; changes: { table: string; action: string }[] }[]>(
					q,
					`public.organisation_history('repair-cafe-osdorp')`
				)
			);
			expect(history[0]).toMatchObject({
				actor: 'Sanne (demo), gebiedsmakelaar',
				changes: [{ table: 'memberships', action: 'insert' }]
			});
		} finally {
			await db.committed(sanne, (q) =>
				q('select public.remove_member($1, $2)', [repair, users.noor])
			);
		}
		expect(await db.as(noor, canEdit)).toBeNull();
	});

	it('refuses adding or removing people to anyone but the coordinator of the area or an admin', async () => {
		for (const [who, expected] of [
			[daan, /not_allowed/],
			[fatima, /not_allowed/],
			[anon, /permission denied/]
		] as const) {
			await db.as(who, async (q) => {
				expect(
					await refusal(q, () =>
						q('select public.add_member($1, $2, $3)', [repair, users.noor, 'member'])
					)
				).toMatch(expected);
				expect(
					await refusal(q, () => q('select public.remove_member($1, $2)', [repair, users.daan]))
				).toMatch(expected);
			});
		}
		await db.as(sanne, async (q) => {
			expect(
				await refusal(q, () =>
					q('select public.add_member($1, $2, $3)', [repair, users.noor, 'owner'])
				)
			).toMatch(/invalid_input/);
		});
		await db.as(beheer, async (q) => {
			expect(
				await refusal(q, () =>
					q('select public.add_member($1, $2, $3)', [repair, users.noor, 'admin'])
				)
			).toBe('not refused');
		});
	});

	it('shows who has an account to coordinators and admins only', async () => {
		const people = await db.as(sanne, (q) =>
			scalar<{ name: string }[]>(q, 'public.known_people()')
		);
		expect(people.map((p) => p.name)).toContain('Noor (demo)');
		await db.as(daan, async (q) => {
			expect(await refusal(q, () => q('select public.known_people()'))).toMatch(/not_allowed/);
		});
	});

	it('lets an admin make someone coordinator of an area and withdraw it, as a history of roles', async () => {
		const roleId = await db.committed(beheer, (q) =>
			scalar<{ id: number }>(q, `public.grant_coordinator($1, 'WK036381')`, [users.noor])
		);
		try {
			const account = await db.as(noor, (q) =>
				scalar<{ coordinator_areas: { id: string }[] }>(q, 'public.my_account()')
			);
			expect(JSON.stringify(account)).toContain('WK036381');
			expect(await db.as(noor, canEdit)).not.toBeNull(); // Repair Café lies in Osdorp-Oost
			const roles = await db.as(beheer, (q) =>
				scalar<{ name: string; role: string; area: string }[]>(q, 'public.atlas_role_list()')
			);
			expect(roles).toContainEqual(
				expect.objectContaining({ name: 'Noor (demo)', role: 'coordinator', area: 'Osdorp-Oost' })
			);
		} finally {
			await db.committed(beheer, (q) => q('select public.withdraw_role($1)', [roleId.id]));
		}
		expect(await db.as(noor, canEdit)).toBeNull();
		const history = await db.as(beheer, (q) =>
			scalar<{ action: string; actor: string; person: string; area: string }[]>(
				q,
				'public.atlas_role_history(10)'
			)
		);
		expect(history.slice(0, 2)).toEqual([
			expect.objectContaining({ action: 'delete', actor: 'Beheer (demo)', person: 'Noor (demo)' }),
			expect.objectContaining({ action: 'insert', actor: 'Beheer (demo)', area: 'Osdorp-Oost' })
		]);
	});

	it('keeps roles the admins’: no one else hands them out, and the last admin stays', async () => {
		await db.as(sanne, async (q) => {
			for (const sql of [
				`select public.grant_coordinator('${users.noor}', 'WK036381')`,
				'select public.atlas_role_list()',
				'select public.atlas_role_history(10)',
				'select public.withdraw_role(1)'
			]) {
				expect(await refusal(q, () => q(sql)), sql).toMatch(/not_allowed/);
			}
		});
		await db.as(beheer, async (q) => {
			const [admin] = await q<{ id: number }>(
				`select id from public.atlas_roles where role = 'admin'`
			);
			expect(await refusal(q, () => q('select public.withdraw_role($1)', [admin!.id]))).toMatch(
				/not_allowed/
			);
			expect(
				await refusal(q, () => q(`select public.grant_coordinator($1, 'Mars')`, [users.noor]))
			).toMatch(/area_unknown/);
		});
	});
	it('lets an organisation’s admin invite a co-editor, who becomes a member on signing in', async () => {
		const invitation = await db.committed(daan, (q) =>
			scalar<{ id: string }>(q, 'public.invite_member($1, $2, $3)', [
				repair,
				' Noor@Demo.Buurtatlas.invalid ',
				'member'
			])
		);
		try {
			const seen = await db.as(daan, members);
			expect(seen).toMatchObject({
				can_invite: true,
				invitations: [{ id: invitation.id, email: 'noor@demo.buurtatlas.invalid', role: 'member' }]
			});
			// The addresses are for those who may invite: not for a stranger, nor for Noor herself.
			expect((await db.as(fatima, members)).invitations).toEqual([]);
			expect(await db.as(noor, canEdit)).toBeNull();

			const claimed = await db.committed(noor, (q) =>
				scalar<string[]>(q, 'public.claim_invitations()')
			);
			expect(claimed).toEqual(['Repair Café Osdorp']);
			expect(await db.as(noor, canEdit)).not.toBeNull();
			expect((await db.as(daan, members)).invitations).toEqual([]);
			// Claiming again changes nothing.
			expect(await db.committed(noor, (q) => scalar(q, 'public.claim_invitations()'))).toEqual([]);
			const history = await db.as(daan, (q) =>
				scalar<{ actor: string; changes: { table: string; action: string }[] }[]>(
					q,
					`public.organisation_history('repair-cafe-osdorp')`
				)
			);
			expect(history[0]).toMatchObject({
				actor: 'Noor (demo)',
				changes: [{ table: 'memberships', action: 'insert' }]
			});
		} finally {
			await db.committed(sanne, (q) =>
				q('select public.remove_member($1, $2)', [repair, users.noor])
			);
		}
	});

	it('refuses an invitation from who may not invite, to a wrong address, and lets its inviter withdraw it', async () => {
		const plein = (
			await db.query<{ id: string }>(
				`select id from public.organisations where slug = 'buurtredactie-plein-40-45'`
			)
		)[0]!.id;
		await db.as(fatima, async (q) => {
			// Fatima is an admin of Wij Zijn Plein, not of Repair Café; only a member of the redactie.
			for (const organisation of [repair, plein]) {
				expect(
					await refusal(q, () =>
						q('select public.invite_member($1, $2)', [organisation, 'iemand@voorbeeld.invalid'])
					)
				).toMatch(/not_allowed/);
			}
		});
		await db.as(daan, async (q) => {
			for (const address of ['geen-adres', `${'a'.repeat(250)}@voorbeeld.invalid`, null]) {
				expect(
					await refusal(q, () => q('select public.invite_member($1, $2)', [repair, address]))
				).toMatch(/invalid_input/);
			}
			const { id } = await scalar<{ id: string }>(q, 'public.invite_member($1, $2)', [
				repair,
				'iemand@voorbeeld.invalid'
			]);
			await q('select public.withdraw_invitation($1)', [id]);
			expect((await members(q)).invitations).toEqual([]);
		});
		await db.as(anon, async (q) => {
			expect(
				await refusal(q, () =>
					q('select public.invite_member($1, $2)', [repair, 'iemand@voorbeeld.invalid'])
				)
			).toMatch(/permission denied/);
		});
		// The seed's open invitation is Wij Zijn Plein's: its admin sees it, and can withdraw it.
		const fatimas = await db.as(fatima, (q) =>
			scalar<Members & { invitations: { email: string }[] }>(
				q,
				`public.organisation_members((select id from public.organisations where slug = 'wij-zijn-plein-40-45'))`
			)
		);
		expect(fatimas.invitations.map((i) => i.email)).toEqual(['nieuwe.redacteur@voorbeeld.invalid']);
	});
});
