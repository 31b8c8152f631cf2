import { describe, expect, it } from 'vitest';
import { atlasOrganisation as organisation } from '$lib/data/factories';
import { organisationFeatures } from './organisation-features';
import { selectedFeature } from './map-layers';

describe('selectedFeature', () => {
	const data = organisationFeatures([organisation({ id: 'a' }), organisation({ id: 'b' })]);

	it('holds only the selected point, so it can be drawn outside any cluster', () => {
		const selected = selectedFeature(data, 'b');
		expect(selected.features.map((f) => f.properties.id)).toEqual(['b']);
	});

	it('is empty without a selection, or when the selection is filtered out', () => {
		expect(selectedFeature(data, null).features).toEqual([]);
		expect(selectedFeature(data, 'gone').features).toEqual([]);
	});
});
