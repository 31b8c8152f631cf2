import { describe, expect, it } from 'vitest';
import {
	activeFilterCount,
	areaScope,
	asOfDay,
	dateInWords,
	filtersFromUrl,
	noFilters,
	readsOwnAnswer,
	toAtlasQuery,
	withFilters
} from './atlas-filters';

const areas = [
	{ id: 'F', parentId: null },
	{ id: 'WK036378', parentId: 'F' },
	{ id: 'WK036389', parentId: 'F' },
	{ id: 'BU03637801', parentId: 'WK036378' }
];
const known = { themes: ['wonen', 'energie', 'taal-inburgering'], areas };

describe('filtersFromUrl', () => {
	it('reads repeated themes, kinds, languages and areas and the open flag', () => {
		const params = new URLSearchParams(
			'thema=wonen&thema=energie&soort=police&taal=ar&taal=tr&gebied=WK036378&open=ja&zoek=+repair+&programma=samen-nieuw-west'
		);
		expect(filtersFromUrl(params, known)).toEqual({
			themes: ['wonen', 'energie'],
			kinds: ['police'],
			languages: ['ar', 'tr'],
			areas: ['WK036378'],
			openToNewcomers: true,
			query: 'repair',
			date: '',
			programmes: ['samen-nieuw-west']
		});
	});

	it('drops what it does not know, and doubles', () => {
		const params = new URLSearchParams(
			'thema=ruimtevaart&thema=wonen&thema=wonen&soort=spaceship&taal=Klingon&gebied=Mars&open=1&programma=Geen+Slug'
		);
		expect(filtersFromUrl(params, known)).toEqual({ ...noFilters, themes: ['wonen'] });
	});
});

describe('withFilters', () => {
	it('writes filters in a stable order and keeps other parameters', () => {
		const url = new URL('https://atlas.example/organisaties/x?kaart=13/52.37/4.8&thema=wonen');
		const next = withFilters(url, {
			...noFilters,
			themes: ['wonen', 'energie'],
			kinds: ['care'],
			languages: ['tr', 'ar'],
			areas: ['F'],
			openToNewcomers: true
		});
		expect(next.pathname).toBe('/organisaties/x');
		expect(next.search).toBe(
			'?kaart=13%2F52.37%2F4.8&thema=energie&thema=wonen&soort=care&taal=ar&taal=tr&gebied=F&open=ja'
		);
	});

	it('round-trips through the URL', () => {
		const filters = {
			themes: ['energie'],
			kinds: ['police' as const],
			languages: ['ar'],
			areas: ['WK036389'],
			openToNewcomers: true,
			query: 'taal café',
			date: '2021-06',
			programmes: ['kracht-van-nieuw-west']
		};
		const url = withFilters(new URL('https://atlas.example/'), filters);
		expect(filtersFromUrl(url.searchParams, known)).toEqual(filters);
		expect(withFilters(url, noFilters).search).toBe('');
	});
});

describe('the date', () => {
	it('reads a year, a month or a day as the last day of that period', () => {
		expect(asOfDay('2021')).toBe('2021-12-31');
		expect(asOfDay('2024-02')).toBe('2024-02-29');
		expect(asOfDay('2023-02')).toBe('2023-02-28');
		expect(asOfDay('2021-06-15')).toBe('2021-06-15');
	});

	it('drops what is no real date, so an old or mistyped link still opens, today', () => {
		for (const wrong of ['2021-13', '2021-02-30', '21', 'gisteren', '1850', '2021-6']) {
			expect(asOfDay(wrong), wrong).toBeUndefined();
			expect(filtersFromUrl(new URLSearchParams({ datum: wrong }), known).date).toBe('');
		}
	});

	it('says the date in words: the end of a year, or the day', () => {
		expect(dateInWords('2021', 'nl')).toBe('Eind 2021');
		expect(dateInWords('2021-06', 'nl')).toBe('30 juni 2021');
		expect(dateInWords('2021-06-15', 'nl')).toBe('15 juni 2021');
		expect(dateInWords('gisteren', 'nl')).toBe('');
	});

	it('asks the database for its own answer at a date, and is no filter a person chose', () => {
		const at2021 = { ...noFilters, date: '2021' };
		expect(toAtlasQuery(at2021).asOf).toBe('2021-12-31');
		expect(toAtlasQuery(noFilters)).not.toHaveProperty('asOf');
		expect(readsOwnAnswer(at2021)).toBe(true);
		expect(readsOwnAnswer(noFilters)).toBe(false);
		expect(activeFilterCount(at2021)).toBe(0);
	});
});

describe('areaScope', () => {
	it('is the chosen areas and everything in them, or anywhere', () => {
		expect([...(areaScope(['WK036378'], areas) ?? [])].sort()).toEqual(['BU03637801', 'WK036378']);
		expect(areaScope(['F'], areas)?.size).toBe(4);
		expect(areaScope([], areas)).toBeNull();
	});
});

describe('activeFilterCount', () => {
	it('counts each chosen value, openness and a text query', () => {
		expect(activeFilterCount(noFilters)).toBe(0);
		expect(
			activeFilterCount({
				...noFilters,
				themes: ['a'],
				kinds: ['care'],
				openToNewcomers: true,
				query: 'repair'
			})
		).toBe(4);
	});
});
