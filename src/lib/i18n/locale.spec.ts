import { describe, expect, it } from 'vitest';
import { formatLocale, localeFromUrl, textDirection, urlSaysLocale, withLocale } from './locale';
import { formatDistance } from '$lib/places/distance';
import { formatPeriod } from './period';
import { weekdayName } from '$lib/join/join-reasons';

const at = (href: string) => new URL(href, 'https://buurtatlas.example');

describe('the language in the link', () => {
	it('reads a language the app speaks and ignores any other', () => {
		expect(localeFromUrl(at('/?lang=ar'))).toBe('ar');
		expect(localeFromUrl(at('/netwerk?thema=wonen&lang=tr'))).toBe('tr');
		expect(localeFromUrl(at('/?lang=xx'))).toBeUndefined();
		expect(localeFromUrl(at('/?taal=ar'))).toBeUndefined();
	});

	it('adds the language and keeps the rest of the link; Dutch needs none', () => {
		const url = withLocale(at('/?thema=wonen&taal=ar#x'), 'tr');
		expect(url.searchParams.get('lang')).toBe('tr');
		expect(url.searchParams.get('taal')).toBe('ar');
		expect(url.hash).toBe('#x');
		expect(withLocale(url, 'nl').searchParams.has('lang')).toBe(false);
	});

	it('knows when a link already says the language shown', () => {
		expect(urlSaysLocale(at('/?lang=ar'), 'ar')).toBe(true);
		expect(urlSaysLocale(at('/'), 'ar')).toBe(false);
		expect(urlSaysLocale(at('/?lang=tr'), 'ar')).toBe(false);
		expect(urlSaysLocale(at('/'), 'nl')).toBe(true);
		expect(urlSaysLocale(at('/?lang=en'), 'nl')).toBe(false);
	});
});

describe('formatting per language', () => {
	it('writes Arabic right to left and the others left to right', () => {
		expect(textDirection('ar')).toBe('rtl');
		for (const locale of ['nl', 'en', 'tr'] as const) expect(textDirection(locale)).toBe('ltr');
	});

	it('formats numbers in the way of each language, Arabic with the digits of Dutch streets', () => {
		const number = (locale: Parameters<typeof formatLocale>[0]) =>
			new Intl.NumberFormat(formatLocale(locale)).format(12345.5);
		expect(number('nl')).toBe('12.345,5');
		expect(number('en')).toBe('12,345.5');
		expect(number('tr')).toBe('12.345,5');
		expect(number('ar')).toMatch(/^12[,٬]345[.٫]5$/);
	});

	it('formats distances, dates, weekdays and lists in each language', () => {
		expect(formatDistance(1500, formatLocale('nl'))).toMatch(/1,5\s*km/);
		expect(formatDistance(1500, formatLocale('tr'))).toMatch(/1,5\s*km/);
		expect(formatDistance(400, formatLocale('ar'))).toMatch(/400/);
		expect(formatDistance(400, formatLocale('ar'))).toMatch(/[\u0600-\u06FF]/);

		expect(formatPeriod('2021-03-01', 'month', formatLocale('nl'))).toBe('maart 2021');
		expect(formatPeriod('2021-03-01', 'month', formatLocale('tr'))).toBe('Mart 2021');
		expect(formatPeriod('2021-03-01', 'month', formatLocale('ar'))).toMatch(/مارس 2021/);

		// 2026-11-30 is a Monday.
		expect(weekdayName(1, formatLocale('tr'))).toBe('Pazartesi');
		expect(weekdayName(1, formatLocale('ar'))).toBe('الاثنين');

		const list = (locale: Parameters<typeof formatLocale>[0]) =>
			new Intl.ListFormat(formatLocale(locale), { type: 'conjunction' }).format(['A', 'B', 'C']);
		expect(list('nl')).toBe('A, B en C');
		expect(list('tr')).toBe('A, B ve C');
		expect(list('ar')).toMatch(/و/);
	});
});
