/**
 * The account store follows a backend's auth port. Here the port is the real
 * local demo sign-in (createDemoAuth; in Node without localStorage, so a
 * session lasts as long as the test); the backend's account() read is a
 * stand-in, since what the database answers is tested in tests/db.
 */
import { describe, expect, it } from 'vitest';
import type { Account, Backend } from '$lib/data';
import { createDemoAuth } from '$lib/data/embedded/demo-auth';
import { AccountStore } from './account.svelte';

const coordinator: Account = {
	userId: 'u-coordinator',
	displayName: 'Coördinator Nieuw-West',
	isAdmin: false,
	coordinatorAreas: [{ id: 'nieuw-west', name: 'Nieuw-West' }],
	organisations: []
} as unknown as Account;

function demoBackend(answer: () => Promise<Account> = () => Promise.resolve(coordinator)) {
	const auth = createDemoAuth(async () => [
		{ userId: 'u-coordinator', email: 'coordinator@example.org', label: 'Coördinator' } as never
	]);
	let reads = 0;
	const backend = {
		auth,
		// No invitation waits for this address.
		claimInvitations: () => Promise.resolve([]),
		account: () => ((reads += 1), answer())
	} as unknown as Backend;
	return { backend, auth, reads: () => reads };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('AccountStore', () => {
	it('is signed out with no account until someone signs in', async () => {
		const store = new AccountStore();
		const { backend, reads } = demoBackend();
		store.connect(backend);
		await settle();
		expect(store.signedIn).toBe(false);
		expect(store.account).toBeNull();
		expect(store.isCoordinator).toBe(false);
		expect(store.method).toBe('local-demo');
		// Nobody to ask about.
		expect(reads()).toBe(0);
	});

	it('loads the account of whoever signs in, and tells who reloads the atlas', async () => {
		const store = new AccountStore();
		const { backend, auth } = demoBackend();
		let changes = 0;
		store.onUserChange(() => (changes += 1));
		store.connect(backend);
		await auth.signInAsDemo!('u-coordinator');
		await settle();
		expect(store.signedIn).toBe(true);
		expect(store.account?.displayName).toBe('Coördinator Nieuw-West');
		expect(store.isCoordinator).toBe(true);
		expect(changes).toBe(1);

		await auth.signOut();
		await settle();
		expect(store.signedIn).toBe(false);
		expect(store.account).toBeNull();
		expect(changes).toBe(2);
	});

	it('follows one backend once, and a failed read leaves no stale account', async () => {
		const store = new AccountStore();
		let fail = false;
		const { backend, auth, reads } = demoBackend(() =>
			fail ? Promise.reject(new Error('offline')) : Promise.resolve(coordinator)
		);
		await auth.signInAsDemo!('u-coordinator');
		store.connect(backend);
		store.connect(backend);
		await settle();
		expect(reads()).toBe(1);
		expect(store.account).not.toBeNull();

		fail = true;
		await store.refresh();
		expect(store.account).toBeNull();
		expect(store.loading).toBe(false);
	});

	it('knows who is signed in only once the invitations to them are claimed, and keeps that on a reload', async () => {
		const store = new AccountStore();
		const { backend, auth } = demoBackend();
		let claimed = false;
		let release!: () => void;
		backend.claimInvitations = () =>
			new Promise((resolve) => {
				release = () => ((claimed = true), resolve(['org-repair-cafe']));
			});
		store.connect(backend);
		await auth.signInAsDemo!('u-coordinator');
		await settle();
		// Signed in, but a list read now would miss what the invitation brings.
		expect(store.signedIn).toBe(true);
		expect(store.knownAs).toBeUndefined();

		release();
		await settle();
		expect(claimed).toBe(true);
		expect(store.knownAs).toBe('coordinator u-coordinator');

		// Reading the same account again changes nothing a page keys on.
		const reload = store.refresh();
		expect(store.loading).toBe(true);
		expect(store.knownAs).toBe('coordinator u-coordinator');
		await reload;
		expect(store.knownAs).toBe('coordinator u-coordinator');

		await auth.signOut();
		await settle();
		expect(store.knownAs).toBeUndefined();
	});

	it('still lists what a person may keep when their account cannot be read', async () => {
		const store = new AccountStore();
		const { backend, auth } = demoBackend(() => Promise.reject(new Error('offline')));
		store.connect(backend);
		await auth.signInAsDemo!('u-coordinator');
		await settle();
		expect(store.account).toBeNull();
		expect(store.knownAs).toBe('member u-coordinator');
	});
});
