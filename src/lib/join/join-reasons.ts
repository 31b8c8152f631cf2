/**
 * Why a place fits, in plain words, from what join_suggestions() matched:
 * "5 min lopen · spreekt Arabisch · komt dinsdagavond samen · zoekt koks".
 */
import { m } from '$lib/paraglide/messages';
import { languageLabel, themeLabel } from '$lib/i18n/labels';
import { cyclingMinutes, walkingMinutes } from '$lib/places/distance';
import type { JoinSuggestion, PartOfDay, Travel } from '$lib/data';

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

function list(items: readonly string[], locale: string): string {
	return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
}

export function joinReasons(suggestion: JoinSuggestion, travel: Travel, locale: string): string[] {
	const reasons = [
		travel === 'cycle'
			? m.join_reason_cycle({ minutes: cyclingMinutes(suggestion.distance) })
			: m.join_reason_walk({ minutes: walkingMinutes(suggestion.distance) })
	];
	if (suggestion.matchedLanguages.length > 0) {
		const languages = suggestion.matchedLanguages.map(languageLabel);
		reasons.push(m.join_reason_speaks({ languages: list(languages, locale) }));
	}
	if (suggestion.matchedTimes.length > 0) {
		const times = suggestion.matchedTimes.map((t) =>
			m.join_weekday_part({
				weekday: weekdayName(t.weekday, locale),
				part: partLabels[t.partOfDay]()
			})
		);
		reasons.push(m.join_reason_meets({ when: list(times, locale) }));
	}
	if (suggestion.matchedThemes.length > 0) {
		const themes = suggestion.matchedThemes.map((t) => themeLabel(t).toLowerCase());
		reasons.push(m.join_reason_themes({ themes: list(themes, locale) }));
	}
	if (suggestion.helpWanted.length > 0) {
		reasons.push(m.join_reason_wants({ help: list(suggestion.helpWanted, locale) }));
	}
	if (!suggestion.openToNewcomers) reasons.push(m.join_reason_not_open());
	return reasons;
}
