/**
 * The write of importing areas: CBS outlines and key figures as one batch, or
 * its dry run (which writes nothing and answers what the database would
 * refuse). Starts the backend when needed, refreshes the areas after a write,
 * and throws on failure.
 */
import { connection } from '$lib/app/connection.svelte';
import { atlasStore } from '$lib/atlas/atlas-store.svelte';
import type { AreaImportInput, AreaImportOutcome } from '$lib/data';

export async function importAreas(batch: AreaImportInput): Promise<AreaImportOutcome> {
	const outcome = await (await connection.open()).importAreas(batch);
	if (outcome.written) await atlasStore.refreshAreas();
	return outcome;
}
