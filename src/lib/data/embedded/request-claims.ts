/**
 * Acting as a Supabase API request: PostgREST switches to the role named in the
 * JWT and exposes its claims to SQL for the length of one transaction. Doing the
 * same here makes row-level security apply exactly as it does hosted.
 */

export interface RequestClaims {
	role: 'anon' | 'authenticated';
	sub?: string;
	email?: string;
}

export const anonymousClaims: RequestClaims = { role: 'anon' };

/** Run as the first statement of a transaction, with [role, claims JSON]. */
export const setRequestClaimsSql =
	"select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)";

export function requestClaimsParams(claims: RequestClaims): [string, string] {
	if (claims.role !== 'anon' && claims.role !== 'authenticated') {
		throw new Error(`Unknown request role: ${String(claims.role)}`);
	}
	return [claims.role, JSON.stringify(claims)];
}
