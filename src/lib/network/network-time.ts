/**
 * The network at a date, in numbers: which ties ran, which began in the year
 * before it and which ended then (the database answers those as 'ended').
 * The same ties the views draw: among the organisations shown.
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

/** @param asOf the date (YYYY-MM-DD) the collaborations were read at */
export function timeSummary(
	collaborations: readonly AtlasCollaboration[],
	shown: ReadonlySet<string>,
	asOf: string
): TimeSummary {
	const yearBefore = new Date(Date.parse(asOf) - 365 * day).toISOString().slice(0, 10);
	let running = 0;
	let ended = 0;
	const fresh = new Map<string, [string, string]>();
	for (const c of collaborations) {
		if (!shown.has(c.source) || !shown.has(c.target)) continue;
		if (c.status === 'ended') {
			ended += 1;
			continue;
		}
		if (c.status !== 'active') continue;
		running += 1;
		const key = tieKey(c.source, c.target);
		if (c.startedOn && c.startedOn > yearBefore && c.startedOn <= asOf && !fresh.has(key)) {
			fresh.set(key, [c.source, c.target]);
		}
	}
	const newPairs = [...fresh.values()];
	return {
		running,
		began: newPairs.length,
		ended,
		newPairs,
		newOrganisations: [...new Set(newPairs.flat())]
	};
}
