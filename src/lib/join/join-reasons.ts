/**
 * Why a place fits, in plain words, from what join_suggestions() matched:
 * "5 min lopen · spreekt Arabisch · komt dinsdagavond samen · zoekt koks".
 */
import { m } from '$lib/paraglide/messages';
import { languageLabel, themeLabel } from '$lib/i18n/labels';
import { cyclingMinutes, walkingMinutes } from '$lib/places/distance';
import type { JoinSuggestion, PartOfDay, TimeSlot, Travel } from '$lib/data';

const partLabels: Record<PartOfDay, () => string> = {
	morning: m.join_part_morning,
	afternoon: m.join_part_afternoon,
	evening: m.join_part_evening
};

/** 1 is Monday, as in ISO and the database; 1 January 2024 was a Monday. */
export function weekdayName(weekday: number, locale: string): string {
	const day = new Date(Date.UTC(2024, 0, weekday, 12));
	return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(day);
}

function list(items: readonly string[], locale: string, type: Intl.ListFormatType = 'conjunction') {
	return new Intl.ListFormat(locale, { type }).format(items);
}

const timeSlotLabels: Record<TimeSlot, () => string> = {
	weekday_daytime: m.join_time_weekday_daytime,
	weekday_evening: m.join_time_weekday_evening,
	weekend: m.join_time_weekend
};

/** What the newcomer asked for; each may be empty (not asked). */
export interface JoinWishes {
	travel: Travel;
	themes: readonly string[];
	languages: readonly string[];
	times: readonly TimeSlot[];
}

function times(slots: JoinSuggestion['meets'], locale: string): string {
	return list(
		slots.map((t) =>
			m.join_weekday_part({
				weekday: weekdayName(t.weekday, locale),
				part: partLabels[t.partOfDay]()
			})
		),
		locale
	);
}

/**
 * The reasons for one suggestion, and the wishes it does not meet: a newcomer
 * who asked for weekday daytime reads that the top result meets on Tuesday
 * evenings, rather than finding out at the door.
 */
export function joinReasons(
	suggestion: JoinSuggestion,
	wishes: JoinWishes,
	locale: string
): string[] {
	const reasons: string[] = [
		wishes.travel === 'cycle'
			? m.join_reason_cycle({ minutes: cyclingMinutes(suggestion.distance) })
			: m.join_reason_walk({ minutes: walkingMinutes(suggestion.distance) })
	];
	if (suggestion.matchedLanguages.length > 0) {
		const languages = suggestion.matchedLanguages.map(languageLabel);
		reasons.push(m.join_reason_speaks({ languages: list(languages, locale) }));
	} else if (wishes.languages.length > 0) {
		const asked = wishes.languages.map(languageLabel);
		reasons.push(m.join_reason_languages_unmet({ languages: list(asked, locale, 'disjunction') }));
	}
	if (suggestion.matchedTimes.length > 0) {
		reasons.push(m.join_reason_meets({ when: times(suggestion.matchedTimes, locale) }));
	} else if (wishes.times.length > 0) {
		const asked = wishes.times.map((slot) => timeSlotLabels[slot]().toLowerCase());
		const unmet = m.join_reason_times_unmet({ asked: list(asked, locale, 'disjunction') });
		const instead =
			suggestion.meets.length > 0
				? m.join_reason_meets_instead({ when: times(suggestion.meets, locale) })
				: m.join_reason_times_unknown();
		reasons.push(`${unmet}, ${instead}`);
	}
	if (suggestion.matchedThemes.length > 0) {
		const themes = suggestion.matchedThemes.map((t) => themeLabel(t).toLowerCase());
		reasons.push(m.join_reason_themes({ themes: list(themes, locale) }));
	} else if (wishes.themes.length > 0) {
		const asked = wishes.themes.map((t) => themeLabel(t).toLowerCase());
		reasons.push(m.join_reason_themes_unmet({ themes: list(asked, locale, 'disjunction') }));
	}
	if (suggestion.helpWanted.length > 0) {
		reasons.push(m.join_reason_wants({ help: list(suggestion.helpWanted, locale) }));
	}
	if (!suggestion.openToNewcomers) reasons.push(m.join_reason_not_open());
	return reasons;
}
