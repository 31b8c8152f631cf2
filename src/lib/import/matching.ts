/**
 * When an imported row is an organisation the atlas already holds: the same
 * name in the same place, allowing for accents, case, punctuation and the
 * legal form in front ("Stichting Repair Café Osdorp" is "Repair Café
 * Osdorp"). A row that matches is offered as an update; the user decides.
 */
import { comparable } from '$lib/files/text';

const legalForms =
	/^(stichting|st|vereniging|ver|cooperatie|cooperatieve vereniging|bv|b v|nv|vof|coop)\s+/;

export function nameKey(name: string): string {
	let key = comparable(name);
	for (let previous = ''; previous !== key;) {
		previous = key;
		key = key.replace(legalForms, '');
	}
	return key.replace(/\s+(bv|b v|nv|ua|u a)$/, '');
}

export interface Matchable {
	id: string;
	name: string;
	lng: number;
	lat: number;
}

/** Within this distance, and with the same name, a row is the same organisation. */
export const sameplaceMetres = 1500;

/**
 * Finds the organisation a row is. With a point, the nearest of that name
 * within `sameplaceMetres`; without one (the place is not yet known), the only
 * one of that name, or none when the name is ambiguous.
 */
export function createMatcher(existing: readonly Matchable[]) {
	const byName = new Map<string, Matchable[]>();
	for (const organisation of existing) {
		const key = nameKey(organisation.name);
		const list = byName.get(key);
		if (list) list.push(organisation);
		else byName.set(key, [organisation]);
	}
	return (name: string, at: { lng: number; lat: number } | null): Matchable | null => {
		const candidates = byName.get(nameKey(name)) ?? [];
		if (!at) return candidates.length === 1 ? candidates[0]! : null;
		let best: Matchable | null = null;
		let bestMetres = sameplaceMetres;
		for (const candidate of candidates) {
			const metres = roughMetres(at, candidate);
			if (metres <= bestMetres) {
				best = candidate;
				bestMetres = metres;
			}
		}
		return best;
	};
}

/** Equirectangular distance: exact enough within a town. */
function roughMetres(a: { lng: number; lat: number }, b: { lng: number; lat: number }): number {
	const x = (((b.lng - a.lng) * Math.PI) / 180) * Math.cos((((a.lat + b.lat) / 2) * Math.PI) / 180);
	const y = ((b.lat - a.lat) * Math.PI) / 180;
	return Math.sqrt(x * x + y * y) * 6_371_000;
}
