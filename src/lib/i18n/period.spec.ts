import { describe, expect, it } from 'vitest';
import { atlasToday, formatPeriod, parsePeriod, periodInput } from './period';

describe('parsePeriod', () => {
	it('reads a year, a month or a day, in Dutch order or ISO', () => {
		expect(parsePeriod('2019')).toEqual({ date: '2019-01-01', precision: 'year' });
		expect(parsePeriod('3-2019')).toEqual({ date: '2019-03-01', precision: 'month' });
		expect(parsePeriod('2019-03')).toEqual({ date: '2019-03-01', precision: 'month' });
		expect(parsePeriod(' 14-3-2019 ')).toEqual({ date: '2019-03-14', precision: 'day' });
		expect(parsePeriod('14/03/2019')).toEqual({ date: '2019-03-14', precision: 'day' });
		expect(parsePeriod('2019-03-14')).toEqual({ date: '2019-03-14', precision: 'day' });
	});

	it('is null for an empty field, and undefined for what is no date', () => {
		expect(parsePeriod('  ')).toBeNull();
		for (const wrong of ['19', '13-2019', '30-2-2021', 'maart', '2019-3-', '1850', '2019/3'])
			expect(parsePeriod(wrong), wrong).toBeUndefined();
	});
});

describe('formatPeriod and periodInput', () => {
	it('say a date no more precisely than it is known', () => {
		expect(formatPeriod('2019-01-01', 'year', 'nl')).toBe('2019');
		expect(formatPeriod('2019-03-01', 'month', 'nl')).toBe('maart 2019');
		expect(formatPeriod('2019-03-14', 'day', 'nl')).toBe('14 maart 2019');
		expect(formatPeriod('2019-03-14', null, 'en')).toBe('March 14, 2019');
	});

	it('write back what parsePeriod reads', () => {
		for (const text of ['2019', '3-2019', '14-3-2019']) {
			const period = parsePeriod(text)!;
			expect(periodInput(period.date, period.precision)).toBe(text);
		}
		expect(periodInput(null, null)).toBe('');
	});
});

describe('atlasToday', () => {
	it('is the date in Amsterdam, which turns before UTC does', () => {
		// Winter (UTC+1): half past midnight on 16 January in Amsterdam is still the 15th in UTC.
		expect(atlasToday(new Date('2026-01-15T23:30:00Z'))).toBe('2026-01-16');
		expect(atlasToday(new Date('2026-01-15T22:30:00Z'))).toBe('2026-01-15');
		// Summer (UTC+2): the day turns at 22:00 UTC.
		expect(atlasToday(new Date('2026-07-01T22:30:00Z'))).toBe('2026-07-02');
		expect(atlasToday(new Date('2026-07-01T21:30:00Z'))).toBe('2026-07-01');
	});
});
