import { m } from '$lib/paraglide/messages';
import { BackendError, type BackendKind } from '$lib/data';
import type { Refusal } from '$lib/data/errors';

/**
 * The one place where a failure becomes words for the user: translated, and
 * specific where we know what went wrong. Details go to the console for us.
 */
export function describeError(error: unknown, backend: BackendKind): string {
	// A refusal (a stale version, a rule) is the database doing its job, not a fault.
	if (error instanceof BackendError && error.code === 'refused') console.warn(error);
	else console.error(error);
	if (error instanceof BackendError) {
		switch (error.code) {
			case 'unreachable':
				return backend === 'hosted' ? m.error_unreachable_hosted() : m.error_unreachable_embedded();
			case 'incompatible':
				return m.error_incompatible();
			case 'query':
				return m.error_query();
			case 'refused':
				return refusalMessage(error.refusal);
		}
	}
	return m.error_unknown();
}

/** Why the database said no, as the person can act on it. */
export function refusalMessage(refusal: Refusal | null): string {
	switch (refusal?.reason) {
		case 'stale_version':
			return m.refused_stale();
		case 'publish_requires_coordinator':
			return m.refused_publish();
		case 'confirm_requires_other_side':
			return m.refused_confirm();
		case 'collaboration_ended':
			return m.refused_ended();
		case 'collaboration_already_active':
			return m.refused_already_active();
		case 'version_required':
			return m.refused_version_required();
		case 'area_change_requires_coordinator':
			return m.refused_area_change();
		case 'area_outside_coordination':
			return m.refused_area_outside();
		case 'input_too_large':
			return m.refused_too_large();
		case 'invalid_input':
			return m.refused_invalid_input();
		case 'invalid_period':
			return m.refused_invalid_period();
		case 'programme_cycle':
			return m.refused_programme_cycle();
		case 'query_too_long':
			return m.refused_query_too_long();
		case 'organisation_quota':
			return m.refused_organisation_quota();
		case 'unknown_theme':
			return m.refused_unknown_theme();
		case 'rate_limited':
			return m.refused_rate_limited();
		case 'suggestion_decided':
			return m.refused_decided();
		case 'not_found':
			return m.refused_not_found();
		case 'auth':
			return m.refused_auth();
		case 'tie_side_unknown':
			return m.refused_tie_side_unknown();
		case 'import_changed_since':
			return m.refused_import_changed_since();
		case 'import_already_undone':
			return m.refused_import_already_undone();
		case 'area_parent_missing':
			return m.refused_area_parent_missing();
		case 'area_level_differs':
			return m.refused_area_level_differs();
		case 'area_unknown':
			return m.refused_area_unknown();
		case 'invalid':
			return refusal.constraint === 'collaborations_once_per_kind_idx'
				? m.refused_collaboration_exists()
				: m.refused_invalid();
		default:
			return m.refused_not_allowed();
	}
}

/** A request dropped on purpose (a newer one replaced it, the page went, the person cancelled): not a failure to show. */
export function isAbort(error: unknown): boolean {
	return error instanceof DOMException && error.name === 'AbortError';
}
