import { describe, expect, it } from 'vitest';
import type { MapViewAnswer } from '$lib/data';
import { abbreviatedCount, cellBounds, cellFeatures, tieFeatures } from './view-features';
import { covers, viewRequest } from './view-requests';

const answer: MapViewAnswer = {
	zoom: 12,
	points: [
		{ id: 'a', slug: 'a', name: 'A', kind: 'welfare', lng: 4.8, lat: 52.36, illustrative: false }
	],
	cells: [
		{
			key: '12/100/200',
			lng: 4.82,
			lat: 52.37,
			bounds: [4.81, 52.365, 4.83, 52.375],
			count: 1234,
			byGroup: { resident_led: 700, enterprise: 34, institution: 400, other: 100 },
			ties: 9
		}
	],
	ties: [
		{ source: '12/100/200', target: 'a', count: 3, confirmed: 2, kind: null },
		{ source: 'a', target: 'gone', count: 1, confirmed: 1, kind: 'partnership' }
	],
	shown: 1235
};

describe('the map’s features from map_view()', () => {
	it('draws a cell as a cluster is drawn: its count, abbreviated, and its resident-led share', () => {
		const [cell] = cellFeatures(answer).features;
		expect(cell?.geometry.coordinates).toEqual([4.82, 52.37]);
		expect(cell?.properties).toMatchObject({
			point_count: 1234,
			point_count_abbreviated: '1.2k',
			residentLed: 700,
			ties: 9
		});
		expect(cellBounds(cell!.properties as unknown as Record<string, unknown>)).toEqual([
			4.81, 52.365, 4.83, 52.375
		]);
		expect(cellFeatures(null).features).toEqual([]);
	});

	it('abbreviates counts as MapLibre does', () => {
		expect([950, 1000, 1250, 9999, 12_400].map(abbreviatedCount)).toEqual([
			'950',
			'1k',
			'1.3k',
			'10k',
			'12k'
		]);
	});

	it('draws a tie between the organisation and the cell it joins, and none to an end not in view', () => {
		const { features } = tieFeatures(answer);
		expect(features).toHaveLength(1);
		expect(features[0]?.geometry.coordinates).toEqual([
			[4.82, 52.37],
			[4.8, 52.36]
		]);
		expect(features[0]?.properties).toEqual({
			id: '12/100/200 a',
			count: 3,
			confirmed: 2,
			kind: null
		});
	});
});

describe('which view to ask for', () => {
	const viewport = { bbox: [4.8, 52.3, 5.0, 52.4] as const, zoom: 12.7 };

	it('asks for the view and half its size around it, at its whole zoom level', () => {
		const query = viewRequest(viewport, { themes: ['wonen'] }, true);
		expect(query.zoom).toBe(12);
		expect(query.withTies).toBe(true);
		expect(query.themes).toEqual(['wonen']);
		const [west, south, east, north] = query.bbox;
		expect(west).toBeCloseTo(4.7);
		expect(south).toBeCloseTo(52.25);
		expect(east).toBeCloseTo(5.1);
		expect(north).toBeCloseTo(52.45);
	});

	it('asks again only when the view leaves what was asked, or the question changes', () => {
		const asked = viewRequest(viewport, {}, false);
		const panned = { bbox: [4.85, 52.32, 5.05, 52.42] as const, zoom: 12.2 };
		expect(covers(asked, viewRequest(panned, {}, false), panned)).toBe(true);
		const far = { bbox: [5.2, 52.3, 5.4, 52.4] as const, zoom: 12.7 };
		expect(covers(asked, viewRequest(far, {}, false), far)).toBe(false);
		const zoomedIn = { ...viewport, zoom: 13.1 };
		expect(covers(asked, viewRequest(zoomedIn, {}, false), zoomedIn)).toBe(false);
		expect(covers(asked, viewRequest(viewport, { kinds: ['police'] }, false), viewport)).toBe(
			false
		);
		expect(covers(asked, viewRequest(viewport, {}, true), viewport)).toBe(false);
	});
});
