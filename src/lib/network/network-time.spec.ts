import { describe, expect, it } from 'vitest';
import type { AtlasCollaboration } from '$lib/data';
import { timeSummary } from './network-time';

const tie = (
	id: string,
	source: string,
	target: string,
	status: AtlasCollaboration['status'],
	startedOn: string | null
): AtlasCollaboration => ({ id, source, target, kind: 'partnership', status, startedOn });

describe('timeSummary', () => {
	const shown = new Set(['a', 'b', 'c']);

	it('counts what ran, what began in the year before the date and what ended', () => {
		const summary = timeSummary(
			[
				tie('1', 'a', 'b', 'active', '2019-01-01'),
				tie('2', 'b', 'c', 'active', '2021-03-01'),
				tie('3', 'a', 'c', 'ended', '2018-01-01'),
				// Two ways of working together are one new tie.
				tie('4', 'c', 'b', 'active', '2021-06-01')
			],
			shown,
			'2021-12-31'
		);
		// a-b, b-c (twice, one tie) run; a-c ended.
		expect(summary).toMatchObject({ running: 2, began: 1, ended: 1 });
		expect(summary.newPairs).toEqual([['b', 'c']]);
		expect(summary.newOrganisations.sort()).toEqual(['b', 'c']);
	});

	it('leaves out ties to organisations not shown, and a start on the day itself is new', () => {
		const summary = timeSummary(
			[tie('1', 'a', 'x', 'active', '2021-05-01'), tie('2', 'a', 'b', 'active', '2021-12-31')],
			shown,
			'2021-12-31'
		);
		expect(summary).toMatchObject({ running: 1, began: 1, ended: 0 });
	});

	it('calls a pair that worked together before not new, when it starts something else', () => {
		const summary = timeSummary(
			[tie('1', 'a', 'b', 'active', '2019-01-01'), tie('2', 'b', 'a', 'active', '2021-05-01')],
			shown,
			'2021-12-31'
		);
		expect(summary).toMatchObject({ running: 1, began: 0 });
	});

	it('calls a tie that began more than a year before not new', () => {
		const summary = timeSummary([tie('1', 'a', 'b', 'active', '2020-12-31')], shown, '2021-12-31');
		expect(summary.began).toBe(0);
	});
});
