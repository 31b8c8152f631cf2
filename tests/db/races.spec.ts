/**
 * Requests that race, on PostgreSQL 15 with real concurrent connections (PGlite
 * has one connection, so this file runs on the server only). Every request
 * begins its transaction and sets its claims, then all wait at one barrier and
 * go at once, as simultaneous API calls would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	anon,
	openTestDatabase,
	signedIn,
	users,
	type Query,
	type TestDatabase,
	type TestSession
} from './harness';
import type { RequestClaims } from '../../src/lib/data/embedded/request-claims';

type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };

describe.runIf(process.env.DATABASE_URL)('races on PostgreSQL', () => {
	let db: TestDatabase;
	const sessions: (TestSession & { close(): Promise<void> })[] = [];
	beforeAll(async () => {
		db = await openTestDatabase('postgres');
		for (let i = 0; i < 10; i++) sessions.push(await db.connect());
	});
	afterAll(() => db?.close());

	/** Each request on its own connection, all let go together. */
	async function race<T>(
		requests: {
			claims: RequestClaims;
			prepare?: (q: Query) => Promise<unknown>;
			work: (q: Query) => Promise<T>;
		}[]
	): Promise<Outcome<T>[]> {
		let go!: () => void;
		const barrier = new Promise<void>((resolve) => (go = resolve));
		let arrived!: () => void;
		const allArrived = new Promise<void>((resolve) => (arrived = resolve));
		let waiting = 0;
		const results = Promise.all(
			requests.map((request, i) =>
				sessions[i]!.committed(request.claims, async (q) => {
					await request.prepare?.(q);
					if (++waiting === requests.length) arrived();
					await barrier;
					return request.work(q);
				}).then(
					(value): Outcome<T> => ({ ok: true, value }),
					(error: unknown): Outcome<T> => ({ ok: false, error: String(error) })
				)
			)
		);
		await allArrived;
		go();
		return results;
	}

	const value = async <T>(q: Query, sql: string, params: unknown[] = []) =>
		(await q<{ result: T }>(`select ${sql} as result`, params))[0]!.result;

	const forEdit = (slug: string) =>
		db.as(signedIn(users.daan), (q) =>
			value<{ id: string; version: number; name: string } & Record<string, unknown>>(
				q,
				'public.organisation_for_edit($1)',
				[slug]
			)
		);

	it('takes one of two saves on one version, and refuses the other as stale', async () => {
		const opened = await forEdit('repair-cafe-osdorp');
		const save = (name: string) => ({
			claims: signedIn(users.daan),
			work: (q: Query) =>
				value<{ version: number }>(q, 'public.save_organisation($1, $2)', [
					{ ...opened, name },
					opened.version
				])
		});
		const outcomes = await race([save('Repair Café Een'), save('Repair Café Twee')]);
		expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
		expect(outcomes.find((o) => !o.ok)).toMatchObject({
			error: expect.stringMatching(/stale_version/)
		});
		expect((await forEdit('repair-cafe-osdorp')).version).toBe(opened.version + 1);
	});

	it('takes one of a save and a restore opened on one version', async () => {
		const opened = await forEdit('repair-cafe-osdorp');
		const [first] = await db
			.as(signedIn(users.daan), (q) =>
				value<{ version: number; changes_organisation: boolean }[]>(
					q,
					'public.organisation_history($1)',
					['repair-cafe-osdorp']
				)
			)
			.then((versions) => versions.filter((v) => v.changes_organisation).reverse());
		const outcomes = await race<unknown>([
			{
				claims: signedIn(users.daan),
				work: (q) =>
					value(q, 'public.save_organisation($1, $2)', [
						{ ...opened, name: 'Gelijktijdig' },
						opened.version
					])
			},
			{
				claims: signedIn(users.sanne),
				work: (q) =>
					value(q, 'public.restore_organisation_version($1, $2, $3)', [
						'repair-cafe-osdorp',
						first!.version,
						opened.version
					])
			}
		]);
		expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
		expect(outcomes.find((o) => !o.ok)).toMatchObject({
			error: expect.stringMatching(/stale_version/)
		});
		expect((await forEdit('repair-cafe-osdorp')).version).toBe(opened.version + 1);
	});

	it('creates both of two organisations with one name, with two slugs', async () => {
		const create = (userId: string) => ({
			claims: signedIn(userId),
			work: (q: Query) =>
				value<{ slug: string }>(q, 'public.save_organisation($1)', [
					{ name: 'Buurtkeuken Geuzenveld', kind: 'resident_initiative' }
				])
		});
		const drafts = await race([create(users.noor), create(users.fatima)]);
		expect(drafts.every((o) => o.ok)).toBe(true);

		// Published at once by two coordinators: the plain name, then the next free one.
		await db.exec(`insert into public.suggestions (name, lng, lat) values
			('Taalcafé Slotermeer', 4.81, 52.38), ('Taalcafé Slotermeer', 4.81, 52.38)`);
		const ids = await db.query<{ id: string }>(
			`select id from public.suggestions where name = 'Taalcafé Slotermeer' order by id`
		);
		const accept = (userId: string, id: string) => ({
			claims: signedIn(userId),
			work: (q: Query) => value<{ slug: string }>(q, 'public.accept_suggestion($1, $2)', [id, 'F'])
		});
		const published = await race([
			accept(users.sanne, ids[0]!.id),
			accept(users.beheer, ids[1]!.id)
		]);
		const slugs = published.map((o) => (o.ok ? o.value.slug : o.error)).sort();
		expect(slugs).toEqual(['taalcafe-slotermeer', 'taalcafe-slotermeer-2']);
	});

	it('accepts one suggestion once when two coordinators accept it at the same moment', async () => {
		await db.exec(
			`insert into public.suggestions (name, lng, lat) values ('Klusbus Osdorp', 4.79, 52.36)`
		);
		const [{ id }] = (await db.query<{ id: string }>(
			`select id from public.suggestions where name = 'Klusbus Osdorp'`
		)) as [{ id: string }];
		const accept = (userId: string) => ({
			claims: signedIn(userId),
			work: (q: Query) => value<{ slug: string }>(q, 'public.accept_suggestion($1)', [id])
		});
		const outcomes = await race([accept(users.sanne), accept(users.beheer)]);
		expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
		expect(outcomes.find((o) => !o.ok)).toMatchObject({
			error: expect.stringMatching(/suggestion_decided/)
		});
		const [made] = await db.query<{ n: number }>(
			`select count(*)::int as n from public.organisations where name = 'Klusbus Osdorp'`
		);
		expect(made?.n).toBe(1);
	});

	it('stores three of ten simultaneous suggestions from one sender', async () => {
		const outcomes = await race(
			Array.from({ length: 10 }, (_, i) => ({
				claims: anon,
				prepare: (q: Query) =>
					q(`select set_config('request.headers', $1, true)`, [
						JSON.stringify({ 'x-forwarded-for': `10.9.9.${i}, 198.51.100.77` })
					]),
				work: (q: Query) =>
					q('select public.suggest_initiative($1)', [
						{ name: `Gelijktijdig ${i}`, lng: 4.8, lat: 52.37 }
					])
			}))
		);
		expect(outcomes.filter((o) => o.ok)).toHaveLength(3);
		expect(outcomes.filter((o) => !o.ok).every((o) => /rate_limited/.test(o.error))).toBe(true);
		const [stored] = await db.query<{ n: number }>(
			`select count(*)::int as n from public.suggestions where name like 'Gelijktijdig %'`
		);
		expect(stored?.n).toBe(3);
	});
});
