import { PGliteWorker } from '@electric-sql/pglite/worker';
import { createRpcBackend, embeddedLocation, type Backend } from '../backend';
import { BackendError } from '../errors';
import { embeddedDataDir } from './database-snapshot';
import { anonymousClaims, requestClaimsParams, setRequestClaimsSql } from './request-claims';
import { onSetupStep } from './setup-progress';
import { rpcSql } from './rpc-sql';
import PgliteWorker from './pglite.worker?worker';

/** Long enough for a slow phone's first start; short enough not to leave a spinner forever. */
const startTimeoutMs = 60_000;

/**
 * The embedded default: real Postgres (PGlite) in a worker, running the
 * migrations and seed of supabase/. Every call acts as the anonymous visitor,
 * so row-level security applies exactly as it does hosted.
 */
export async function createEmbeddedBackend(): Promise<Backend> {
	const database = await start();
	return createRpcBackend({ kind: 'embedded', location: embeddedLocation }, (name, args) =>
		database
			.transaction(async (tx) => {
				await tx.query(setRequestClaimsSql, requestClaimsParams(anonymousClaims));
				const { sql, params, returns } = rpcSql(name, args);
				const result = await tx.query<{ result: unknown }>(sql, params);
				return returns === 'set' ? result.rows : result.rows[0]?.result;
			})
			.catch((error: unknown) => {
				throw new BackendError('query', `${name}() failed: ${String(error)}`, { cause: error });
			})
	);
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
