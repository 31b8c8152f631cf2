/**
 * The hosted adapter against real SQL. Hosted Supabase cannot be reached from
 * here, so this test stands in for PostgREST at the HTTP boundary only: a fetch
 * that serves /rest/v1/rpc/<fn> by calling the same function on PGlite as the
 * anonymous role. supabase-js, the adapter and the decoding run for real.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHostedBackend } from '../../src/lib/data/hosted/supabase-backend';
import { BackendError } from '../../src/lib/data/errors';
import { rpcSql } from '../../src/lib/data/embedded/rpc-sql';
import { rpcFunctions, type RpcName } from '../../src/lib/data/backend';
import { anon, openTestDatabase, type TestDatabase } from './harness';
import { generateDatabaseTypes } from './database-types';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const url = 'https://example-project.supabase.co';
const anonKey = 'test-anon-key';

describe('hosted adapter', () => {
	let db: TestDatabase;
	const requests: { path: string; apikey: string | null }[] = [];

	/** A stand-in for PostgREST's RPC endpoint: the HTTP boundary only. */
	const postgrest: typeof fetch = async (input, init) => {
		const request = new Request(input, init);
		const path = new URL(request.url).pathname;
		requests.push({ path, apikey: request.headers.get('apikey') });
		const name = path.replace('/rest/v1/rpc/', '');
		if (!(name in rpcFunctions)) {
			return Response.json(
				{
					code: 'PGRST202',
					message: `Could not find the function public.${name}`,
					details: null,
					hint: null
				},
				{ status: 404 }
			);
		}
		const args = (await request.json()) as Record<string, unknown>;
		const { sql, params, returns } = rpcSql(name as RpcName, args);
		const rows = await db.as(anon, (q) => q<{ result: unknown }>(sql, params));
		return Response.json(returns === 'set' ? rows : (rows[0]?.result ?? null));
	};

	beforeAll(async () => {
		// supabase-js builds its realtime client eagerly and requires a WebSocket
		// global, which browsers have and Node 20 lacks. Nothing here opens one.
		globalThis.WebSocket ??= class {} as unknown as typeof WebSocket;
		db = await openTestDatabase('pglite');
	});
	afterAll(() => db?.close());

	it('reads the atlas through supabase-js with the anon key', async () => {
		const backend = await createHostedBackend({ url, anonKey, fetch: postgrest });
		expect(backend.info).toEqual({ kind: 'hosted', location: 'example-project.supabase.co' });
		const atlas = await backend.atlas({ themes: ['energie'] });
		expect(atlas.organisations.map((o) => o.slug).sort()).toEqual([
			'energiecooperatie-nieuw-west',
			'woon'
		]);
		expect(requests.at(-1)).toEqual({ path: '/rest/v1/rpc/atlas', apikey: anonKey });
	});

	it('searches and reads details the same way the embedded adapter does', async () => {
		const backend = await createHostedBackend({ url, anonKey, fetch: postgrest });
		const hits = await backend.search('plein 40 45');
		expect(hits[0]?.slug).toBe('wij-zijn-plein-40-45');
		const detail = await backend.organisation('wij-zijn-plein-40-45');
		expect(detail?.name).toBe('Wij Zijn Plein ’40-’45');
		expect(await backend.organisation('buurtmoestuin-ookmeer-in-oprichting')).toBeNull();
	});

	it('reports an unreachable server as unreachable', async () => {
		const offline: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
		const backend = await createHostedBackend({ url, anonKey, fetch: offline });
		const error = await backend.referenceData().catch((e: unknown) => e);
		expect(error).toBeInstanceOf(BackendError);
		expect((error as BackendError).code).toBe('unreachable');
	});

	it('reports a database without the functions as incompatible', async () => {
		const unmigrated: typeof fetch = async () =>
			Response.json(
				{
					code: 'PGRST202',
					message: 'Could not find the function public.atlas',
					details: null,
					hint: null
				},
				{ status: 404 }
			);
		const backend = await createHostedBackend({ url, anonKey, fetch: unmigrated });
		const error = await backend.atlas().catch((e: unknown) => e);
		expect((error as BackendError).code).toBe('incompatible');
	});

	it('reports data of the wrong shape as incompatible rather than drawing it', async () => {
		const outdated: typeof fetch = async () => Response.json({ organisations: [['x']] });
		const backend = await createHostedBackend({ url, anonKey, fetch: outdated });
		const error = await backend.atlas().catch((e: unknown) => e);
		expect((error as BackendError).code).toBe('incompatible');
	});

	it('is typed by a Database type that matches the migrations', async () => {
		const committed = readFileSync(
			join(import.meta.dirname, '../../src/lib/data/hosted/database.types.ts'),
			'utf8'
		);
		expect(committed, 'run `npm run db:types` after changing a migration').toBe(
			await generateDatabaseTypes(db.query)
		);
	});
});
