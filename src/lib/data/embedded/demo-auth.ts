/**
 * Signing in to the embedded database: a local demo. One picks a seeded
 * account; no password, nothing leaves the browser. The session is kept like
 * Supabase keeps its own (in localStorage, shared by the tabs of this site), and
 * turns into the same JWT claims, so row-level security sees a real user.
 */
import { listeners, type AuthPort, type Session } from '../auth';
import type { DemoAccount } from '../editing-types';

const sessionKey = 'buurtatlas:demo-session';

export function createDemoAuth(loadAccounts: () => Promise<DemoAccount[]>): AuthPort {
	const changes = listeners<Session | null>();
	let current = readSession();

	// Signing in or out in another tab counts here too.
	globalThis.addEventListener?.('storage', (event) => {
		if (event.key !== sessionKey) return;
		current = readSession();
		changes.emit(current);
	});

	function set(session: Session | null): void {
		current = session;
		try {
			if (session) localStorage.setItem(sessionKey, JSON.stringify(session));
			else localStorage.removeItem(sessionKey);
		} catch {
			// Storage blocked: the session lasts as long as the page.
		}
		changes.emit(session);
	}

	return {
		method: 'local-demo',
		session: () => current,
		onChange: (listener) => changes.add(listener),
		demoAccounts: loadAccounts,
		async signInAsDemo(userId) {
			const account = (await loadAccounts()).find((a) => a.userId === userId);
			if (!account) throw new Error(`No demo account ${userId}`);
			set({ userId: account.userId, email: account.email });
		},
		async sendCode() {
			throw new Error('The local demo signs in without email');
		},
		async verifyCode() {
			throw new Error('The local demo signs in without email');
		},
		async signOut() {
			set(null);
		}
	};
}

function readSession(): Session | null {
	try {
		const stored = JSON.parse(localStorage.getItem(sessionKey) ?? 'null') as Session | null;
		return stored && typeof stored.userId === 'string' ? stored : null;
	} catch {
		return null;
	}
}
