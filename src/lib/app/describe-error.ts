import { m } from '$lib/paraglide/messages';
import { BackendError, type BackendKind } from '$lib/data';

/**
 * The one place where a failure becomes words for the user: translated, and
 * specific where we know what went wrong. Details go to the console for us.
 */
export function describeError(error: unknown, backend: BackendKind): string {
	console.error(error);
	if (error instanceof BackendError) {
		switch (error.code) {
			case 'unreachable':
				return backend === 'hosted' ? m.error_unreachable_hosted() : m.error_unreachable_embedded();
			case 'incompatible':
				return m.error_incompatible();
			case 'query':
				return m.error_query();
		}
	}
	return m.error_unknown();
}

/** Superseded requests are not failures. */
export function isAbort(error: unknown): boolean {
	return error instanceof DOMException && error.name === 'AbortError';
}
