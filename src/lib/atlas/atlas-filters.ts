/**
 * Which organisations the atlas shows, as the URL says: `thema` and `soort`
 * may repeat, `open=ja` keeps those open to newcomers. Parameter names are
 * Dutch because people share these links. Unknown values are dropped, so an
 * old or mistyped link still opens, with whatever it says that still means
 * something.
 */
import { organisationKinds, type AtlasOrganisation, type OrganisationKind } from '$lib/data/types';

export interface AtlasFilters {
	themes: string[];
	kinds: OrganisationKind[];
	openToNewcomers: boolean;
}

export const noFilters: AtlasFilters = { themes: [], kinds: [], openToNewcomers: false };

const param = { theme: 'thema', kind: 'soort', open: 'open' } as const;

export function filtersFromUrl(
	params: URLSearchParams,
	knownThemes: readonly string[]
): AtlasFilters {
	const unique = <T>(values: T[]) => [...new Set(values)];
	return {
		themes: unique(params.getAll(param.theme).filter((t) => knownThemes.includes(t))),
		kinds: unique(
			params
				.getAll(param.kind)
				.filter((k): k is OrganisationKind => (organisationKinds as readonly string[]).includes(k))
		),
		openToNewcomers: params.get(param.open) === 'ja'
	};
}

/** The same URL with these filters, everything else in it kept. */
export function withFilters(url: URL, filters: AtlasFilters): URL {
	const next = new URL(url);
	for (const name of Object.values(param)) next.searchParams.delete(name);
	for (const theme of [...filters.themes].sort()) next.searchParams.append(param.theme, theme);
	for (const kind of [...filters.kinds].sort()) next.searchParams.append(param.kind, kind);
	if (filters.openToNewcomers) next.searchParams.set(param.open, 'ja');
	return next;
}

export function activeFilterCount(filters: AtlasFilters): number {
	return filters.themes.length + filters.kinds.length + (filters.openToNewcomers ? 1 : 0);
}

/** Any of the chosen themes, any of the chosen kinds, and open if asked. */
export function matchesFilters(organisation: AtlasOrganisation, filters: AtlasFilters): boolean {
	return (
		(filters.themes.length === 0 || filters.themes.some((t) => organisation.themes.includes(t))) &&
		(filters.kinds.length === 0 || filters.kinds.includes(organisation.kind)) &&
		(!filters.openToNewcomers || organisation.openToNewcomers)
	);
}
