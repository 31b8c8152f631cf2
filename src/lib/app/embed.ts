/**
 * Embedding: every page of the atlas also lives under /ingebed/, where it
 * runs inside another site's frame: without the top bar, editing or
 * sign-in, with a link to the full view, keeping its own state in its own
 * URL. One path prefix, so a host can allow framing of /ingebed/* alone by a
 * response header (static/_headers); the router maps it back onto the same
 * pages (src/hooks.ts).
 */
export const embedSegment = 'ingebed';

/** Whether a path (with the app's base) is an embedded page. */
export function isEmbedPath(pathname: string, base: string): boolean {
	const rest = pathname.slice(base.length);
	return rest === `/${embedSegment}` || rest.startsWith(`/${embedSegment}/`);
}

/** The same page outside the embed. */
export function withoutEmbed(pathname: string, base: string): string {
	if (!isEmbedPath(pathname, base)) return pathname;
	return `${base}${pathname.slice(base.length + embedSegment.length + 1) || '/'}`;
}

/** The page a URL shows, whole (outside the embed), with its state: path and query. */
export function fullViewHref(url: URL, base: string): string {
	return `${withoutEmbed(url.pathname, base)}${url.search}`;
}

/** The same page inside the embed. */
export function withEmbed(pathname: string, base: string): string {
	if (isEmbedPath(pathname, base)) return pathname;
	return `${base}/${embedSegment}${pathname.slice(base.length) || '/'}`;
}

/** What an embed tells the page around it: how tall it is, so the frame can fit it. */
export interface EmbedHeightMessage {
	type: 'buurtatlas:height';
	height: number;
}

/** Pages an embed does not show: editing and signing in belong to the full app. */
export const notEmbeddable = /^\/\(atlas\)\/(beheer|inloggen|voorstellen)/;
