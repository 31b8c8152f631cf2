/**
 * The network at a date, in numbers: which ties ran, which began in the year
 * before it and which ended then (the database answers those as 'ended').
 * Counted as the network view counts them: a pair of organisations is one
 * tie however many ways they work together, running if any of them runs,
 * and only among the organisations shown.
 */
import type { AtlasCollaboration } from '$lib/data';
import { tieKey } from './network-model';

export interface TimeSummary {
	running: number;
	began: number;
	ended: number;
	/** The pairs that began in the year before the date, to mark on map and network. */
	newPairs: [string, string][];
	newOrganisations: string[];
}

const day = 86_400_000;
/** Later than any date: a pair whose start no one knows is never new. */
const unknown = '9999-12-31';

/** @param asOf the date (YYYY-MM-DD) the collaborations were read at */
export function timeSummary(
	collaborations: readonly AtlasCollaboration[],
	shown: ReadonlySet<string>,
	asOf: string
): TimeSummary {
	const yearBefore = new Date(Date.parse(asOf) - 365 * day).toISOString().slice(0, 10);
	const pairs = new Map<string, { pair: [string, string]; running: boolean; first: string }>();
	for (const c of collaborations) {
		if (!shown.has(c.source) || !shown.has(c.target)) continue;
		if (c.status !== 'active' && c.status !== 'ended') continue;
		const key = tieKey(c.source, c.target);
		const tie = pairs.get(key) ?? { pair: [c.source, c.target], running: false, first: unknown };
		if (c.status === 'active') tie.running = true;
		// New is a pair that first worked together in the year before the date.
		if (c.startedOn && c.startedOn < tie.first) tie.first = c.startedOn;
		pairs.set(key, tie);
	}
	const ties = [...pairs.values()];
	const newPairs = ties
		.filter((t) => t.running && t.first > yearBefore && t.first <= asOf)
		.map((t) => t.pair);
	return {
		running: ties.filter((t) => t.running).length,
		began: newPairs.length,
		ended: ties.filter((t) => !t.running).length,
		newPairs,
		newOrganisations: [...new Set(newPairs.flat())]
	};
}
