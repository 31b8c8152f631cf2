/**
 * The embedded backend's calls travel to the leader's database as one message
 * each (src/lib/data/embedded/database-calls.ts). Here both ends run in one
 * process over real BroadcastChannels against a real PGlite; only PGlite's
 * leader election is stood in for, by an object that says when the leader
 * changes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { LeaderChangedError } from '@electric-sql/pglite/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusalOf } from '../../src/lib/data/errors';
import { createCaller, serveCalls } from '../../src/lib/data/embedded/database-calls';
import { openPglite } from '../../src/lib/data/embedded/open-pglite';
import { rpcSql } from '../../src/lib/data/embedded/rpc-sql';
import { loadSqlSources } from './harness';

const snapshotPath = join(
	import.meta.dirname,
	'../../src/lib/data/embedded/generated/database-snapshot.tar.gz'
);

let db: PGlite;
let stopServing = () => {};
const serve = () =>
	serveCalls(db, async () => {
		await holdSync;
		syncs += 1;
	});
const callers: ReturnType<typeof createCaller>[] = [];
/** A tab's caller, closed after the tests so no channel keeps the process alive. */
function caller(database = election) {
	const made = createCaller(database);
	callers.push(made);
	return made.call;
}
let syncs = 0;
let holdSync: Promise<void> = Promise.resolve();
let leaderChanged = () => {};
const election = {
	waitReady: Promise.resolve(),
	onLeaderChange(listener: () => void) {
		leaderChanged = listener;
		return () => {};
	}
};

beforeAll(async () => {
	const snapshot = new Blob([readFileSync(snapshotPath)], { type: 'application/x-gzip' });
	db = await openPglite(loadSqlSources(), { snapshot });
	stopServing = serve();
});
afterAll(async () => {
	for (const made of callers) made.close();
	stopServing();
	await db?.close();
});

const anon = { role: 'anon' } as const;

describe('a call to the leader', () => {
	it('answers a read as the caller, under row-level security', async () => {
		const send = caller();
		const atlas = (await send({
			claims: anon,
			...rpcSql('atlas', {}),
			writes: false
		})) as { organisations: { status?: string }[] };
		expect(atlas.organisations.length).toBeGreaterThan(50);
		const drafts = await db.query<{ count: number }>(
			"select count(*)::int as count from public.organisations where status <> 'published'"
		);
		expect(drafts.rows[0]!.count).toBeGreaterThan(0);
		// The visitor sees only published organisations, though the owner sees drafts.
		const published = await db.query<{ count: number }>(
			"select count(*)::int as count from public.organisations where status = 'published'"
		);
		expect(atlas.organisations).toHaveLength(published.rows[0]!.count);
	});

	it('carries arguments a form holds as reactive proxies', async () => {
		const send = caller();
		const themes = new Proxy(['wonen'], {});
		const atlas = (await send({
			claims: anon,
			...rpcSql('atlas', { theme_ids: themes }),
			writes: false
		})) as { organisations: unknown[] };
		expect(atlas.organisations.length).toBeGreaterThan(0);
	});

	it('passes on a refusal with its SQLSTATE, so the app can name it', async () => {
		const send = caller();
		const refused = await send({
			claims: anon,
			...rpcSql('save_organisation', { organisation: { name: 'Poging' } }),
			writes: true
		}).catch((error: unknown) => error);
		expect(refused).toMatchObject({ code: '42501' });
		expect(refusalOf(refused as Error)).toMatchObject({ reason: 'not_allowed' });
	});

	it('answers a write only once it is kept', async () => {
		const send = caller();
		let release = () => {};
		holdSync = new Promise((resolve) => (release = resolve));
		const before = syncs;
		let answered = false;
		const write = send({
			claims: anon,
			...rpcSql('suggest_initiative', {
				suggestion: { name: 'Buurtmoestuin Slotermeer', lng: 4.8, lat: 52.36 }
			}),
			writes: true
		}).then(() => (answered = true));
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(answered).toBe(false);
		release();
		await write;
		expect(syncs).toBe(before + 1);
		holdSync = Promise.resolve();
	});

	it('fails with LeaderChangedError when the leader changes under it', async () => {
		const send = caller();
		// Nobody answers this tab while the leader is away: hold the database.
		let release = () => {};
		const held = db.transaction(() => new Promise<void>((resolve) => (release = resolve)));
		const pending = send({ claims: anon, ...rpcSql('reference_data', {}), writes: false });
		await new Promise((resolve) => setTimeout(resolve, 50));
		leaderChanged();
		await expect(pending).rejects.toBeInstanceOf(LeaderChangedError);
		release();
		await held;
	});

	it('goes out once the leader serves, without waiting for PGlite’s own client', async () => {
		// PGlite's client in this tab is never ready here; only the leader's word counts.
		const neverReady = { ...election, waitReady: new Promise<void>(() => {}) };
		const send = caller(neverReady);
		expect(await send({ claims: anon, ...rpcSql('reference_data', {}), writes: false })).toEqual(
			expect.objectContaining({ themes: expect.any(Array) })
		);

		// A tab that starts before any leader serves waits for it, then is answered.
		stopServing();
		const early = caller(neverReady);
		let answered = false;
		const pending = early({ claims: anon, ...rpcSql('reference_data', {}), writes: false }).then(
			(answer) => ((answered = true), answer)
		);
		await new Promise((resolve) => setTimeout(resolve, 100));
		expect(answered).toBe(false);
		stopServing = serve();
		expect(await pending).toEqual(expect.objectContaining({ themes: expect.any(Array) }));
	});

	it('says once when the first calls are answered and none waits', async () => {
		stopServing();
		let settled = 0;
		stopServing = serveCalls(db, async () => {}, { onSettled: () => (settled += 1) });
		const send = caller();
		const read = () => send({ claims: anon, ...rpcSql('reference_data', {}), writes: false });
		await Promise.all([read(), read()]);
		// Answered, but not yet settled: another call may follow at once.
		expect(settled).toBe(0);
		await read();
		await new Promise((resolve) => setTimeout(resolve, 450));
		expect(settled).toBe(1);
		await read();
		await new Promise((resolve) => setTimeout(resolve, 450));
		expect(settled).toBe(1);
		stopServing();
		stopServing = serve();
	});
});
