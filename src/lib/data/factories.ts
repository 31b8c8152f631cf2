/** Test data: a valid organisation of the atlas, changed where a test needs it. */
import type { AtlasOrganisation } from './types';

export function atlasOrganisation(overrides: Partial<AtlasOrganisation> = {}): AtlasOrganisation {
	return {
		id: 'id-1',
		slug: 'taalcafe',
		name: 'Taalcafé',
		kind: 'resident_initiative',
		lng: 4.8,
		lat: 52.37,
		areaId: null,
		themes: ['wonen'],
		openToNewcomers: false,
		illustrative: false,
		languages: ['nl'],
		...overrides
	};
}
