/**
 * Coverage: how many resident initiatives there are for the people who live in
 * each buurt (or, where only wijken have figures, each wijk), from CBS's key
 * figures. Per 1,000 inhabitants, for all themes or one; and the areas with
 * many inhabitants, many older residents or many low-income households where
 * there is no initiative at all. Where figures are missing it says so rather
 * than guessing: an area without figures is listed apart, never counted as 0.
 */
import type { Area, AreaFigures } from '$lib/data';
import { coverageClasses } from '$lib/places/coverage-map';
import { ancestorLookup } from './gaps';

export interface CoverageNode {
	areaId: string | null;
	/** Resident-led (initiative, buurtplatform, bewonersbedrijf): what coverage counts. */
	residentLed: boolean;
	themes: readonly string[];
}

export interface CoverageRow {
	areaId: string;
	inhabitants: number | null;
	initiatives: number;
	/** Initiatives per 1,000 inhabitants; null without a count of inhabitants. */
	perThousand: number | null;
	olderResidents: number | null;
	/** Households with a low income: all households times CBS's share. */
	lowIncomeHouseholds: number | null;
}

export interface Coverage {
	/** The level analysed: the finest with figures. Null when no area has any. */
	level: 'buurt' | 'wijk' | null;
	/** The year of the figures (the latest, when areas differ). */
	year: number | null;
	/** Every area of that level in scope, lowest coverage first; those without figures last. */
	rows: CoverageRow[];
	/** Areas of that level in scope without a count of inhabitants. */
	withoutFigures: string[];
	/** Initiatives placed only in a larger area (a wijk, when buurten are analysed). */
	notPlaced: number;
	/** Areas without any initiative, most first by each measure (only where it is known). */
	uncovered: {
		byInhabitants: CoverageRow[];
		byOlderResidents: CoverageRow[];
		byLowIncome: CoverageRow[];
	};
}

export interface CoverageOptions {
	/** Count only initiatives with this theme; null for all. */
	theme: string | null;
	/** The areas the filters choose, with all that lies in them; null for all. */
	scope: ReadonlySet<string> | null;
}

export function coverage(
	nodes: readonly CoverageNode[],
	areas: readonly Area[],
	figures: readonly AreaFigures[],
	{ theme, scope }: CoverageOptions
): Coverage {
	const figuresOf = new Map(figures.map((f) => [f.areaId, f]));
	const inScope = (area: Area) => scope === null || scope.has(area.id);
	const withInhabitants = (area: Area) => figuresOf.get(area.id)?.inhabitants != null;
	const level = (['buurt', 'wijk'] as const).find((l) =>
		areas.some((a) => a.level === l && inScope(a) && withInhabitants(a))
	);
	const empty = { byInhabitants: [], byOlderResidents: [], byLowIncome: [] };
	if (!level)
		return {
			level: null,
			year: null,
			rows: [],
			withoutFigures: [],
			notPlaced: 0,
			uncovered: empty
		};

	const analysed = areas.filter((a) => a.level === level && inScope(a));
	const counts = new Map(analysed.map((a) => [a.id, 0]));
	const ancestors = ancestorLookup(areas);
	let notPlaced = 0;
	for (const node of nodes) {
		if (!node.residentLed || !node.areaId) continue;
		if (theme !== null && !node.themes.includes(theme)) continue;
		const home = ancestors(node.areaId).find((id) => counts.has(id));
		if (home) counts.set(home, counts.get(home)! + 1);
		else if (scope === null || scope.has(node.areaId)) notPlaced += 1;
	}

	const rows = analysed.map((area): CoverageRow => {
		const f = figuresOf.get(area.id);
		const inhabitants = f?.inhabitants ?? null;
		const initiatives = counts.get(area.id) ?? 0;
		return {
			areaId: area.id,
			inhabitants,
			initiatives,
			perThousand: inhabitants ? (initiatives / inhabitants) * 1000 : null,
			olderResidents: f?.age65plus ?? null,
			lowIncomeHouseholds:
				f?.households != null && f.lowIncomeShare != null
					? Math.round((f.households * f.lowIncomeShare) / 100)
					: null
		};
	});
	const known = rows.filter((r) => r.perThousand !== null);
	known.sort(
		(a, b) => a.perThousand! - b.perThousand! || (b.inhabitants ?? 0) - (a.inhabitants ?? 0)
	);
	const withoutFigures = rows.filter((r) => r.perThousand === null).map((r) => r.areaId);

	const none = known.filter((r) => r.initiatives === 0);
	const most = (measure: (r: CoverageRow) => number | null) =>
		none.filter((r) => (measure(r) ?? 0) > 0).sort((a, b) => measure(b)! - measure(a)!);
	const years = analysed.map((a) => figuresOf.get(a.id)?.year).filter((y) => y !== undefined);
	return {
		level,
		year: years.length > 0 ? Math.max(...years) : null,
		rows: [...known, ...rows.filter((r) => r.perThousand === null)],
		withoutFigures,
		notPlaced,
		uncovered: {
			byInhabitants: most((r) => r.inhabitants),
			byOlderResidents: most((r) => r.olderResidents),
			byLowIncome: most((r) => r.lowIncomeHouseholds)
		}
	};
}

/** What the map colours: each area's class (see coverageClass), null for "no figures". */
export type { CoverageMap } from '$lib/places/coverage-map';

/** The class of a row: 0 for no initiative, 1-4 upwards; null without figures. */
export function coverageClass(row: CoverageRow): number | null {
	if (row.perThousand === null) return null;
	if (row.initiatives === 0) return 0;
	const index = coverageClasses.findIndex((limit, i) => i > 0 && row.perThousand! <= limit);
	return index === -1 ? coverageClasses.length : index;
}
