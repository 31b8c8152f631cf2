import { describe, expect, it } from 'vitest';
import { atlasOrganisation as organisation } from '$lib/data/factories';
import { organisationFeatures } from './organisation-features';

describe('organisationFeatures', () => {
	it('makes one point per organisation, longitude first, with its kind group', () => {
		const collection = organisationFeatures([
			organisation(),
			organisation({ id: 'id-2', kind: 'police', lng: 4.9, lat: 52.4 })
		]);
		expect(collection.features).toHaveLength(2);
		expect(collection.features[0]?.geometry.coordinates).toEqual([4.8, 52.37]);
		expect(collection.features[0]?.properties.group).toBe('resident_led');
		expect(collection.features[1]?.properties.group).toBe('institution');
		expect(collection.features[1]?.id).toBe('id-2');
	});
});
