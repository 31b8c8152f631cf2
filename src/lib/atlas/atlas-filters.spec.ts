import { describe, expect, it } from 'vitest';
import {
	activeFilterCount,
	areaScope,
	filtersFromUrl,
	noFilters,
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
			'thema=wonen&thema=energie&soort=police&taal=ar&taal=tr&gebied=WK036378&open=ja&zoek=+repair+'
		);
		expect(filtersFromUrl(params, known)).toEqual({
			themes: ['wonen', 'energie'],
			kinds: ['police'],
			languages: ['ar', 'tr'],
			areas: ['WK036378'],
			openToNewcomers: true,
			query: 'repair'
		});
	});

	it('drops what it does not know, and doubles', () => {
		const params = new URLSearchParams(
			'thema=ruimtevaart&thema=wonen&thema=wonen&soort=spaceship&taal=Klingon&gebied=Mars&open=1'
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
			query: 'taal café'
		};
		const url = withFilters(new URL('https://atlas.example/'), filters);
		expect(filtersFromUrl(url.searchParams, known)).toEqual(filters);
		expect(withFilters(url, noFilters).search).toBe('');
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
