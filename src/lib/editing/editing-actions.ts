/**
 * The writes of editing: an organisation's fields, its publication, its
 * collaborations and its history. Each starts the backend if it has not yet,
 * writes, and brings the atlas up to date so the map shows the change; a
 * failure is thrown for the caller's `Action` (or `refusalProblems`, which
 * puts it on the form's field) to put into words.
 */
import { connection } from '$lib/app/connection.svelte';
import { accountStore } from '$lib/app/account.svelte';
import { atlasStore } from '$lib/atlas/atlas-store.svelte';
import type {
	CollaborationKind,
	OrganisationFields,
	OrganisationStatus,
	PeriodDate,
	SavedOrganisation
} from '$lib/data';

/** A new organisation, as a draft; the person becomes one of its editors. */
export async function createOrganisation(fields: OrganisationFields): Promise<SavedOrganisation> {
	const saved = await (await connection.open()).saveOrganisation(fields);
	await Promise.all([accountStore.refresh(), atlasStore.refresh({ cache: false })]);
	return saved;
}

/** An edit, made on `edit.version`; refused as stale when someone saved in between. */
export async function saveOrganisation(
	fields: OrganisationFields,
	edit: { id: string; version: number }
): Promise<void> {
	await (await connection.open()).saveOrganisation(fields, edit);
	void atlasStore.refresh({ cache: false });
}

export async function setOrganisationStatus(
	organisation: { id: string; version: number },
	status: OrganisationStatus
): Promise<void> {
	await (
		await connection.open()
	).setOrganisationStatus(organisation.id, status, organisation.version);
	void atlasStore.refresh({ cache: false });
}

export async function proposeCollaboration(
	from: string,
	to: string,
	kind: CollaborationKind,
	description: string
): Promise<void> {
	await (await connection.open()).proposeCollaboration(from, to, kind, description.trim());
	void atlasStore.refresh({ cache: false });
}

export async function confirmCollaboration(id: string): Promise<void> {
	await (await connection.open()).confirmCollaboration(id);
	void atlasStore.refresh({ cache: false });
}

export async function endCollaboration(id: string): Promise<void> {
	await (await connection.open()).endCollaboration(id);
	void atlasStore.refresh({ cache: false });
}

/** Puts back the organisation as it was after `version`; a new version itself. */
export async function restoreVersion(
	slug: string,
	version: number,
	expectedVersion: number
): Promise<void> {
	await (await connection.open()).restoreOrganisationVersion(slug, version, expectedVersion);
	void atlasStore.refresh({ cache: false });
}

/**
 * "Alles klopt nog": confirms the organisation as `organisation.version` shows
 * it, and the running ties it is a side of. Nothing on the map changes.
 */
export async function confirmOrganisation(organisation: {
	slug: string;
	version: number;
}): Promise<void> {
	await (await connection.open()).confirmOrganisation(organisation.slug, organisation.version);
}

/** When a running or ended collaboration began and ended; the map and network follow. */
export async function setCollaborationDates(
	id: string,
	started: PeriodDate | null,
	ended: PeriodDate | null
): Promise<void> {
	await (await connection.open()).setCollaborationDates(id, started, ended);
	void atlasStore.refresh({ cache: false });
}
