import { describe, expect, it } from 'vitest';
import type { AtlasCollaboration } from '$lib/data';
import { collaborationLines } from './collaboration-lines';
import { partnersOf, withPartnerEnds } from './cluster-ends';

const places = new Map([
	['plein', { lng: 4.81, lat: 52.379 }],
	['stadsdeel', { lng: 4.8, lat: 52.358 }],
	['redactie', { lng: 4.811, lat: 52.38 }]
]);

const ties: AtlasCollaboration[] = [
	{ id: 'c1', source: 'stadsdeel', target: 'plein', kind: 'partnership', status: 'active' },
	{ id: 'c2', source: 'redactie', target: 'plein', kind: 'shared_space', status: 'proposed' },
	{ id: 'c3', source: 'stadsdeel', target: 'redactie', kind: 'funding', status: 'active' },
	{ id: 'c4', source: 'plein', target: 'elders', kind: 'referral', status: 'active' }
];

describe('collaborationLines', () => {
	it('draws a line for each tie of the selected organisation, in either direction, to the partner', () => {
		const lines = collaborationLines('plein', ties, places);
		expect(lines.features.map((f) => f.properties.id)).toEqual(['c1', 'c2']);
		expect(lines.features[0]?.geometry.coordinates).toEqual([
			[4.81, 52.379],
			[4.8, 52.358]
		]);
		expect(lines.features[1]?.properties).toEqual({
			id: 'c2',
			kind: 'shared_space',
			status: 'proposed',
			partner: 'redactie'
		});
	});

	it('skips partners without a place on the map, and draws nothing without a selection', () => {
		expect(collaborationLines('plein', ties, places).features.map((f) => f.id)).not.toContain('c4');
		expect(collaborationLines(null, ties, places).features).toEqual([]);
	});
});

describe('withPartnerEnds', () => {
	it('moves a hidden partner’s end to its cluster, and leaves the selected end and others', () => {
		const lines = collaborationLines('plein', ties, places);
		const moved = withPartnerEnds(lines, new Map([['redactie', [4.9, 52.4]]]));
		expect(moved.features[0]?.geometry.coordinates).toEqual([
			[4.81, 52.379],
			[4.8, 52.358]
		]);
		expect(moved.features[1]?.geometry.coordinates).toEqual([
			[4.81, 52.379],
			[4.9, 52.4]
		]);
		expect(partnersOf(lines)).toEqual(
			new Map([
				['stadsdeel', [4.8, 52.358]],
				['redactie', [4.811, 52.38]]
			])
		);
	});
});
