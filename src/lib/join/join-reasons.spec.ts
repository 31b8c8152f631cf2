import { describe, expect, it } from 'vitest';
import type { JoinSuggestion } from '$lib/data';
import { joinReasons, weekdayName } from './join-reasons';

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
	score: 0,
	meetingTimes: null,
	meetingPlace: null,
	nextStep: null,
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
				'walk',
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
			'cycle',
			'nl'
		);
		expect(reasons).toEqual([
			'10 min fietsen',
			'komt dinsdagavond en zaterdagochtend samen',
			'zoekt nu geen nieuwe mensen'
		]);
	});

	it('names ISO weekdays, Monday first', () => {
		expect([1, 7].map((d) => weekdayName(d, 'nl'))).toEqual(['maandag', 'zondag']);
	});
});
