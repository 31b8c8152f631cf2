/**
 * Links within the atlas keep the current query (filters, place, map view):
 * opening an organisation and coming back must not lose what the user chose.
 */
import { resolve } from '$app/paths';

export function organisationHref(slug: string, current: URL): string {
	return `${resolve('/(atlas)/organisaties/[slug]', { slug })}${current.search}`;
}

export function listHref(current: URL): string {
	return `${resolve('/')}${current.search}`;
}
