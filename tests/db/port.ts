/**
 * The data port over a test database: the app's own createRpcBackend and
 * decoding, with each call made as one request with the given claims.
 */
import { createRpcBackend, type Backend } from '../../src/lib/data/backend';
import type { AuthPort } from '../../src/lib/data/auth';
import { BackendError, refusalOf } from '../../src/lib/data/errors';
import { rpcSql } from '../../src/lib/data/embedded/rpc-sql';
import type { RequestClaims } from '../../src/lib/data/embedded/request-claims';
import type { TestDatabase } from './harness';

/** A session that is what the claims say, and cannot change. */
function fixedAuth(claims: RequestClaims): AuthPort {
	const session = claims.sub ? { userId: claims.sub, email: claims.email ?? null } : null;
	const unsupported = async () => {
		throw new Error('not in tests');
	};
	return {
		method: 'local-demo',
		session: () => session,
		onChange: () => () => {},
		demoAccounts: async () => [],
		signInAsDemo: unsupported,
		sendCode: unsupported,
		verifyCode: unsupported,
		signOut: unsupported
	};
}

/**
 * Every call is its own request. With `commit`, writes stay (for journeys
 * across several calls and callers); without, each call is rolled back.
 */
export function backendFor(
	db: TestDatabase,
	claims: RequestClaims,
	{ commit = false } = {}
): Backend {
	return createRpcBackend(
		{ kind: 'embedded', location: db.kind },
		async (name, args) => {
			const { sql, params, returns } = rpcSql(name, args);
			try {
				const rows = commit
					? await db.committed(claims, (query) => query<{ result: unknown }>(sql, params))
					: await db.as(claims, (query) => query<{ result: unknown }>(sql, params));
				return returns === 'set' ? rows : rows[0]?.result;
			} catch (error) {
				const refusal = refusalOf(error as { code?: string; message?: string });
				throw new BackendError(refusal ? 'refused' : 'query', String(error), {
					cause: error,
					...(refusal ? { refusal } : {})
				});
			}
		},
		fixedAuth(claims)
	);
}
