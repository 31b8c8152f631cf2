/**
 * What /inbedden composes: the address of an embedded view and the HTML a
 * site pastes to show it. The snippet sizes the frame from the embed's own
 * height messages (see EmbedHeightMessage), answering only its own frame
 * and only from the atlas's origin.
 */
import { noFilters, withFilters } from '$lib/atlas/atlas-filters';
import { embedSegment } from '$lib/app/embed';
import { withLocale, type Locale } from '$lib/i18n/locale';

export const embedViews = ['kaart', 'lijst', 'netwerk', 'meedoen'] as const;
export type EmbedView = (typeof embedViews)[number];

export interface EmbedChoice {
	view: EmbedView;
	programme: string | null;
	area: string | null;
	theme: string | null;
	/** The language the embed speaks, whatever its visitors chose elsewhere. */
	language: Locale;
}

/** The embedded view's address, under /ingebed/, with the filters in its query. */
export function embedUrl(atlasRoot: string, choice: EmbedChoice): URL {
	const root = new URL(atlasRoot);
	const path = `${root.pathname.replace(/\/$/, '')}/${embedSegment}/${choice.view === 'meedoen' ? 'meedoen' : ''}`;
	const url = withFilters(new URL(path, root), {
		...noFilters,
		programmes: choice.programme ? [choice.programme] : [],
		areas: choice.area ? [choice.area] : [],
		themes: choice.theme ? [choice.theme] : []
	});
	if (choice.view === 'netwerk' || choice.view === 'lijst')
		url.searchParams.set('weergave', choice.view);
	return withLocale(url, choice.language);
}

/** Sizes a frame may have, in CSS pixels: small enough to be sure, large enough for a page. */
export const embedHeights = { min: 300, max: 1600 } as const;

const escapeAttribute = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The HTML to paste: the frame, sandboxed, and a listener that fits its height to the embed's. */
export function embedSnippet(url: URL, title: string, width: string, height: number): string {
	const src = escapeAttribute(url.href);
	const origin = JSON.stringify(url.origin);
	return [
		`<iframe src="${src}" title="${escapeAttribute(title)}" width="${escapeAttribute(width)}" height="${height}"`,
		`  style="border: 0; max-width: 100%" loading="lazy" allow="geolocation"`,
		`  sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"></iframe>`,
		`<script>`,
		`  addEventListener('message', (event) => {`,
		`    if (event.origin !== ${origin} || event.data?.type !== 'buurtatlas:height') return;`,
		`    for (const frame of document.querySelectorAll('iframe'))`,
		`      if (frame.contentWindow === event.source) frame.style.height = event.data.height + 'px';`,
		`  });`,
		`</script>`
	].join('\n');
}
