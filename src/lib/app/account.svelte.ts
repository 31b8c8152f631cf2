/**
 * Who is signed in, and what they may do: one state for the whole app, beside
 * the connection that owns the backend. It follows the backend's auth port; every change of user reloads the account
 * and the atlas, since row-level security now shows a different atlas.
 */
import type { Account, Backend, Session, SignInMethod } from '$lib/data';
import { connection } from './connection.svelte';

export class AccountStore {
	#backend: Backend | null = null;
	#session = $state.raw<Session | null>(null);
	#account = $state.raw<Account | null>(null);
	#loading = $state(false);
	#stop: (() => void) | null = null;
	#listeners: (() => void)[] = [];

	get session(): Session | null {
		return this.#session;
	}
	get account(): Account | null {
		return this.#account;
	}
	get loading(): boolean {
		return this.#loading;
	}
	get method(): SignInMethod | null {
		return this.#backend?.auth.method ?? null;
	}
	get signedIn(): boolean {
		return this.#session !== null;
	}
	/** Coordinators and admins: they publish and moderate. */
	get isCoordinator(): boolean {
		const account = this.#account;
		return Boolean(account && (account.isAdmin || account.coordinatorAreas.length > 0));
	}

	/**
	 * Who is signed in and as what ("coordinator <id>", "member <id>"), once
	 * their account is known, that is after signing in has claimed the
	 * invitations to their address; undefined while it loads. A page keys what
	 * it reads on this, so it asks once per person, with what they were invited
	 * to, and not again when the same account reloads.
	 */
	get knownAs(): string | undefined {
		const userId = this.#session?.userId;
		if (!userId) return undefined;
		if (this.#account?.userId === userId) {
			return `${this.isCoordinator ? 'coordinator' : 'member'} ${userId}`;
		}
		// Their account could not be read: what row-level security allows them still lists.
		return this.#loading ? undefined : `member ${userId}`;
	}

	/** Follows this backend's sessions; once per backend. */
	connect(backend: Backend): void {
		if (this.#backend === backend) return;
		this.#stop?.();
		this.#backend = backend;
		this.#session = backend.auth.session();
		this.#stop = backend.auth.onChange((session) => {
			this.#session = session;
			void this.#reload({ claim: true });
			for (const listener of this.#listeners) listener();
		});
		void this.#reload({ claim: true });
	}

	/** Called after every change of user (not on the first connect). */
	onUserChange(listener: () => void): () => void {
		this.#listeners.push(listener);
		return () => {
			this.#listeners = this.#listeners.filter((l) => l !== listener);
		};
	}

	/** @param claim on signing in: an invitation to this address makes its person a member */
	async #reload({ claim = false } = {}): Promise<void> {
		const backend = this.#backend;
		if (!backend) return;
		if (!backend.auth.session()) {
			this.#account = null;
			return;
		}
		this.#loading = true;
		try {
			if (claim) {
				await backend.claimInvitations().catch((error: unknown) => {
					console.error('Invitations unavailable', error);
				});
			}
			this.#account = await backend.account();
		} catch (error) {
			console.error('Account unavailable', error);
			this.#account = null;
		} finally {
			this.#loading = false;
		}
	}

	/** After a save that may change the user's organisations. */
	refresh(): Promise<void> {
		return this.#reload();
	}
}

export const accountStore = new AccountStore();
// Sign-in follows the backend once it is there.
connection.onOpen((backend) => accountStore.connect(backend));
