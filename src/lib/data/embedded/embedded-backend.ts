import { LeaderChangedError, PGliteWorker } from '@electric-sql/pglite/worker';
import {
	createRpcBackend,
	embeddedLocation,
	rpcFunctions,
	type Backend,
	type RpcArgs,
	type RpcName
} from '../backend';
import { claimsOf } from '../auth';
import { decodeDemoAccounts } from '../editing-decode';
import { BackendError, refusalOf } from '../errors';
import { createDemoAuth } from './demo-auth';
import { embeddedDataDir } from './database-snapshot';
import { createCaller } from './database-calls';
import { onSetupStep } from './setup-progress';
import { rpcSql } from './rpc-sql';
import PgliteWorker from './pglite.worker?worker';

/** Long enough for a slow phone's first start; short enough not to leave a spinner forever. */
const startTimeoutMs = 60_000;

/**
 * The embedded default: real Postgres (PGlite) in a worker, running the
 * migrations and seed of supabase/. Every call acts as the signed-in demo
 * user, or the anonymous visitor, with the claims a hosted request would carry,
 * so row-level security applies exactly as it does hosted.
 */
export async function createEmbeddedBackend(): Promise<Backend> {
	silenceOrphanedLeaderChanges();
	const database = await start();
	// The list of demo accounts is the one query that runs as the database's
	// owner: it is the local demo's sign-in screen, and private.demo_accounts()
	// is granted to no API role.
	const auth = createDemoAuth(async () => {
		const result = await database.query<{ result: unknown }>(
			'select private.demo_accounts() as result'
		);
		return decodeDemoAccounts(result.rows[0]?.result);
	});
	const leader = createCaller(database);
	const call = <N extends RpcName>(name: N, args: RpcArgs<N>, signal?: AbortSignal) => {
		// PGlite cannot cancel a query under way: one not yet sent is not sent,
		// and the answer of one already running is dropped.
		signal?.throwIfAborted();
		const writes = 'writes' in rpcFunctions[name];
		const once = () =>
			leader.call({ claims: claimsOf(auth.session()), ...rpcSql(name, args), writes });
		return callAcrossLeaderChanges(database, writes, once);
	};
	return createRpcBackend(
		{ kind: 'embedded', location: embeddedLocation },
		(name, args, { signal } = {}) =>
			call(name, args, signal).then(
				(answer) => {
					signal?.throwIfAborted();
					return answer;
				},
				(error: unknown) => {
					const refusal = refusalOf(error as { code?: string; message?: string });
					throw new BackendError(
						refusal ? 'refused' : 'query',
						`${name}() failed: ${String(error)}`,
						{
							cause: error,
							...(refusal ? { refusal } : {})
						}
					);
				}
			),
		auth
	);
}

/** How often a read is asked again when the database changes tabs under it. */
const leaderChangeAttempts = 4;
/** Long enough for both of PGlite's announcements of a new leader to arrive. */
const leaderSettleMs = 150;

/**
 * The tab that ran the database closed or reloaded, and another took over
 * (see pglite.worker.ts). A read is asked again of the new leader, once it has
 * connected; a write may or may not have been kept, so it is reported rather
 * than repeated. PGlite announces a new leader twice (to its own tab, and to
 * all), so the retry waits for the announcements to settle: asked at once, it
 * would go to the old connection and fail the same way.
 */
async function callAcrossLeaderChanges<T>(
	database: PGliteWorker,
	writes: boolean,
	run: () => Promise<T>
): Promise<T> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await run();
		} catch (error) {
			const retry = leaderChanged(error) && !writes && attempt < leaderChangeAttempts;
			if (!retry) throw error;
			await new Promise((resolve) => setTimeout(resolve, leaderSettleMs * attempt));
			await database.waitReady;
		}
	}
}

/**
 * While a leader changes, PGlite's worker client rejects every call it has
 * under way, including the lock releases it sends itself and does not await.
 * Those rejections reach no caller; the calls that matter are asked again
 * above. Only that error is silenced, and only from this backend's start on.
 */
let silencing = false;
function silenceOrphanedLeaderChanges() {
	// Once per page: a retried start calls this again.
	if (silencing || typeof window === 'undefined') return;
	silencing = true;
	window.addEventListener('unhandledrejection', (event) => {
		if (leaderChanged(event.reason)) event.preventDefault();
	});
}

async function start(): Promise<PGliteWorker> {
	const worker = new PgliteWorker({ name: 'buurtatlas-database' });
	let timer: ReturnType<typeof setTimeout> | undefined;
	let stopListening = () => {};
	const failed = new Promise<never>((_, reject) => {
		stopListening = onSetupStep((step) => {
			if (step.step === 'failed') {
				reject(
					new BackendError('unreachable', `The embedded database could not start: ${step.message}`)
				);
			}
		});
		worker.addEventListener('error', (event) => {
			reject(new BackendError('unreachable', `Database worker failed: ${event.message}`));
		});
		timer = setTimeout(
			() => reject(new BackendError('unreachable', 'The embedded database did not start in time')),
			startTimeoutMs
		);
	});
	try {
		return await Promise.race([
			PGliteWorker.create(worker, { dataDir: embeddedDataDir, id: 'buurtatlas' }),
			failed
		]);
	} catch (error) {
		worker.terminate();
		if (error instanceof BackendError) throw error;
		throw new BackendError(
			'unreachable',
			`The embedded database could not start: ${String(error)}`,
			{
				cause: error
			}
		);
	} finally {
		clearTimeout(timer);
		stopListening();
	}
}

/**
 * PGlite's LeaderChangedError, whether thrown in this tab or passed on from the
 * old leader's worker (which sends only its message).
 */
function leaderChanged(error: unknown): boolean {
	return (
		error instanceof LeaderChangedError ||
		(error instanceof Error && error.message.startsWith('Leader changed'))
	);
}
