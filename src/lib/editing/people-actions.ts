/**
 * The writes about people: who edits an organisation, who coordinates an
 * area. Each starts the backend if it has not yet and writes; the account is
 * read again, since the signed-in person's own rights may have changed.
 */
import { connection } from '$lib/app/connection.svelte';
import { accountStore } from '$lib/app/account.svelte';

export async function addMember(
	organisationId: string,
	userId: string,
	role: 'member' | 'admin'
): Promise<void> {
	await (await connection.open()).addMember(organisationId, userId, role);
	await accountStore.refresh();
}

export async function removeMember(organisationId: string, userId: string): Promise<void> {
	await (await connection.open()).removeMember(organisationId, userId);
	await accountStore.refresh();
}

export async function inviteMember(
	organisationId: string,
	email: string,
	role: 'member' | 'admin'
): Promise<void> {
	await (await connection.open()).inviteMember(organisationId, email, role);
}

export async function withdrawInvitation(id: string): Promise<void> {
	await (await connection.open()).withdrawInvitation(id);
}

export async function grantCoordinator(userId: string, areaId: string): Promise<void> {
	await (await connection.open()).grantCoordinator(userId, areaId);
	await accountStore.refresh();
}

export async function withdrawRole(roleId: number): Promise<void> {
	await (await connection.open()).withdrawRole(roleId);
	await accountStore.refresh();
}
