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
import { anon, openTestDatabase, users, type TestDatabase } from './harness';
import type { RequestClaims } from '../../src/lib/data/embedded/request-claims';
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
		// As PostgREST does: the role and claims come from the JWT, when one is sent.
		const claims = claimsOfBearer(request.headers.get('authorization'));
		try {
			const rows = await db.as(claims, (q) => q<{ result: unknown }>(sql, params));
			return Response.json(returns === 'set' ? rows : (rows[0]?.result ?? null));
		} catch (error) {
			const { code, message } = error as { code?: string; message: string };
			// PostgREST turns SQLSTATE PTnnn into HTTP status nnn.
			const status = code?.startsWith('PT') ? Number(code.slice(2)) : 400;
			return Response.json({ code, message, details: null, hint: null }, { status });
		}
	};

	/** The anon key is no user's JWT; a session's access token names its user in `sub`. */
	function claimsOfBearer(header: string | null): RequestClaims {
		const token = header?.replace(/^Bearer /, '');
		if (!token || token === anonKey) return anon;
		const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as {
			sub: string;
			email?: string;
		};
		return { role: 'authenticated', sub: payload.sub, email: payload.email };
	}

	/** An access token as Supabase Auth issues one (unsigned: nothing here checks it). */
	function accessToken(sub: string, email: string): string {
		const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
		const now = Math.floor(Date.now() / 1000);
		return [
			part({ alg: 'HS256', typ: 'JWT' }),
			part({ sub, email, role: 'authenticated', aud: 'authenticated', iat: now, exp: now + 3600 }),
			'signature'
		].join('.');
	}

	/**
	 * A stand-in for Supabase Auth (GoTrue) at the HTTP boundary: /otp sends a
	 * code, /verify answers code 123456 with a session for Daan. Everything
	 * else goes to the PostgREST stand-in.
	 */
	const authMails: string[] = [];
	const supabase: typeof fetch = async (input, init) => {
		const request = new Request(input, init);
		const path = new URL(request.url).pathname;
		if (path === '/auth/v1/otp') {
			const body = (await request.json()) as { email: string };
			authMails.push(body.email);
			return Response.json({});
		}
		if (path === '/auth/v1/verify') {
			const body = (await request.json()) as { email: string; token: string };
			if (body.token !== '123456') {
				return Response.json(
					{ code: 403, error_code: 'otp_expired', msg: 'Token has expired or is invalid' },
					{ status: 403 }
				);
			}
			const user = {
				id: users.daan,
				email: body.email,
				aud: 'authenticated',
				role: 'authenticated',
				app_metadata: {},
				user_metadata: {},
				created_at: new Date().toISOString()
			};
			return Response.json({
				access_token: accessToken(users.daan, body.email),
				token_type: 'bearer',
				expires_in: 3600,
				expires_at: Math.floor(Date.now() / 1000) + 3600,
				refresh_token: 'refresh',
				user
			});
		}
		if (path === '/auth/v1/logout') return new Response(null, { status: 204 });
		return postgrest(input, init);
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

	it('signs in with a one-time code, and the database then knows the user', async () => {
		const backend = await createHostedBackend({ url, anonKey, fetch: supabase });
		expect(backend.auth.method).toBe('email-code');
		expect(backend.auth.session()).toBeNull();
		expect(await backend.account()).toBeNull();

		const changes: (string | null)[] = [];
		backend.auth.onChange((session) => changes.push(session?.userId ?? null));
		await backend.auth.sendCode('daan@demo.buurtatlas.invalid');
		expect(authMails).toEqual(['daan@demo.buurtatlas.invalid']);
		const wrong = await backend.auth
			.verifyCode('daan@demo.buurtatlas.invalid', '000000')
			.catch((e: unknown) => e);
		expect((wrong as BackendError).refusal?.reason).toBe('auth');
		await backend.auth.verifyCode('daan@demo.buurtatlas.invalid', '123456');

		expect(backend.auth.session()?.userId).toBe(users.daan);
		expect(changes).toEqual([users.daan]);
		const account = await backend.account();
		expect(account?.organisations.map((o) => o.slug)).toEqual([
			'buurtmoestuin-ookmeer-in-oprichting',
			'repair-cafe-osdorp'
		]);
		// Row-level security sees Daan: his draft is his to edit.
		expect(await backend.organisationForEdit('buurtmoestuin-ookmeer-in-oprichting')).not.toBeNull();

		// A refusal arrives as PostgREST sends it, and reads the same as embedded.
		const opened = (await backend.organisationForEdit('repair-cafe-osdorp'))!;
		const stale = await backend
			.saveOrganisation(opened, { id: opened.id, version: opened.version - 1 })
			.catch((e: unknown) => e);
		expect((stale as BackendError).code).toBe('refused');
		expect((stale as BackendError).refusal?.reason).toBe('stale_version');

		await backend.auth.signOut();
		expect(backend.auth.session()).toBeNull();
		expect(await backend.account()).toBeNull();
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
