import { describe, expect, it } from 'vitest';
import { atlasOrganisation as organisation } from '$lib/data/factories';
import {
	activeFilterCount,
	areaScope,
	countsByArea,
	filtersFromUrl,
	matchesFilters,
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
			'thema=wonen&thema=energie&soort=police&taal=ar&taal=tr&gebied=WK036378&open=ja'
		);
		expect(filtersFromUrl(params, known)).toEqual({
			themes: ['wonen', 'energie'],
			kinds: ['police'],
			languages: ['ar', 'tr'],
			areas: ['WK036378'],
			openToNewcomers: true
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
			openToNewcomers: true
		};
		const url = withFilters(new URL('https://atlas.example/'), filters);
		expect(filtersFromUrl(url.searchParams, known)).toEqual(filters);
		expect(withFilters(url, noFilters).search).toBe('');
	});
});

describe('matchesFilters', () => {
	it('keeps everything without filters', () => {
		expect(matchesFilters(organisation(), noFilters)).toBe(true);
		expect(activeFilterCount(noFilters)).toBe(0);
	});

	it('needs any chosen theme, kind and language, and openness when asked', () => {
		const taalcafe = organisation({
			themes: ['taal-inburgering'],
			openToNewcomers: true,
			languages: ['nl', 'ar']
		});
		expect(matchesFilters(taalcafe, { ...noFilters, themes: ['wonen', 'taal-inburgering'] })).toBe(
			true
		);
		expect(matchesFilters(taalcafe, { ...noFilters, themes: ['energie'] })).toBe(false);
		expect(matchesFilters(taalcafe, { ...noFilters, kinds: ['police'] })).toBe(false);
		expect(matchesFilters(taalcafe, { ...noFilters, languages: ['tr', 'ar'] })).toBe(true);
		expect(matchesFilters(taalcafe, { ...noFilters, languages: ['tr'] })).toBe(false);
		expect(matchesFilters(taalcafe, { ...noFilters, openToNewcomers: true })).toBe(true);
		expect(matchesFilters(organisation(), { ...noFilters, openToNewcomers: true })).toBe(false);
		expect(
			activeFilterCount({ ...noFilters, themes: ['a'], kinds: ['care'], openToNewcomers: true })
		).toBe(3);
	});

	it('keeps to the chosen area and everything in it', () => {
		const inBuurt = organisation({ areaId: 'BU03637801' });
		const elsewhere = organisation({ areaId: 'WK036389' });
		const nowhere = organisation({ areaId: null });
		const stadsdeel = areaScope(['F'], areas);
		const wijk = areaScope(['WK036378'], areas);
		expect(matchesFilters(inBuurt, noFilters, stadsdeel)).toBe(true);
		expect(matchesFilters(elsewhere, noFilters, stadsdeel)).toBe(true);
		expect(matchesFilters(inBuurt, noFilters, wijk)).toBe(true);
		expect(matchesFilters(elsewhere, noFilters, wijk)).toBe(false);
		expect(matchesFilters(nowhere, noFilters, wijk)).toBe(false);
		expect(areaScope([], areas)).toBeNull();
	});
});

describe('countsByArea', () => {
	it('counts each organisation in its own area and every area above it', () => {
		const counts = countsByArea(
			[{ areaId: 'BU03637801' }, { areaId: 'WK036378' }, { areaId: 'WK036389' }, { areaId: null }],
			areas
		);
		expect(counts.get('F')).toBe(3);
		expect(counts.get('WK036378')).toBe(2);
		expect(counts.get('BU03637801')).toBe(1);
		expect(counts.get('WK036389')).toBe(1);
	});
});
