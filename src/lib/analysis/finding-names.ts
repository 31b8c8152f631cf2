/**
 * How findings name organisations: by name, and a made-up one as such,
 * "Taalcafé Geuzenveld (voorbeeld)", so no finding passes off an example as
 * a real organisation.
 */
import { m } from '$lib/paraglide/messages';
import type { NetworkNode } from '$lib/network/network-model';

export function findingNames(nodes: readonly NetworkNode[]): Map<string, string> {
	return new Map(
		nodes.map((n) => [n.id, n.illustrative ? m.illustrative_named({ name: n.name }) : n.name])
	);
}
