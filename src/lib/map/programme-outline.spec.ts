import { describe, expect, it } from 'vitest';
import { programmeOutlineFeatures } from './programme-outline';

const members = [
	{ id: 'a', lng: 4.8, lat: 52.36 },
	{ id: 'b', lng: 4.82, lat: 52.37 },
	{ id: 'c', lng: 4.81, lat: 52.35 }
];

describe('programmeOutlineFeatures', () => {
	it('draws one closed outline around every member, with a margin, and a ring on each', () => {
		const { features } = programmeOutlineFeatures({ name: 'Samen Nieuw-West', members });
		const [outline, ...rings] = features;
		expect(outline?.geometry.type).toBe('Polygon');
		const ring = (outline?.geometry.type === 'Polygon' ? outline.geometry.coordinates[0] : [])!;
		expect(ring[0]).toEqual(ring.at(-1));
		const lngs = ring.map(([lng]) => lng!);
		const lats = ring.map(([, lat]) => lat!);
		// Every member lies inside, with room around the outermost ones.
		expect(Math.min(...lngs)).toBeLessThan(4.8 - 0.002);
		expect(Math.max(...lngs)).toBeGreaterThan(4.82 + 0.002);
		expect(Math.min(...lats)).toBeLessThan(52.35 - 0.002);
		expect(Math.max(...lats)).toBeGreaterThan(52.37 + 0.002);
		expect(rings.map((f) => f.properties.id)).toEqual(['a', 'b', 'c']);
	});

	it('rings a member far from the rest but leaves it out of the shape', () => {
		const hague = { id: 'bzk', lng: 4.313, lat: 52.08 };
		const { features } = programmeOutlineFeatures({
			name: 'Samen Nieuw-West',
			members: [...members, hague]
		});
		const ring =
			features[0]?.geometry.type === 'Polygon' ? features[0].geometry.coordinates[0] : [];
		expect(Math.min(...ring!.map(([lng]) => lng!))).toBeGreaterThan(4.7);
		expect(features.map((f) => f.properties.id)).toContain('bzk');
	});

	it('outlines a single member too, and nothing without a programme', () => {
		expect(
			programmeOutlineFeatures({ name: 'X', members: [members[0]!] }).features[0]?.geometry.type
		).toBe('Polygon');
		expect(programmeOutlineFeatures(null).features).toEqual([]);
	});
});
