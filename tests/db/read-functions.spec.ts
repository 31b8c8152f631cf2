/**
 * The read functions the app calls, through the same transport and decoding the
 * embedded adapter uses, as the anonymous visitor the app acts as.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/lib/data/backend';
import {
	anon,
	databaseKinds,
	openTestDatabase,
	signedIn,
	users,
	type TestDatabase
} from './harness';
import { backendFor } from './port';

/** Nieuw-West, roughly. */
const nieuwWest = [4.74, 52.33, 4.86, 52.395] as const;

describe.each(databaseKinds)('read functions on %s', (kind) => {
	let db: TestDatabase;
	let backend: Backend;
	beforeAll(async () => {
		db = await openTestDatabase(kind);
		backend = backendFor(db, anon);
	});
	afterAll(() => db?.close());

	describe('atlas()', () => {
		it('returns every published organisation and the collaborations among them', async () => {
			const atlas = await backend.atlas();
			expect(atlas.organisations.length).toBeGreaterThanOrEqual(60);
			expect(atlas.collaborations.length).toBeGreaterThanOrEqual(100);
			expect(atlas.memberships?.length).toBeGreaterThanOrEqual(25);
			const ids = new Set(atlas.organisations.map((o) => o.id));
			for (const c of atlas.collaborations) {
				expect(ids.has(c.source) && ids.has(c.target)).toBe(true);
			}
			expect(atlas.organisations.map((o) => o.slug)).not.toContain(
				'buurtmoestuin-ookmeer-in-oprichting'
			);
			expect(atlas.organisations.map((o) => o.slug)).not.toContain('wijkkrant-eendracht');
		});

		it('keeps to the bounding box', async () => {
			const atlas = await backend.atlas({ bbox: nieuwWest });
			const slugs = atlas.organisations.map((o) => o.slug);
			expect(slugs).toContain('wij-zijn-plein-40-45');
			expect(slugs).not.toContain('bewonersbedrijf-heechterp-schieringen');
			for (const o of atlas.organisations) {
				expect(o.lng).toBeGreaterThanOrEqual(nieuwWest[0]);
				expect(o.lat).toBeLessThanOrEqual(nieuwWest[3]);
			}
		});

		it('filters on themes, kinds and areas, each meaning "any of these"', async () => {
			const energie = await backend.atlas({ themes: ['energie'] });
			expect(energie.organisations.map((o) => o.slug).sort()).toEqual([
				'energiecooperatie-nieuw-west',
				'woon'
			]);
			for (const o of energie.organisations) expect(o.themes).toContain('energie');

			const corporations = await backend.atlas({ kinds: ['housing_corporation'] });
			expect(corporations.organisations).toHaveLength(5);
			expect(corporations.collaborations).toEqual([]);

			const slotervaartZuid = await backend.atlas({ areas: ['WK036389'] });
			expect(slotervaartZuid.organisations.length).toBeGreaterThan(3);
			for (const o of slotervaartZuid.organisations) expect(o.areaId).toBe('WK036389');

			const both = await backend.atlas({
				kinds: ['resident_initiative'],
				themes: ['taal-inburgering']
			});
			expect(both.organisations.map((o) => o.slug).sort()).toEqual([
				'taalcafe-geuzenveld',
				'vrouwengroep-overtoomse-veld'
			]);
		});

		it('carries each organisation’s languages, and filters on any of them', async () => {
			const all = await backend.atlas();
			const plein = all.organisations.find((o) => o.slug === 'wij-zijn-plein-40-45');
			expect(plein?.languages).toEqual(['nl', 'ar', 'tr']);

			const arabic = await backend.atlas({ languages: ['ar'] });
			expect(arabic.organisations.length).toBeGreaterThan(1);
			expect(arabic.organisations.length).toBeLessThan(all.organisations.length);
			for (const o of arabic.organisations) expect(o.languages).toContain('ar');
			const arabicOrTurkish = await backend.atlas({ languages: ['ar', 'tr'] });
			expect(arabicOrTurkish.organisations.length).toBeGreaterThanOrEqual(
				arabic.organisations.length
			);
		});

		it('orders organisations by name, the same every time', async () => {
			const names = (await backend.atlas()).organisations.map((o) => o.name);
			expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
		});

		it('shows a member their draft in the atlas', async () => {
			const atlas = await backendFor(db, signedIn(users.daan)).atlas();
			expect(atlas.organisations.map((o) => o.slug)).toContain(
				'buurtmoestuin-ookmeer-in-oprichting'
			);
		});
	});

	describe('organisation_detail()', () => {
		it('returns the organisation with its themes, area and collaborations', async () => {
			const plein = await backend.organisation('wij-zijn-plein-40-45');
			expect(plein?.name).toBe('Wij Zijn Plein ’40-’45');
			expect(plein?.area).toEqual({ id: 'WK036376', level: 'wijk', name: 'Slotermeer-Noordoost' });
			expect(plein?.themes).toEqual(['wonen', 'cultuur-ontmoeting', 'zeggenschap']);
			const partners = plein?.collaborations.map((c) => c.partner.slug) ?? [];
			expect(partners).toContain('stadsdeel-nieuw-west');
			expect(partners).toContain('bibliotheek-slotermeer');
			// Who belongs to it is no collaboration: the coalition is a programme with members.
			expect(partners).not.toContain('buurtredactie-plein-40-45');
			expect(plein?.programme).toEqual({ kind: 'coalition', members: 2, parent: null });
			// And it is itself a member of another coalition, with the direction said.
			expect(plein?.memberships.map((m) => [m.programme.slug, m.role])).toEqual([
				['coalitie-buurtplatforms-ontwikkelbuurten', 'lid']
			]);
			const stadsdeel = plein?.collaborations.find(
				(c) => c.partner.slug === 'stadsdeel-nieuw-west'
			);
			expect(stadsdeel?.direction).toBe('incoming');
		});

		it('shows anonymous visitors no contact person who did not opt in', async () => {
			const plein = await backend.organisation('wij-zijn-plein-40-45');
			expect(plein?.contactPeople).toEqual([]);
			const repair = await backend.organisation('repair-cafe-osdorp');
			expect(repair?.contactPeople.map((p) => p.name)).toEqual(['Daan (demo)']);
			const asMember = await backendFor(db, signedIn(users.fatima)).organisation(
				'wij-zijn-plein-40-45'
			);
			expect(asMember?.contactPeople.map((p) => p.name)).toEqual(['Fatima (demo)']);
		});

		it('returns null for drafts, unknown slugs and hidden partners alike', async () => {
			expect(await backend.organisation('buurtmoestuin-ookmeer-in-oprichting')).toBeNull();
			expect(await backend.organisation('bestaat-niet')).toBeNull();
			const moestuin = await backend.organisation('moestuin-sloterpark');
			expect(moestuin?.collaborations.map((c) => c.partner.slug)).not.toContain(
				'buurtmoestuin-ookmeer-in-oprichting'
			);
		});
	});

	describe('search_organisations()', () => {
		it('finds “Plein ’40-’45” from “plein 40 45”, ignoring accents, case and punctuation', async () => {
			const hits = await backend.search('plein 40 45');
			expect(hits[0]?.slug).toBe('wij-zijn-plein-40-45');
			expect(hits.map((h) => h.slug)).toContain('buurtredactie-plein-40-45');
		});

		it('finds “Coöperatie” from “COOPERATIE”', async () => {
			const hits = await backend.search('COOPERATIE samen');
			expect(hits[0]?.slug).toBe('cooperatie-samen-aan-de-slag');
		});

		it('puts names that start with the query first', async () => {
			const hits = await backend.search('buurt');
			expect(hits[0]?.name.toLowerCase().startsWith('buurt')).toBe(true);
		});

		it('forgives a typo in a name', async () => {
			const hits = await backend.search('repiar cafe');
			expect(hits[0]?.slug).toBe('repair-cafe-osdorp');
		});

		it('finds words in the description and address too', async () => {
			const hits = await backend.search('osdorpplein');
			expect(hits.map((h) => h.slug)).toContain('stadsdeel-nieuw-west');
		});

		it('returns nothing for blank or punctuation-only queries, and keeps drafts out', async () => {
			expect(await backend.search('   ')).toEqual([]);
			expect(await backend.search('’-’')).toEqual([]);
			expect(await backend.search('ookmeer')).not.toContainEqual(
				expect.objectContaining({ slug: 'buurtmoestuin-ookmeer-in-oprichting' })
			);
		});

		it('caps the number of results', async () => {
			expect(await backend.search('a', 3)).toHaveLength(3);
		});
	});

	describe('area_boundaries()', () => {
		it('is an empty collection while no area has a boundary', async () => {
			expect(await backend.areaBoundaries()).toEqual({ type: 'FeatureCollection', features: [] });
		});

		it('returns the areas that have one, as GeoJSON features anyone may read', async () => {
			const square = {
				type: 'Polygon',
				coordinates: [
					[
						[4.79, 52.35],
						[4.81, 52.35],
						[4.81, 52.37],
						[4.79, 52.37],
						[4.79, 52.35]
					]
				]
			};
			await db.query(`update public.areas set boundary = $1 where id = 'WK036381'`, [
				JSON.stringify(square)
			]);
			try {
				const boundaries = await backend.areaBoundaries();
				expect(boundaries.features).toHaveLength(1);
				expect(boundaries.features[0]).toMatchObject({
					id: 'WK036381',
					properties: { id: 'WK036381', level: 'wijk' },
					geometry: square
				});
			} finally {
				await db.query(`update public.areas set boundary = null where id = 'WK036381'`);
			}
		});
	});

	describe('reference_data()', () => {
		it('lists kinds with their group, themes and the areas of Nieuw-West', async () => {
			const reference = await backend.referenceData();
			expect(reference.organisationKinds).toContainEqual({
				id: 'resident_initiative',
				group: 'resident_led'
			});
			expect(reference.organisationKinds).toContainEqual({
				id: 'municipality',
				group: 'institution'
			});
			expect(reference.themes).toContain('taal-inburgering');
			expect(reference.areas.filter((a) => a.level === 'wijk')).toHaveLength(14);
			expect(reference.areas.find((a) => a.id === 'WK036385')?.name).toBe('Slotervaart Noord');
		});
	});
	describe('join_suggestions() through the data port', () => {
		it('decodes suggestions with what matched, best first', async () => {
			const suggestions = await backend.joinSuggestions({
				at: { lng: 4.822, lat: 52.36 },
				themes: ['werk-inkomen'],
				languages: ['ar'],
				times: ['weekday_evening']
			});
			expect(suggestions[0]).toMatchObject({
				slug: 'kookcollectief-slotervaart',
				distance: 0,
				openToNewcomers: true,
				helpWanted: ['koks', 'bezorgers'],
				matchedThemes: ['werk-inkomen'],
				matchedLanguages: ['ar'],
				matchedTimes: [{ weekday: 2, partOfDay: 'evening' }],
				meetingTimes: 'Dinsdagavond en vrijdagmiddag',
				meetingPlace: 'Buurtkeuken in Slotervaart',
				nextStep: 'Loop op dinsdagavond binnen in de buurtkeuken en kook een keer mee.',
				// Made up: no one to mail, and the app says it is an example.
				email: null,
				illustrative: true,
				freshness: 'fresh',
				meets: [
					{ weekday: 2, partOfDay: 'evening' },
					{ weekday: 5, partOfDay: 'afternoon' }
				],
				languages: ['nl', 'ar', 'tr']
			});
		});

		it('answers without any answers, and keeps to the number asked for', async () => {
			const suggestions = await backend.joinSuggestions({
				at: { lng: 4.822, lat: 52.36 },
				limit: 3
			});
			expect(suggestions).toHaveLength(3);
			expect(suggestions.every((s) => s.openToNewcomers)).toBe(true);
		});
	});
});
