import { describe, expect, it } from 'vitest';
import type { Area, AreaFigures } from '$lib/data';
import { coverage, coverageClass, type CoverageNode } from './coverage';

const area = (id: string, level: Area['level'], parentId: string | null): Area => ({
	id,
	level,
	name: id,
	parentId,
	population: null,
	hasBoundary: true
});

const areas = [
	area('F', 'stadsdeel', null),
	area('WK1', 'wijk', 'F'),
	area('WK2', 'wijk', 'F'),
	area('BU1', 'buurt', 'WK1'),
	area('BU2', 'buurt', 'WK1'),
	area('BU3', 'buurt', 'WK1'),
	area('BU4', 'buurt', 'WK2')
];

const figures = (
	areaId: string,
	inhabitants: number | null,
	extra: Partial<AreaFigures> = {}
): AreaFigures => ({
	areaId,
	year: 2023,
	inhabitants,
	age0to14: null,
	age15to24: null,
	age25to44: null,
	age45to64: null,
	age65plus: null,
	households: null,
	lowIncomeShare: null,
	source: null,
	...extra
});

const node = (
	areaId: string | null,
	themes: string[] = ['groen'],
	residentLed = true
): CoverageNode => ({
	areaId,
	residentLed,
	themes
});

const all = { theme: null, scope: null };

describe('coverage', () => {
	it('says plainly that there are no figures, rather than counting zero', () => {
		const result = coverage([node('BU1')], areas, [], all);
		expect(result).toMatchObject({ level: null, rows: [], withoutFigures: [] });
	});

	it('counts resident initiatives per 1,000 inhabitants per buurt, lowest first, figures missing apart', () => {
		const result = coverage(
			[
				node('BU1'),
				node('BU1'),
				node('BU2'),
				node('BU2', ['groen'], false),
				node('WK1'),
				node(null)
			],
			areas,
			[
				figures('BU1', 1000, { age65plus: 300, households: 500, lowIncomeShare: 20 }),
				figures('BU2', 4000, { age65plus: 200 }),
				figures('BU3', 2500, { age65plus: 900, households: 1000, lowIncomeShare: 10 }),
				figures('WK1', 7500)
			],
			all
		);
		expect(result.level).toBe('buurt');
		expect(result.year).toBe(2023);
		expect(result.rows.map((r) => [r.areaId, r.initiatives, r.perThousand])).toEqual([
			['BU3', 0, 0],
			['BU2', 1, 0.25],
			['BU1', 2, 2],
			['BU4', 0, null]
		]);
		expect(result.withoutFigures).toEqual(['BU4']);
		// Placed in the wijk only: not in any buurt.
		expect(result.notPlaced).toBe(1);
		expect(result.rows[2]?.lowIncomeHouseholds).toBe(100);
		expect(result.uncovered.byInhabitants.map((r) => r.areaId)).toEqual(['BU3']);
		expect(result.uncovered.byOlderResidents.map((r) => r.olderResidents)).toEqual([900]);
		expect(result.uncovered.byLowIncome.map((r) => r.lowIncomeHouseholds)).toEqual([100]);
		expect(result.rows.map(coverageClass)).toEqual([0, 1, 3, null]);
	});

	it('counts one theme, and only the areas the filters choose', () => {
		const result = coverage(
			[node('BU1', ['zorg']), node('BU2', ['groen'])],
			areas,
			[figures('BU1', 1000), figures('BU2', 1000), figures('BU4', 1000)],
			{ theme: 'zorg', scope: new Set(['WK1', 'BU1', 'BU2', 'BU3']) }
		);
		expect(result.rows.map((r) => [r.areaId, r.initiatives])).toEqual([
			['BU2', 0],
			['BU1', 1],
			['BU3', 0]
		]);
	});

	it('falls back to wijken when only they have figures', () => {
		const result = coverage(
			[node('BU1'), node('WK2')],
			areas,
			[figures('WK1', 5000), figures('WK2', 500)],
			all
		);
		expect(result.level).toBe('wijk');
		expect(result.rows.map((r) => [r.areaId, r.initiatives, r.perThousand])).toEqual([
			['WK1', 1, 0.2],
			['WK2', 1, 2]
		]);
		expect(result.rows.map(coverageClass)).toEqual([1, 3]);
	});
});
