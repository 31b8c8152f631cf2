import { describe, expect, it } from 'vitest';
import type { Area } from '$lib/data';
import { networkOf, path } from '$lib/graph/network-factories';
import type { Network } from '$lib/network/network-model';
import { currentTiesGraph, networkMetrics } from './metrics';
import { findGaps, type GapOptions } from './gaps';

function gapsOf(
	network: Network,
	reference: { areas?: Area[]; themes?: string[] } = {},
	options?: GapOptions
) {
	const graph = currentTiesGraph(network);
	return findGaps(
		network,
		graph,
		networkMetrics(network, graph),
		{ areas: reference.areas ?? [], themes: reference.themes ?? [] },
		options
	);
}

const area = (id: string, level: Area['level'], parentId: string | null): Area => ({
	id,
	level,
	name: id,
	parentId,
	population: null,
	hasBoundary: false
});

/** About 100 m further north per step from a fixed point in Nieuw-West. */
const north = (steps: number) => ({ lng: 4.8, lat: 52.37 + steps * 0.0009 });

describe('findGaps: no tie or a single tie', () => {
	it('finds the organisation with no tie and the two ends of a path', () => {
		const gaps = gapsOf(networkOf(['a', 'b', 'c', 'd'], path('a', 'b', 'c')));
		expect(gaps.isolated).toEqual(['d']);
		expect(gaps.singleTie).toEqual([
			{ id: 'a', partner: 'b' },
			{ id: 'c', partner: 'b' }
		]);
	});

	it('counts an organisation whose only tie has ended as having none', () => {
		expect(gapsOf(networkOf(['a', 'b'], [['a', 'b', 'ended']])).isolated).toEqual(['a', 'b']);
	});
});

describe('findGaps: brokers and bridges', () => {
	it('finds the centre of a star as the broker, and no group-joining bridge', () => {
		const gaps = gapsOf(
			networkOf(
				['hub', 'x', 'y', 'z'],
				[
					['hub', 'x'],
					['hub', 'y'],
					['hub', 'z']
				]
			)
		);
		expect(gaps.brokers).toEqual([{ id: 'hub', cutOff: [1, 1] }]);
		expect(gaps.bridges).toEqual([]);
	});

	it('finds the tie between two triangles as the bridge, and its ends as brokers', () => {
		const gaps = gapsOf(
			networkOf(
				['a', 'b', 'c', 'd', 'e', 'f'],
				[...path('a', 'b', 'c', 'a'), ...path('d', 'e', 'f', 'd'), ['c', 'd']]
			)
		);
		expect(gaps.bridges.map((b) => [b.source, b.target].sort())).toEqual([['c', 'd']]);
		expect(gaps.brokers.map((b) => b.id)).toEqual(['c', 'd']);
		expect(gaps.parts).toBe(1);
	});

	it('ranks the broker that holds the most organisations first', () => {
		// a-b-c-d-e: c holds two on either side, b and d only one.
		const gaps = gapsOf(networkOf(['a', 'b', 'c', 'd', 'e'], path('a', 'b', 'c', 'd', 'e')));
		expect(gaps.brokers[0]).toEqual({ id: 'c', cutOff: [2] });
	});
});

describe('findGaps: leefwereld and systeemwereld', () => {
	const network = networkOf(
		[
			{ id: 'r1', group: 'resident_led', areaId: 'wijk-a', themes: ['taal'] },
			{ id: 'r2', group: 'resident_led', areaId: 'buurt-b1', themes: ['taal', 'groen'] },
			{ id: 'i1', group: 'institution', areaId: 'wijk-a', themes: ['taal'] },
			{ id: 'i2', group: 'institution', areaId: 'buurt-b1', themes: ['groen'] },
			{ id: 'e1', group: 'enterprise', areaId: 'wijk-a', themes: ['groen'] }
		],
		[
			['r1', 'i1'],
			['r1', 'r2'],
			['i2', 'e1']
		]
	);
	const areas = [
		area('stadsdeel', 'stadsdeel', null),
		area('wijk-a', 'wijk', 'stadsdeel'),
		area('wijk-b', 'wijk', 'stadsdeel'),
		area('buurt-b1', 'buurt', 'wijk-b'),
		area('wijk-c', 'wijk', 'stadsdeel')
	];

	it('finds resident initiatives with no institution and institutions with no initiative', () => {
		const gaps = gapsOf(network, { areas });
		expect(gaps.residentLedWithoutInstitution).toEqual(['r2']);
		expect(gaps.institutionsWithoutResidentLed).toEqual(['i2']);
	});

	it('gives the share per wijk, counting a buurt in its wijk, the weakest first', () => {
		const gaps = gapsOf(network, { areas });
		expect(gaps.worldsByArea).toEqual([
			{
				key: 'wijk-b',
				residentLed: 1,
				residentLedWithInstitution: 0,
				institutions: 1,
				institutionsWithResidentLed: 0,
				unbridged: ['r2']
			},
			{
				key: 'wijk-a',
				residentLed: 1,
				residentLedWithInstitution: 1,
				institutions: 1,
				institutionsWithResidentLed: 1,
				unbridged: []
			}
		]);
	});

	it('gives the share per theme, an organisation counting under each of its themes', () => {
		const byTheme = Object.fromEntries(
			gapsOf(network, { areas }).worldsByTheme.map((w) => [w.key, w])
		);
		expect(byTheme['taal']).toMatchObject({
			residentLed: 2,
			residentLedWithInstitution: 1,
			institutions: 1
		});
		expect(byTheme['groen']).toMatchObject({
			residentLed: 1,
			residentLedWithInstitution: 0,
			institutions: 1
		});
	});

	it('finds the areas and themes without any resident initiative', () => {
		const gaps = gapsOf(network, { areas, themes: ['groen', 'sport', 'taal'] });
		expect(gaps.areasWithoutInitiative).toEqual(['wijk-c']);
		expect(gaps.themesWithoutInitiative).toEqual(['sport']);
	});
});

describe('findGaps: clusters and introductions', () => {
	const triangles = (joined: boolean, themes: Record<string, string[]>) =>
		networkOf(
			['a', 'b', 'c', 'd', 'e', 'f'].map((id, i) => ({
				id,
				themes: themes[id] ?? [],
				...north(i)
			})),
			[...path('a', 'b', 'c', 'a'), ...path('d', 'e', 'f', 'd'), ...(joined ? path('c', 'd') : [])]
		);

	it('finds two clusters that never meet in a disconnected pair of triangles', () => {
		const gaps = gapsOf(triangles(false, {}));
		expect(gaps.unconnectedClusters).toEqual([{ a: 0, b: 1 }]);
		expect(gaps.parts).toBe(2);
	});

	it('finds none once one tie joins them', () => {
		expect(gapsOf(triangles(true, {})).unconnectedClusters).toEqual([]);
	});

	it('suggests the nearby pair across clusters that shares a theme, with its reasons', () => {
		const gaps = gapsOf(triangles(false, { b: ['taal'], c: ['taal'], d: ['taal'] }));
		// b and c share the theme but already sit together; c and d are 100 m apart, b and d 200 m.
		expect(gaps.introductions).toEqual([
			{
				a: 'c',
				b: 'd',
				sharedThemes: ['taal'],
				distance: expect.closeTo(100, -1),
				crossesWorlds: false
			},
			{
				a: 'b',
				b: 'd',
				sharedThemes: ['taal'],
				distance: expect.closeTo(200, -1),
				crossesWorlds: false
			}
		]);
	});

	it('ranks more shared themes first, then leefwereld meeting systeemwereld, then distance', () => {
		const network = networkOf(
			[
				{ id: 'near', themes: ['taal'], ...north(0) },
				{ id: 'two-themes', themes: ['taal', 'groen'], ...north(8) },
				{ id: 'institution', group: 'institution', themes: ['taal'], ...north(5) },
				{ id: 'me', themes: ['taal', 'groen'], ...north(1) },
				{ id: 'far', themes: ['taal', 'groen'], ...north(30) }
			],
			[]
		);
		const mine = gapsOf(network).introductions.filter((i) => i.a === 'me' || i.b === 'me');
		expect(mine.map((i) => (i.a === 'me' ? i.b : i.a))).toEqual([
			'two-themes',
			'institution',
			'near'
		]);
	});

	it('leaves out pairs that already know each other, even by an ended or proposed tie', () => {
		const network = networkOf(
			[
				{ id: 'x', themes: ['taal'], ...north(0) },
				{ id: 'y', themes: ['taal'], ...north(1) },
				{ id: 'z', themes: ['taal'], ...north(2) }
			],
			[
				['x', 'y', 'ended'],
				['y', 'z', 'proposed']
			]
		);
		expect(gapsOf(network).introductions.map((i) => `${i.a}-${i.b}`)).toEqual(['x-z']);
	});

	it('keeps to the radius and the number asked for', () => {
		const network = networkOf(
			Array.from({ length: 6 }, (_, i) => ({ id: `n${i}`, themes: ['taal'], ...north(i * 3) })),
			[]
		);
		expect(gapsOf(network, {}, { introductionRadius: 350 }).introductions).toHaveLength(5);
		expect(gapsOf(network, {}, { maxIntroductions: 2 }).introductions).toHaveLength(2);
	});
});
