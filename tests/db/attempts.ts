/**
 * Asking inside a request's transaction: one value, or the error a statement
 * fails with. Shared by the database tests that check refusals.
 */
import type { Query } from './harness';

export async function scalar<T>(query: Query, sql: string, params: unknown[] = []): Promise<T> {
	const [row] = await query<{ result: T }>(`select ${sql} as result`, params);
	return row!.result;
}

/**
 * The error a statement fails with, or 'not refused'. Under a savepoint, so the
 * transaction goes on after the refusal.
 */
export async function refusal(q: Query, work: () => Promise<unknown>): Promise<string> {
	await q('savepoint attempt');
	try {
		await work();
		await q('release savepoint attempt');
		return 'not refused';
	} catch (error) {
		await q('rollback to savepoint attempt');
		return String(error);
	}
}
