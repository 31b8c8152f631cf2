/**
 * The lines under a picture of the map or the network: what it shows (the
 * filters' scope in words, with the count), as of when, and from where. The
 * map's and the network's pictures say them alike.
 */
import { base } from '$app/paths';
import { m } from '$lib/paraglide/messages';
import { formatLocale } from '$lib/i18n/locale';
import { backendLabel, kindGroupLabel } from '$lib/i18n/labels';
import { connection } from '$lib/app/connection.svelte';
import { kindGroupColour, kindGroupOrder } from '$lib/kinds/kind-style';
import { dateInWords } from './atlas-filters';
import { atlasStore } from './atlas-store.svelte';
import { scopeInWords } from './scope-words';

/** The filters' scope in words, with the names the atlas knows for areas and programmes. */
export function currentScope(): string | null {
	return scopeInWords(atlasStore.filters, {
		area: (id) => atlasStore.reference?.areas.find((a) => a.id === id)?.name ?? id,
		programme: (slug) => atlasStore.programmeList?.find((p) => p.slug === slug)?.name ?? slug
	});
}

export function pictureLines(
	what: 'map' | 'network',
	count: number
): {
	scope: string;
	date: string;
	source: string;
} {
	const scope = currentScope();
	const date = atlasStore.filters.date;
	const when = date
		? dateInWords(date, formatLocale())
		: m.picture_date_today({
				day: new Intl.DateTimeFormat(formatLocale(), { dateStyle: 'long' }).format(new Date())
			});
	return {
		scope:
			what === 'map'
				? scope
					? m.map_picture_scope({ scope, count })
					: m.map_picture_scope_all({ count })
				: scope
					? m.network_scope({ scope, count })
					: m.network_scope_all({ count }),
		date: m.picture_date({ when }),
		source: m.picture_source({
			source: backendLabel(connection.info),
			// Isolated left to right: inside an Arabic line a bare address loses its trailing slash to the front.
			address: `\u2066${new URL(base || '/', window.location.origin).href}\u2069`
		})
	};
}

/** The kinds of organisation by their colours, as the map and the network draw them. */
export const kindLegend = () =>
	kindGroupOrder.map((group) => ({ label: kindGroupLabel(group), colour: kindGroupColour[group] }));
