export type BackendErrorCode = 'unreachable' | 'incompatible' | 'query' | 'refused';

/**
 * Why the database refused a write, as its triggers and constraints name it:
 * 'stale_version', 'publish_requires_coordinator', 'rate_limited', a check
 * constraint such as 'organisations_website_check', …
 */
export interface Refusal {
	reason: string;
	/** The constraint that failed, when one did. */
	constraint: string | null;
}

/** A failure the UI can explain: the code picks the message shown to the user. */
export class BackendError extends Error {
	override readonly name = 'BackendError';
	readonly refusal: Refusal | null;
	constructor(
		readonly code: BackendErrorCode,
		message: string,
		options?: { cause?: unknown; refusal?: Refusal }
	) {
		super(message, options);
		this.refusal = options?.refusal ?? null;
	}
}

/**
 * The reasons the database's functions and triggers raise, in their own words
 * (see the editing and hardening migrations). Each has a message in
 * describe-error.ts; tests/db/refusals.spec.ts holds the SQL to this list.
 */
export const raisedReasons = [
	'stale_version',
	'version_required',
	'not_allowed',
	'not_found',
	'publish_requires_coordinator',
	'confirm_requires_other_side',
	'collaboration_ended',
	'collaboration_already_active',
	'collaboration_transition',
	'area_change_requires_coordinator',
	'area_outside_coordination',
	'rate_limited',
	'organisation_quota',
	'suggestion_decided',
	'suggestion_transition',
	'unknown_theme',
	'input_too_large',
	'invalid_input',
	'query_too_long',
	'audit_log_is_append_only',
	'tie_side_unknown',
	'import_changed_since',
	'import_already_undone',
	'area_parent_missing',
	'area_level_differs',
	'area_unknown',
	'invalid_period',
	'programme_cycle'
] as const;

/**
 * What a database error says about a refused write, from its SQLSTATE and
 * message, which PGlite and PostgREST report alike. Null for other failures.
 */
export function refusalOf(error: {
	code?: string | null;
	message?: string | null;
}): Refusal | null {
	const message = error.message ?? '';
	const code = error.code ?? '';
	const raised = raisedReasons.find((reason) => message.includes(reason));
	if (raised) return { reason: raised, constraint: null };
	const constraint = /constraint "([a-z0-9_]+)"/.exec(message)?.[1] ?? null;
	switch (code) {
		case '23514': // check_violation
		case '23502': // not_null_violation
		case '23503': // foreign_key_violation
		case '23505': // unique_violation
		case '22P02': // invalid text representation
		case '22001': // value too long
			return { reason: 'invalid', constraint };
		case '42501': // insufficient_privilege, and row-level security
			return { reason: 'not_allowed', constraint: null };
	}
	// PGlite's worker passes on the message only, without the SQLSTATE.
	if (
		/violates (check|foreign key|not-null|unique) constraint|duplicate key value/i.test(message)
	) {
		return { reason: 'invalid', constraint };
	}
	if (/row-level security|permission denied/i.test(message)) {
		return { reason: 'not_allowed', constraint: null };
	}
	return null;
}
