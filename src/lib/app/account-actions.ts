/**
 * What a person does with their account. Each asks the backend (started if it
 * has not yet) and throws when it fails; the caller runs it through an
 * `Action`, the one place that turns a failure into words.
 */
import { connection } from './connection.svelte';

export async function signInAsDemo(userId: string): Promise<void> {
	await (await connection.open()).auth.signInAsDemo(userId);
}

export async function sendCode(email: string): Promise<void> {
	await (await connection.open()).auth.sendCode(email.trim());
}

export async function verifyCode(email: string, code: string): Promise<void> {
	await (await connection.open()).auth.verifyCode(email.trim(), code.trim());
}

export async function signOut(): Promise<void> {
	await (await connection.open()).auth.signOut();
}
