/**
 * Which organisations the atlas shows, as the URL says: `thema`, `soort` and
 * `taal` may repeat, `gebied` names a stadsdeel, wijk or buurt (with all that
 * lies in it), `open=ja` keeps those open to newcomers. Parameter names are
 * Dutch because people share these links. Unknown values are dropped, so an
 * old or mistyped link still opens, with whatever it says that still means
 * something.
 */
import {
	organisationKinds,
	type Area,
	type AtlasOrganisation,
	type OrganisationKind
} from '$lib/data/types';

export interface AtlasFilters {
	themes: string[];
	kinds: OrganisationKind[];
	languages: string[];
	areas: string[];
	openToNewcomers: boolean;
}

export const noFilters: AtlasFilters = {
	themes: [],
	kinds: [],
	languages: [],
	areas: [],
	openToNewcomers: false
};

/** What the URL's values are checked against. */
export interface KnownValues {
	themes: readonly string[];
	areas: readonly Pick<Area, 'id'>[];
}

const param = {
	theme: 'thema',
	kind: 'soort',
	language: 'taal',
	area: 'gebied',
	open: 'open'
} as const;

/** ISO 639-1 or -3 codes, as the database keeps them. */
const languageCode = /^[a-z]{2,3}$/;

export function filtersFromUrl(params: URLSearchParams, known: KnownValues): AtlasFilters {
	const unique = <T>(values: T[]) => [...new Set(values)];
	const areaIds = new Set(known.areas.map((a) => a.id));
	return {
		themes: unique(params.getAll(param.theme).filter((t) => known.themes.includes(t))),
		kinds: unique(
			params
				.getAll(param.kind)
				.filter((k): k is OrganisationKind => (organisationKinds as readonly string[]).includes(k))
		),
		languages: unique(params.getAll(param.language).filter((l) => languageCode.test(l))),
		areas: unique(params.getAll(param.area).filter((a) => areaIds.has(a))),
		openToNewcomers: params.get(param.open) === 'ja'
	};
}

/** The same URL with these filters, everything else in it kept. */
export function withFilters(url: URL, filters: AtlasFilters): URL {
	const next = new URL(url);
	for (const name of Object.values(param)) next.searchParams.delete(name);
	const add = (name: string, values: readonly string[]) => {
		for (const value of [...values].sort()) next.searchParams.append(name, value);
	};
	add(param.theme, filters.themes);
	add(param.kind, filters.kinds);
	add(param.language, filters.languages);
	add(param.area, filters.areas);
	if (filters.openToNewcomers) next.searchParams.set(param.open, 'ja');
	return next;
}

export function activeFilterCount(filters: AtlasFilters): number {
	return (
		filters.themes.length +
		filters.kinds.length +
		filters.languages.length +
		filters.areas.length +
		(filters.openToNewcomers ? 1 : 0)
	);
}

/** The chosen areas and every area within them, or null for "anywhere". */
export function areaScope(
	chosen: readonly string[],
	areas: readonly Pick<Area, 'id' | 'parentId'>[]
): ReadonlySet<string> | null {
	if (chosen.length === 0) return null;
	const scope = new Set(chosen);
	// Areas nest a few levels deep at most; add children until nothing changes.
	let grew = true;
	while (grew) {
		grew = false;
		for (const area of areas) {
			if (area.parentId && scope.has(area.parentId) && !scope.has(area.id)) {
				scope.add(area.id);
				grew = true;
			}
		}
	}
	return scope;
}

/**
 * Any of the chosen themes, kinds and languages, in the area (scope from
 * areaScope), and open if asked.
 */
export function matchesFilters(
	organisation: AtlasOrganisation,
	filters: AtlasFilters,
	scope: ReadonlySet<string> | null = null
): boolean {
	return (
		(filters.themes.length === 0 || filters.themes.some((t) => organisation.themes.includes(t))) &&
		(filters.kinds.length === 0 || filters.kinds.includes(organisation.kind)) &&
		(filters.languages.length === 0 ||
			filters.languages.some((l) => organisation.languages.includes(l))) &&
		(scope === null || (organisation.areaId !== null && scope.has(organisation.areaId))) &&
		(!filters.openToNewcomers || organisation.openToNewcomers)
	);
}

/**
 * How many organisations lie in each area, counting those of a wijk in its
 * stadsdeel too.
 */
export function countsByArea(
	organisations: readonly Pick<AtlasOrganisation, 'areaId'>[],
	areas: readonly Pick<Area, 'id' | 'parentId'>[]
): Map<string, number> {
	const parentOf = new Map(areas.map((a) => [a.id, a.parentId]));
	const counts = new Map<string, number>();
	for (const { areaId } of organisations) {
		let area: string | null | undefined = areaId;
		const seen = new Set<string>();
		while (area && !seen.has(area)) {
			seen.add(area);
			counts.set(area, (counts.get(area) ?? 0) + 1);
			area = parentOf.get(area);
		}
	}
	return counts;
}
