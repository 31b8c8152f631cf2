/**
 * The one graph model of the collaboration network: who works with whom among
 * the organisations the filters show. Map, network view, metrics and gap
 * findings all start from this; nothing converts it back and forth.
 */
import type {
	AtlasCollaboration,
	AtlasOrganisation,
	CollaborationKind,
	CollaborationStatus,
	KindGroup
} from '$lib/data';
import { kindGroupOf } from '$lib/kinds/kind-style';

/** What a gap finding shows on both views: some organisations, and pairs between them. */
export interface Highlight {
	/** Which finding: the panel marks it as shown. */
	key: string;
	organisationIds: readonly string[];
	pairs: readonly (readonly [string, string])[];
}

export interface NetworkNode {
	id: string;
	name: string;
	group: KindGroup;
	themes: readonly string[];
	areaId: string | null;
	lng: number;
	lat: number;
	/** A made-up example: findings that name it say so. */
	illustrative?: boolean;
}

/**
 * A tie between two organisations. Two organisations may collaborate in
 * several ways (a project and funding); the network draws and counts that as
 * one tie, of the kind and status that weigh most.
 */
export interface NetworkTie {
	/** The two ids in sorted order, joined: the same tie whichever side started it. */
	key: string;
	source: string;
	target: string;
	/** A collaboration's kind, or membership of the same programme (only when asked for). */
	kind: TieKind;
	status: CollaborationStatus;
	collaborationIds: readonly string[];
}

export type TieKind = CollaborationKind | 'shared_membership';

export interface Network {
	nodes: readonly NetworkNode[];
	ties: readonly NetworkTie[];
}

export const emptyNetwork: Network = { nodes: [], ties: [] };

/** Which status a tie takes when its collaborations differ: a running one outweighs the rest. */
const statusWeight: Record<CollaborationStatus, number> = { active: 2, proposed: 1, ended: 0 };

export function tieKey(a: string, b: string): string {
	return a < b ? `${a}|${b}` : `${b}|${a}`;
}

export function buildNetwork(
	organisations: readonly AtlasOrganisation[],
	collaborations: readonly AtlasCollaboration[]
): Network {
	const nodes = organisations.map((o): NetworkNode => ({
		id: o.id,
		name: o.name,
		group: kindGroupOf[o.kind] ?? 'other',
		themes: o.themes,
		areaId: o.areaId,
		lng: o.lng,
		lat: o.lat,
		...(o.illustrative ? { illustrative: true } : {})
	}));
	const present = new Set(nodes.map((n) => n.id));
	const ties = new Map<string, NetworkTie>();
	for (const c of collaborations) {
		if (!present.has(c.source) || !present.has(c.target) || c.source === c.target) continue;
		const key = tieKey(c.source, c.target);
		const earlier = ties.get(key);
		if (!earlier) {
			const [source, target] = key.split('|') as [string, string];
			ties.set(key, {
				key,
				source,
				target,
				kind: c.kind,
				status: c.status,
				collaborationIds: [c.id]
			});
		} else {
			const weighsMore = statusWeight[c.status] > statusWeight[earlier.status];
			ties.set(key, {
				...earlier,
				kind: weighsMore ? c.kind : earlier.kind,
				status: weighsMore ? c.status : earlier.status,
				collaborationIds: [...earlier.collaborationIds, c.id]
			});
		}
	}
	return { nodes, ties: [...ties.values()] };
}

/**
 * Whether a tie counts as working together now. Metrics and gap findings
 * count only these: an ended collaboration is history, a proposed one is not
 * yet confirmed by the other side.
 */
export function isCurrent(tie: Pick<NetworkTie, 'status'>): boolean {
	return tie.status === 'active';
}
