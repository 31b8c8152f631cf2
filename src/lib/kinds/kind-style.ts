/**
 * Kinds of organisation and of collaboration and their colours, shared by the
 * map, the list, the network and its exports.
 */
import type { CollaborationKind, KindGroup, OrganisationKind } from '$lib/data';

/**
 * Which group each kind belongs to, as the database's organisation_kinds says.
 * Kept here too so the map can colour points before reference data arrives;
 * a test checks the two agree.
 */
export const kindGroupOf: Record<OrganisationKind, KindGroup> = {
	resident_initiative: 'resident_led',
	buurtplatform: 'resident_led',
	bewonersbedrijf: 'resident_led',
	social_enterprise: 'enterprise',
	entrepreneur: 'enterprise',
	municipality: 'institution',
	housing_corporation: 'institution',
	welfare: 'institution',
	care: 'institution',
	education: 'institution',
	police: 'institution',
	funder: 'institution',
	knowledge_institution: 'institution',
	other: 'other'
};

/**
 * Colours per group, distinguishable with the common colour-vision deficiencies
 * (orange/blue/purple/grey) and at least 3:1 against the light basemap.
 */
export const kindGroupColour: Record<KindGroup, string> = {
	resident_led: '#d9480f',
	enterprise: '#862e9c',
	institution: '#1864ab',
	other: '#495057'
};

export const kindGroupOrder: readonly KindGroup[] = [
	'resident_led',
	'enterprise',
	'institution',
	'other'
];

export function kindColour(kind: OrganisationKind): string {
	return kindGroupColour[kindGroupOf[kind] ?? 'other'];
}

/** One colour per kind of collaboration, apart from the organisations' colours. */
export const collaborationKindColour: Record<CollaborationKind, string> = {
	partnership: '#2b8a3e',
	funding: '#b35c00',
	shared_project: '#0b7285',
	referral: '#c2255c',
	shared_space: '#5c677d'
};

/** Programmes and coalitions, on the map and in the network: apart from kinds and ties. */
export const programmeColour = '#5f3dc4';

export const collaborationKindOrder = Object.keys(collaborationKindColour) as CollaborationKind[];
