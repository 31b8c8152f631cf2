/**
 * The writes of importing organisations: the batch itself (or its dry run,
 * which writes nothing and answers what the database would refuse), undoing a
 * batch, and dismissing a tie an import kept aside. Each starts the backend
 * when needed, brings the atlas up to date after a change, and throws on
 * failure for the caller's `Action` to put into words.
 */
import { connection } from '$lib/app/connection.svelte';
import { atlasStore } from '$lib/atlas/atlas-store.svelte';
import type { ImportBatchInput, ImportOutcome, RecentImport } from '$lib/data';

/** A dry run answers what the import would do; a real one also refreshes the atlas when it wrote. */
export async function importOrganisations(batch: ImportBatchInput): Promise<ImportOutcome> {
	const outcome = await (await connection.open()).importOrganisations(batch);
	if (outcome.written) await atlasStore.refresh({ cache: false });
	return outcome;
}

/** Puts back what a batch changed; undoing areas also moves organisations back. */
export async function undoImport(batch: Pick<RecentImport, 'id' | 'kind'>): Promise<void> {
	await (await connection.open()).undoImport(batch.id);
	if (batch.kind === 'areas') await atlasStore.refreshAreas();
	else await atlasStore.refresh({ cache: false });
}

export async function dismissPendingTie(id: string): Promise<void> {
	await (await connection.open()).dismissPendingTie(id);
}
