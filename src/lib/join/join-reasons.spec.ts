import { describe, expect, it } from 'vitest';
import type { JoinSuggestion } from '$lib/data';
import { joinReasons, weekdayName, type JoinWishes } from './join-reasons';

const walking: JoinWishes = { travel: 'walk', themes: [], languages: [], times: [] };

const suggestion = (overrides: Partial<JoinSuggestion> = {}): JoinSuggestion => ({
	id: 'id',
	slug: 'kookcollectief',
	name: 'Kookcollectief',
	kind: 'social_enterprise',
	lng: 4.82,
	lat: 52.36,
	distance: 300,
	openToNewcomers: true,
	helpWanted: [],
	matchedThemes: [],
	matchedLanguages: [],
	matchedTimes: [],
	meets: [],
	languages: ['nl'],
	score: 0,
	illustrative: false,
	freshness: 'fresh',
	meetingTimes: null,
	meetingPlace: null,
	nextStep: null,
	textLanguage: 'nl',
	website: null,
	email: null,
	phone: null,
	...overrides
});

describe('joinReasons', () => {
	it('says why in plain Dutch, in the order a newcomer weighs it', () => {
		expect(
			joinReasons(
				suggestion({
					matchedLanguages: ['ar'],
					matchedTimes: [{ weekday: 2, partOfDay: 'evening' }],
					helpWanted: ['koks']
				}),
				walking,
				'nl'
			).join(' · ')
		).toBe('5 min lopen · spreekt Arabisch · komt dinsdagavond samen · zoekt koks');
	});

	it('gives cycling minutes by bike, lists several times, and warns when it is not open', () => {
		const reasons = joinReasons(
			suggestion({
				distance: 2000,
				openToNewcomers: false,
				matchedTimes: [
					{ weekday: 2, partOfDay: 'evening' },
					{ weekday: 6, partOfDay: 'morning' }
				]
			}),
			{ ...walking, travel: 'cycle' },
			'nl'
		);
		expect(reasons).toEqual([
			'10 min fietsen',
			'komt dinsdagavond en zaterdagochtend samen',
			'zoekt nu geen nieuwe mensen'
		]);
	});

	it('says which wishes a place does not meet, and when it meets instead', () => {
		const reasons = joinReasons(
			suggestion({
				meets: [{ weekday: 2, partOfDay: 'evening' }],
				matchedLanguages: ['ar']
			}),
			{
				...walking,
				languages: ['ar'],
				times: ['weekday_daytime'],
				themes: ['veiligheid', 'wonen']
			},
			'nl'
		);
		expect(reasons).toEqual([
			'5 min lopen',
			'spreekt Arabisch',
			'komt niet doordeweeks overdag samen, wel op dinsdagavond',
			'niet over veiligheid of wonen'
		]);
	});

	it('says a wished language is not spoken, and that times are not known when none are given', () => {
		const reasons = joinReasons(
			suggestion(),
			{ ...walking, languages: ['tr', 'ar'], times: ['weekend'] },
			'nl'
		);
		expect(reasons).toEqual([
			'5 min lopen',
			'spreekt geen Turks of Arabisch',
			'komt niet in het weekend samen, tijden niet bekend'
		]);
	});

	it('names ISO weekdays, Monday first', () => {
		expect([1, 7].map((d) => weekdayName(d, 'nl'))).toEqual(['maandag', 'zondag']);
	});
});
