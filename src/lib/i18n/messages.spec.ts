import { describe, expect, it } from 'vitest';
import nl from '../../../messages/nl.json';
import en from '../../../messages/en.json';
import tr from '../../../messages/tr.json';
import ar from '../../../messages/ar.json';
import settings from '../../../project.inlang/settings.json';
import { collaborationKinds, organisationKinds, kindGroups } from '$lib/data/types';
import { locales } from '$lib/paraglide/runtime';

type Messages = Record<string, unknown>;
const catalogues: Record<string, Messages> = { nl, en, tr, ar };

/** A message with variants (plurals) is a list of one object with a match table. */
type Variants = { declarations: string[]; selectors: string[]; match: Record<string, string> };
const variantsOf = (message: unknown) =>
	Array.isArray(message) ? (message[0] as Variants) : undefined;

/** Every text a message can show: the message itself, or each of its variants. */
const textsOf = (message: unknown): string[] =>
	typeof message === 'string' ? [message] : Object.values(variantsOf(message)?.match ?? {});

describe('translations', () => {
	it('exist for every language the app offers, and the app offers every catalogue', () => {
		expect([...locales].sort()).toEqual(Object.keys(catalogues).sort());
		expect([...settings.locales].sort()).toEqual(Object.keys(catalogues).sort());
	});

	for (const [locale, messages] of Object.entries(catalogues)) {
		describe(locale, () => {
			it('has every message Dutch has, and no other', () => {
				expect(Object.keys(messages).sort()).toEqual(Object.keys(nl).sort());
			});

			it('has no empty text', () => {
				for (const [key, message] of Object.entries(messages)) {
					if (key === '$schema') continue;
					for (const text of textsOf(message)) expect(text.trim(), key).not.toBe('');
				}
			});

			it('keeps the placeholders of the Dutch message', () => {
				const placeholders = (message: unknown) =>
					[
						...new Set([...JSON.stringify(message ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1]))
					].sort();
				for (const [key, message] of Object.entries(nl)) {
					// A variant may say "one" where Dutch says "1": compare what is declared and used.
					const ours = placeholders(messages[key]);
					for (const name of ours) expect(placeholders(message), key).toContain(name);
				}
			});

			it('covers every plural category of the language in each message with variants', () => {
				const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
				for (const [key, message] of Object.entries(messages)) {
					const variants = variantsOf(message);
					if (!variants) continue;
					const plural = variants.selectors.find((s) => /Plural$/.test(s))!;
					const covered = new Set(
						Object.keys(variants.match).flatMap((combination) =>
							combination
								.split(/,\s*/)
								.filter((part) => part.startsWith(`${plural}=`))
								.map((part) => part.slice(plural.length + 1))
						)
					);
					if (covered.has('*')) continue;
					for (const category of categories)
						expect(covered, `${key}: ${category}`).toContain(category);
				}
			});

			if (locale !== 'nl' && locale !== 'en') {
				it('is translated, not copied from English', () => {
					// Names, codes and formats are the same in every language; a sentence is not.
					const names = new Set(['$schema', 'export_hsds', 'lang_srn']);
					const same = Object.keys(en).filter(
						(key) =>
							!names.has(key) &&
							JSON.stringify(messages[key]) === JSON.stringify((en as Messages)[key]) &&
							/[a-z]{3,} [a-z]{3,}/i.test(JSON.stringify(messages[key]))
					);
					expect(same).toEqual([]);
				});
			}
		});
	}

	it('write Arabic in Arabic script and Turkish with its own letters', () => {
		const arabicScript = /[\u0600-\u06FF]/;
		const sentences = Object.entries(ar).filter(
			([key, text]) => key !== '$schema' && typeof text === 'string' && text.includes(' ')
		);
		const inArabic = sentences.filter(([, text]) => arabicScript.test(text as string));
		expect(inArabic.length / sentences.length).toBeGreaterThan(0.97);
		expect(JSON.stringify(tr)).toMatch(/[çğıöşü]/);
	});

	it('label every kind, kind group and kind of collaboration', () => {
		for (const kind of organisationKinds) expect(nl).toHaveProperty(`kind_${kind}`);
		for (const group of kindGroups) expect(nl).toHaveProperty(`group_${group}`);
		for (const kind of collaborationKinds) expect(nl).toHaveProperty(`collaboration_${kind}`);
	});
});
