/**
 * Which organisations the atlas shows, as the URL says: `thema`, `soort` and
 * `taal` may repeat, `gebied` names a stadsdeel, wijk or buurt (with all that
 * lies in it), `open=ja` keeps those open to newcomers, `zoek` holds words
 * they must contain, `programma` (may repeat) keeps the members of a programme
 * or coalition and of its sub-groups, and `datum` shows the atlas as it stood then: a year
 * (2021: at its end), a month (2021-06) or a day (2021-06-15). Parameter names are Dutch because people share these
 * links. Unknown values are dropped, so an old or mistyped link still opens,
 * with whatever it says that still means something.
 *
 * What the filters mean is the database's to decide: atlas() applies them
 * (see toAtlasQuery); nothing here filters organisations.
 */
import { m } from '$lib/paraglide/messages';
import { periodEnd } from '$lib/i18n/period';
import {
	organisationKinds,
	type Area,
	type AtlasQuery,
	type OrganisationKind
} from '$lib/data/types';

export interface AtlasFilters {
	themes: string[];
	kinds: OrganisationKind[];
	languages: string[];
	areas: string[];
	openToNewcomers: boolean;
	/** Words to look for; empty for none. */
	query: string;
	/** The date the atlas is shown at, as the URL gives it (YYYY, YYYY-MM or YYYY-MM-DD); empty for today. */
	date: string;
	/** Programmes (slugs) whose members are shown, with their sub-groups'. */
	programmes: string[];
}

export const noFilters: AtlasFilters = {
	themes: [],
	kinds: [],
	languages: [],
	areas: [],
	openToNewcomers: false,
	query: '',
	date: '',
	programmes: []
};

/** The longest text query the database takes (search_organisations and atlas alike). */
export const maxQueryLength = 200;

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
	open: 'open',
	query: 'zoek',
	date: 'datum',
	programme: 'programma'
} as const;

/** A slug as the database makes them; which programmes exist is the database's to say. */
const slugPattern = /^[a-z0-9][a-z0-9-]{0,99}$/;
/** As many programmes as atlas() takes at once. */
const maxProgrammes = 20;

const datePattern = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * The last day of the period a `datum` names, as the database takes it:
 * "2021" is 31 December 2021, "2021-02" is 28 February. Undefined for
 * anything that is not a real date from 1900 to 2100.
 */
export function asOfDay(date: string): string | undefined {
	const match = datePattern.exec(date);
	if (!match) return undefined;
	const [, y, mo, d] = match;
	const year = Number(y);
	const month = mo === undefined ? 1 : Number(mo);
	if (year < 1900 || year > 2100 || month < 1 || month > 12) return undefined;
	const first = `${y}-${String(month).padStart(2, '0')}-01`;
	if (d === undefined) return periodEnd(first, mo === undefined ? 'year' : 'month');
	const day = Number(d);
	if (day < 1 || day > Number(periodEnd(first, 'month').slice(8))) return undefined;
	return `${first.slice(0, 8)}${d}`;
}

/** A `datum` in words: "Eind 2021" for a year, else the day it ends ("30 juni 2021"). */
export function dateInWords(date: string, locale: string): string {
	const day = asOfDay(date);
	if (!day) return '';
	return datePattern.exec(date)?.[2] === undefined
		? m.time_end_of_year({ year: date })
		: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
				new Date(`${day}T12:00:00Z`)
			);
}

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
		openToNewcomers: params.get(param.open) === 'ja',
		query: (params.get(param.query) ?? '').trim().slice(0, maxQueryLength),
		date: asOfDay(params.get(param.date) ?? '') ? params.get(param.date)! : '',
		programmes: unique(params.getAll(param.programme).filter((p) => slugPattern.test(p))).slice(
			0,
			maxProgrammes
		)
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
	add(param.programme, filters.programmes);
	if (filters.openToNewcomers) next.searchParams.set(param.open, 'ja');
	if (filters.query.trim()) next.searchParams.set(param.query, filters.query.trim());
	if (asOfDay(filters.date)) next.searchParams.set(param.date, filters.date);
	return next;
}

/** The filters as atlas() takes them. */
export function toAtlasQuery(filters: AtlasFilters): AtlasQuery {
	return {
		themes: filters.themes,
		kinds: filters.kinds,
		languages: filters.languages,
		areas: filters.areas,
		openToNewcomers: filters.openToNewcomers,
		query: filters.query,
		programmes: filters.programmes,
		...(asOfDay(filters.date) ? { asOf: asOfDay(filters.date) } : {})
	};
}

/**
 * Whether these filters need an answer of their own, not the whole atlas of
 * today: any filter, or a date.
 */
export function readsOwnAnswer(filters: AtlasFilters): boolean {
	return activeFilterCount(filters) > 0 || filters.date !== '';
}

/** The filters a person chose (the date is not one: the time control shows it). */
export function activeFilterCount(filters: AtlasFilters): number {
	return (
		filters.themes.length +
		filters.kinds.length +
		filters.languages.length +
		filters.areas.length +
		filters.programmes.length +
		(filters.openToNewcomers ? 1 : 0) +
		(filters.query.trim() ? 1 : 0)
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

/** The current page narrowed: these filters changed, the others (and the rest of the URL) kept. */
export function narrowedHref(
	current: URL,
	change: Partial<AtlasFilters>,
	known: KnownValues
): string {
	const next = withFilters(current, { ...filtersFromUrl(current.searchParams, known), ...change });
	return `${next.pathname}${next.search}`;
}
