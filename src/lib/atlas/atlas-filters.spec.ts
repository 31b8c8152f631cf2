import { describe, expect, it } from 'vitest';
import { atlasOrganisation as organisation } from '$lib/data/factories';
import {
	activeFilterCount,
	filtersFromUrl,
	matchesFilters,
	noFilters,
	withFilters
} from './atlas-filters';

const themes = ['wonen', 'energie', 'taal-inburgering'];

describe('filtersFromUrl', () => {
	it('reads repeated themes and kinds and the open flag', () => {
		const params = new URLSearchParams('thema=wonen&thema=energie&soort=police&open=ja');
		expect(filtersFromUrl(params, themes)).toEqual({
			themes: ['wonen', 'energie'],
			kinds: ['police'],
			openToNewcomers: true
		});
	});

	it('drops what it does not know, and doubles', () => {
		const params = new URLSearchParams(
			'thema=ruimtevaart&thema=wonen&thema=wonen&soort=spaceship&open=1'
		);
		expect(filtersFromUrl(params, themes)).toEqual({
			themes: ['wonen'],
			kinds: [],
			openToNewcomers: false
		});
	});
});

describe('withFilters', () => {
	it('writes filters in a stable order and keeps other parameters', () => {
		const url = new URL('https://atlas.example/organisaties/x?kaart=13/52.37/4.8&thema=wonen');
		const next = withFilters(url, {
			themes: ['wonen', 'energie'],
			kinds: ['care'],
			openToNewcomers: true
		});
		expect(next.pathname).toBe('/organisaties/x');
		expect(next.search).toBe(
			'?kaart=13%2F52.37%2F4.8&thema=energie&thema=wonen&soort=care&open=ja'
		);
	});

	it('round-trips through the URL', () => {
		const filters = { themes: ['energie'], kinds: ['police' as const], openToNewcomers: true };
		const url = withFilters(new URL('https://atlas.example/'), filters);
		expect(filtersFromUrl(url.searchParams, themes)).toEqual(filters);
		expect(withFilters(url, noFilters).search).toBe('');
	});
});

describe('matchesFilters', () => {
	it('keeps everything without filters', () => {
		expect(matchesFilters(organisation(), noFilters)).toBe(true);
		expect(activeFilterCount(noFilters)).toBe(0);
	});

	it('needs any chosen theme, any chosen kind, and openness when asked', () => {
		const taalcafe = organisation({ themes: ['taal-inburgering'], openToNewcomers: true });
		expect(matchesFilters(taalcafe, { ...noFilters, themes: ['wonen', 'taal-inburgering'] })).toBe(
			true
		);
		expect(matchesFilters(taalcafe, { ...noFilters, themes: ['energie'] })).toBe(false);
		expect(matchesFilters(taalcafe, { ...noFilters, kinds: ['police'] })).toBe(false);
		expect(matchesFilters(taalcafe, { ...noFilters, openToNewcomers: true })).toBe(true);
		expect(matchesFilters(organisation(), { ...noFilters, openToNewcomers: true })).toBe(false);
		expect(activeFilterCount({ themes: ['a'], kinds: ['care'], openToNewcomers: true })).toBe(3);
	});
});
