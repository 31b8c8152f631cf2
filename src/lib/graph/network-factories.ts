/** Test data: small networks written out by hand, where the right answer is known. */
import type { KindGroup } from '$lib/data';
import type { Network, NetworkNode, NetworkTie } from '$lib/network/network-model';
import { tieKey } from '$lib/network/network-model';

type NodeSketch = Partial<NetworkNode> & { id: string };
type TieSketch = [a: string, b: string, status?: NetworkTie['status']];

/** Nodes named after their id, resident-led and in one spot unless the sketch says otherwise. */
export function networkOf(
	nodes: readonly (NodeSketch | string)[],
	ties: readonly TieSketch[]
): Network {
	return {
		nodes: nodes.map((sketch) => {
			const node = typeof sketch === 'string' ? { id: sketch } : sketch;
			return {
				name: node.id,
				group: 'resident_led' as KindGroup,
				themes: [],
				areaId: null,
				lng: 4.8,
				lat: 52.37,
				...node
			};
		}),
		ties: ties.map(([a, b, status = 'active']) => {
			const key = tieKey(a, b);
			const [source, target] = key.split('|') as [string, string];
			return { key, source, target, kind: 'partnership', status, collaborationIds: [key] };
		})
	};
}

export const path = (...ids: string[]): TieSketch[] =>
	ids.slice(1).map((id, i): TieSketch => [ids[i]!, id]);
