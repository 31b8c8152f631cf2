/**
 * A start or an end as people say it: a year ("2019"), a month ("3-2019",
 * "2019-03") or a day ("14-3-2019", "2019-03-14"), kept as the first day of
 * that period with how precise it is; and said back the same way ("2019",
 * "maart 2019", "14 maart 2019"), never more precisely than it is known.
 */
import type { PeriodDate, Precision } from '$lib/data';
import { m } from '$lib/paraglide/messages';

/**
 * The atlas's days are days in the Netherlands, for the database ("today" in
 * its reads and checks) and the browser alike: at half past midnight in
 * Amsterdam it is already the new day, though UTC still has the old one.
 */
export const atlasTimeZone = 'Europe/Amsterdam';

const dayInAtlas = new Intl.DateTimeFormat('en', {
	timeZone: atlasTimeZone,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit'
});

/** Today in the atlas's time zone, as YYYY-MM-DD. */
export function atlasToday(now = new Date()): string {
	const part = (type: Intl.DateTimeFormatPartTypes) =>
		dayInAtlas.formatToParts(now).find((p) => p.type === type)!.value;
	return `${part('year')}-${part('month')}-${part('day')}`;
}

const iso = (year: number, month = 1, day = 1) =>
	`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

function real(year: number, month: number, day: number): boolean {
	const date = new Date(Date.UTC(year, month - 1, day));
	return (
		year >= 1900 &&
		year <= 2100 &&
		date.getUTCFullYear() === year &&
		date.getUTCMonth() === month - 1 &&
		date.getUTCDate() === day
	);
}

/**
 * Null for an empty field (unknown), undefined for text that is no date.
 * Day-month-year is the Dutch order; year first is ISO.
 */
export function parsePeriod(text: string): PeriodDate | null | undefined {
	const value = text.trim();
	if (value === '') return null;
	let match = /^(\d{4})$/.exec(value);
	if (match) {
		const year = Number(match[1]);
		return real(year, 1, 1) ? { date: iso(year), precision: 'year' } : undefined;
	}
	match = /^(\d{4})-(\d{1,2})$/.exec(value) ?? /^(\d{1,2})[-/](\d{4})$/.exec(value);
	if (match) {
		const [year, month] = match[1]!.length === 4 ? [match[1], match[2]] : [match[2], match[1]];
		return real(Number(year), Number(month), 1)
			? { date: iso(Number(year), Number(month)), precision: 'month' }
			: undefined;
	}
	match =
		/^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value) ??
		/^(\d{1,2})[-/](\d{1,2})[-/](\d{4})$/.exec(value);
	if (match) {
		const [year, month, day] =
			match[1]!.length === 4 ? [match[1], match[2], match[3]] : [match[3], match[2], match[1]];
		return real(Number(year), Number(month), Number(day))
			? { date: iso(Number(year), Number(month), Number(day)), precision: 'day' }
			: undefined;
	}
	return undefined;
}

/**
 * The last day of the period that begins on `date`, as private.period_end()
 * reads it: an end known only to the year lasts through December.
 */
export function periodEnd(date: string, precision: Precision | null): string {
	const [year, month] = date.split('-').map(Number) as [number, number];
	if (precision === 'year') return `${year}-12-31`;
	if (precision === 'month') {
		const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
		return `${date.slice(0, 7)}-${String(last).padStart(2, '0')}`;
	}
	return date;
}

/** The way to type it back into a field: "2019", "3-2019", "14-3-2019". */
export function periodInput(date: string | null, precision: Precision | null): string {
	if (!date) return '';
	const [year, month, day] = date.split('-').map(Number);
	if (precision === 'year') return String(year);
	if (precision === 'month') return `${month}-${year}`;
	return `${day}-${month}-${year}`;
}

/** In words, as precise as it is known: "2019", "maart 2019", "14 maart 2019". */
export function formatPeriod(date: string, precision: Precision | null, locale: string): string {
	const when = new Date(`${date}T12:00:00Z`);
	const options: Intl.DateTimeFormatOptions =
		precision === 'year'
			? { year: 'numeric' }
			: precision === 'month'
				? { year: 'numeric', month: 'long' }
				: { dateStyle: 'long' };
	return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(when);
}

/** When something ran, as precisely as it is known: "sinds 2019", "maart 2019 – 2022"; null when unknown. */
export function runningInWords(
	started: PeriodDate | null,
	ended: PeriodDate | null,
	locale: string
): string | null {
	const say = (d: PeriodDate) => formatPeriod(d.date, d.precision, locale);
	if (started && ended) return m.collaboration_period({ from: say(started), until: say(ended) });
	if (ended) return m.detail_ended({ date: say(ended) });
	if (started) return m.collaboration_since({ date: say(started) });
	return null;
}
