/**
 * Signing in, behind the same port for both backends. Hosted: Supabase Auth
 * sends a one-time code by email. Embedded: a local demo picks one of the
 * seeded accounts, with no password, and sets the same JWT claims a hosted
 * session would, so the same row-level security applies.
 */
import type { DemoAccount } from './editing-types';

export interface Session {
	userId: string;
	email: string | null;
}

export type SignInMethod = 'local-demo' | 'email-code';

export interface AuthPort {
	readonly method: SignInMethod;
	session(): Session | null;
	/** Called with the new session on every sign-in and sign-out. Returns an unsubscribe. */
	onChange(listener: (session: Session | null) => void): () => void;
	/** The accounts a local demo may sign in as; none for a hosted project. */
	demoAccounts(): Promise<DemoAccount[]>;
	signInAsDemo(userId: string): Promise<void>;
	/** Hosted: sends a one-time code (and a magic link) to the address. */
	sendCode(email: string): Promise<void>;
	verifyCode(email: string, code: string): Promise<void>;
	signOut(): Promise<void>;
}

/** The claims PostgREST would take from this session's JWT. */
export function claimsOf(session: Session | null): {
	role: 'anon' | 'authenticated';
	sub?: string;
	email?: string;
} {
	return session
		? {
				role: 'authenticated',
				sub: session.userId,
				...(session.email ? { email: session.email } : {})
			}
		: { role: 'anon' };
}

/** Listeners of one port; a failing listener does not stop the others. */
export function listeners<T>() {
	const all = new Set<(value: T) => void>();
	return {
		add(listener: (value: T) => void): () => void {
			all.add(listener);
			return () => all.delete(listener);
		},
		emit(value: T): void {
			for (const listener of all) {
				try {
					listener(value);
				} catch (error) {
					console.error(error);
				}
			}
		}
	};
}
