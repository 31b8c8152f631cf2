import type { HandleClientError } from '@sveltejs/kit';

/** An unknown address is the user's 404, not a fault: only real errors are logged. */
export const handleError: HandleClientError = ({ error, status }) => {
	if (status !== 404) console.error(error);
	return { message: status === 404 ? 'Not found' : 'Internal error' };
};
