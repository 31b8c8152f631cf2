/**
 * Suggestions from visitors: sending one, and a coordinator's decision on it.
 * As with editing-actions, each starts the backend when needed, brings the
 * atlas up to date after a change to the map, and throws on failure.
 */
import { connection } from '$lib/app/connection.svelte';
import { atlasStore } from '$lib/atlas/atlas-store.svelte';
import type { SuggestionInput } from '$lib/data';

export async function suggestInitiative(suggestion: SuggestionInput): Promise<void> {
	await (await connection.open()).suggestInitiative(suggestion);
}

/** Creates the organisation, published, and answers its slug once the atlas shows it. */
export async function acceptSuggestion(id: string): Promise<string> {
	const slug = await (await connection.open()).acceptSuggestion(id);
	await atlasStore.refresh({ cache: false });
	return slug;
}

export async function rejectSuggestion(id: string, reason: string): Promise<void> {
	await (await connection.open()).rejectSuggestion(id, reason.trim());
}
