import type { FeatureCollection, LineString } from 'geojson';
import type { AtlasCollaboration, AtlasOrganisation, CollaborationKind } from '$lib/data';

export interface CollaborationLineProperties {
	id: string;
	kind: CollaborationKind;
	status: AtlasCollaboration['status'];
	/** The organisation at the line's far end (the selected one is at its start). */
	partner: string;
}

export const noCollaborationLines: FeatureCollection<LineString, CollaborationLineProperties> = {
	type: 'FeatureCollection',
	features: []
};

/**
 * Lines from the selected organisation to each partner it has a
 * collaboration with, where both ends have a place on the map: from the
 * selected one to the partner.
 */
export function collaborationLines(
	selectedId: string | null,
	collaborations: readonly AtlasCollaboration[],
	organisationsById: ReadonlyMap<string, Pick<AtlasOrganisation, 'lng' | 'lat'>>
): FeatureCollection<LineString, CollaborationLineProperties> {
	const features: FeatureCollection<LineString, CollaborationLineProperties>['features'] = [];
	if (selectedId) {
		for (const c of collaborations) {
			if (c.source !== selectedId && c.target !== selectedId) continue;
			const partner = c.source === selectedId ? c.target : c.source;
			const from = organisationsById.get(selectedId);
			const to = organisationsById.get(partner);
			if (!from || !to) continue;
			features.push({
				type: 'Feature',
				id: c.id,
				geometry: {
					type: 'LineString',
					coordinates: [
						[from.lng, from.lat],
						[to.lng, to.lat]
					]
				},
				properties: { id: c.id, kind: c.kind, status: c.status, partner }
			});
		}
	}
	return { type: 'FeatureCollection', features };
}
