/**
 * What the filters select, in words: "Nieuw-West en Taal en inburgering".
 * The network page's heading and the caption of a network picture say it
 * alike. Null when nothing is filtered: the whole atlas.
 */
import { formatLocale } from '$lib/i18n/locale';
import { m } from '$lib/paraglide/messages';
import { languageLabel, organisationKindLabel, themeLabel } from '$lib/i18n/labels';
import type { AtlasFilters } from './atlas-filters';

export function scopeInWords(
	filters: AtlasFilters,
	names: { area: (id: string) => string; programme: (slug: string) => string }
): string | null {
	const parts = [
		...filters.areas.map(names.area),
		...filters.programmes.map(names.programme),
		...filters.themes.map(themeLabel),
		...filters.kinds.map(organisationKindLabel),
		...filters.languages.map(languageLabel),
		...(filters.openToNewcomers ? [m.filters_open()] : []),
		...(filters.query ? [`‘${filters.query}’`] : [])
	];
	return parts.length > 0
		? new Intl.ListFormat(formatLocale(), { type: 'conjunction' }).format(parts)
		: null;
}
