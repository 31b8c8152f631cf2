/**
 * Links within the atlas keep the current query (filters, place, map view):
 * opening an organisation and coming back must not lose what the user chose.
 */
import { goto } from '$app/navigation';
import { resolve } from '$app/paths';

export function organisationHref(slug: string, current: URL): string {
	return `${resolve('/(atlas)/organisaties/[slug]', { slug })}${current.search}`;
}

/** A programme's or coalition's page: its members, sub-groups and coordinator. */
export function programmeHref(slug: string, current: URL): string {
	return `${resolve('/(atlas)/programmas/[slug]', { slug })}${current.search}`;
}

/** "Meedoen", the newcomer's journey, with the place and filters kept. */
export function joinHref(current: URL): string {
	return `${resolve('/meedoen')}${current.search}`;
}

export function listHref(current: URL): string {
	return `${resolve('/')}${current.search}`;
}

/**
 * Shows the current page with a changed query (filters, place): a history
 * entry, so back undoes it, without moving focus or scrolling the panel.
 */
export function changeQuery(next: URL, { replace = false } = {}): Promise<void> {
	// eslint-disable-next-line svelte/no-navigation-without-resolve -- the current page, resolved when it was opened
	return goto(next, { keepFocus: true, noScroll: true, replaceState: replace });
}
