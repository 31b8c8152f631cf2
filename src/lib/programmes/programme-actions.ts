/**
 * The writes about programmes: who belongs to one, in what role and since
 * when, and what kind of group it is. Each starts the backend if it has not
 * yet, writes, and brings the atlas up to date (memberships are in its answer).
 */
import { connection } from '$lib/app/connection.svelte';
import { atlasStore } from '$lib/atlas/atlas-store.svelte';
import type { PeriodDate, ProgrammeKind } from '$lib/data';

export async function saveMembership(
	programme: string,
	member: string,
	role: string,
	started: PeriodDate | null,
	ended: PeriodDate | null
): Promise<void> {
	await (
		await connection.open()
	).saveProgrammeMembership(programme, member, role.trim(), started, ended);
	void atlasStore.refresh({ cache: false });
}

export async function removeMembership(id: string): Promise<void> {
	await (await connection.open()).removeProgrammeMembership(id);
	void atlasStore.refresh({ cache: false });
}

export async function saveProgramme(
	slug: string,
	kind: ProgrammeKind,
	parent: string | null,
	coordinator: string | null
): Promise<void> {
	await (await connection.open()).saveProgramme(slug, kind, parent, coordinator);
	void atlasStore.refresh({ cache: false });
}
