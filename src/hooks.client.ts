import type { HandleClientError } from '@sveltejs/kit';
import { base } from '$app/paths';
import { isEmbedPath } from '$lib/app/embed';
import { listenToLinks } from '$lib/i18n/locale';

// Before anything speaks: a link may name the language (?lang=).
listenToLinks(isEmbedPath(window.location.pathname, base));

/** An unknown address is the user's 404, not a fault: only real errors are logged. */
export const handleError: HandleClientError = ({ error, status }) => {
	if (status !== 404) console.error(error);
	return { message: status === 404 ? 'Not found' : 'Internal error' };
};
