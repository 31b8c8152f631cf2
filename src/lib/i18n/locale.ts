/**
 * The language the app speaks: chosen by the visitor, remembered, and in the link.
 *
 * A link's `?lang=` wins (a shared Arabic link opens in Arabic, an embed speaks
 * the language its host chose); otherwise the choice remembered in this
 * browser; otherwise Dutch. Paraglide resolves it through the strategies in
 * vite.config.ts; this module adds the link's. Formatting (numbers, dates,
 * lists, distances) goes through `formatLocale()`, never the bare locale.
 */
import {
	baseLocale,
	defineCustomClientStrategy,
	getLocale,
	getTextDirection,
	isLocale,
	localStorageKey,
	overwriteGetLocale,
	type Locale
} from '$lib/paraglide/runtime';

/** The query parameter that carries the interface language (`taal` is the languages-spoken filter). */
export const localeParam = 'lang';

/** The language a link asks for, if it names one the app speaks. */
export function localeFromUrl(url: URL): Locale | undefined {
	const asked = url.searchParams.get(localeParam);
	return asked && isLocale(asked) ? asked : undefined;
}

/**
 * The same URL in a language: Dutch, the default, needs no parameter, so
 * Dutch links stay as they always were.
 */
export function withLocale(url: URL, locale: Locale): URL {
	const next = new URL(url);
	if (locale === baseLocale) next.searchParams.delete(localeParam);
	else next.searchParams.set(localeParam, locale);
	return next;
}

/** Whether a URL already says the language it is shown in. */
export const urlSaysLocale = (url: URL, locale: Locale) =>
	locale === baseLocale
		? !url.searchParams.has(localeParam) || localeFromUrl(url) === locale
		: localeFromUrl(url) === locale;

/**
 * The locale for Intl: Arabic with Western digits, the digits of Dutch
 * street signs, postcodes and house numbers, and the ones the Moroccan
 * Dutch of Nieuw-West write (Maghrebi Arabic uses them too).
 */
const formatLocales: Record<Locale, string> = {
	nl: 'nl',
	en: 'en',
	tr: 'tr',
	ar: 'ar-u-nu-latn'
};

/** The locale to hand to Intl and toLocaleString for the language shown. */
export const formatLocale = (locale: Locale = getLocale()) => formatLocales[locale];

/** Left to right or right to left, for `dir` on the page and on canvases. */
export const textDirection = (locale: Locale = getLocale()) => getTextDirection(locale);

/** Every language by its own name, as the switch offers them. */
export const localeNames: Record<Locale, string> = {
	nl: 'Nederlands',
	en: 'English',
	tr: 'Türkçe',
	ar: 'العربية'
};

/**
 * Switch to another language: remembered in this browser, and the page
 * reloads at the same address in that language (every message, every
 * format and the direction change at once; no half-translated page).
 */
export function switchLocale(locale: Locale) {
	localStorage.setItem(localStorageKey, locale);
	window.location.assign(withLocale(new URL(window.location.href), locale));
}

/**
 * Register the link's strategy; paraglide asks it first (see vite.config.ts).
 * An embed instead speaks the language its host put in the link (Dutch when
 * none) and remembers nothing: what its visitors chose belongs to the full app,
 * and a preview framed on /inbedden must not change the composer's language.
 */
export function listenToLinks(embedded = false) {
	if (embedded) {
		const chosen = localeFromUrl(new URL(window.location.href)) ?? baseLocale;
		overwriteGetLocale(() => chosen);
		return;
	}
	defineCustomClientStrategy('custom-link', {
		getLocale: () => localeFromUrl(new URL(window.location.href)),
		// A language from the link is remembered by the localStorage strategy
		// after it; the root layout keeps ?lang= in the address as one moves on.
		setLocale: () => {}
	});
}

export type { Locale };
