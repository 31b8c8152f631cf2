import { describe, expect, it } from 'vitest';
import type { Area, AreaBoundaries, AtlasOrganisation } from '$lib/data';
import { placeNameFeatures } from './place-names';

const area = (id: string, level: Area['level'], name: string, parentId: string | null): Area => ({
	id,
	level,
	name,
	parentId,
	population: null,
	hasBoundary: false
});
const at = (lng: number, lat: number, areaId: string | null) =>
	({ id: `${lng}`, lng, lat, areaId }) as AtlasOrganisation;

const areas = [
	area('F', 'stadsdeel', 'Nieuw-West', null),
	area('WK1', 'wijk', 'Geuzenveld', 'F'),
	area('WK2', 'wijk', 'Slotermeer', 'F'),
	area('WK3', 'wijk', 'Leeg', 'F')
];

describe('placeNameFeatures', () => {
	it('names an area at the middle of its organisations, its sub-areas’ included', () => {
		const names = placeNameFeatures(
			areas,
			[at(4.8, 52.38, 'WK1'), at(4.82, 52.38, 'WK1'), at(4.84, 52.36, 'WK2'), at(5, 52, null)],
			null
		);
		const byName = new Map(names.features.map((f) => [f.properties.name, f]));
		const geuzenveld = byName.get('Geuzenveld')!.geometry.coordinates;
		expect(geuzenveld[0]).toBeCloseTo(4.81);
		expect(geuzenveld[1]).toBeCloseTo(52.38);
		expect(byName.get('Geuzenveld')?.properties.large).toBe(false);
		const west = byName.get('Nieuw-West')!;
		expect(west.properties.large).toBe(true);
		expect(west.geometry.coordinates[0]).toBeCloseTo(4.82);
		expect(west.geometry.coordinates[1]).toBeCloseTo(52.3733, 3);
		// Nothing in it and no outline: nowhere to write it.
		expect(byName.has('Leeg')).toBe(false);
	});

	it('prefers the middle of the outline where the database has one', () => {
		const boundaries: AreaBoundaries = {
			type: 'FeatureCollection',
			features: [
				{
					type: 'Feature',
					id: 'WK3',
					properties: { id: 'WK3', name: 'Leeg', level: 'wijk' },
					geometry: {
						type: 'Polygon',
						coordinates: [
							[
								[4.7, 52.3],
								[4.9, 52.3],
								[4.9, 52.4],
								[4.7, 52.3]
							]
						]
					}
				}
			]
		};
		const names = placeNameFeatures(areas, [], boundaries);
		expect(names.features.map((f) => f.properties.name)).toEqual(['Leeg']);
		const [lng, lat] = names.features[0]!.geometry.coordinates;
		expect(lng).toBeCloseTo(4.8);
		expect(lat).toBeCloseTo(52.35);
	});
});
