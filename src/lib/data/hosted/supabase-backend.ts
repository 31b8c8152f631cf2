import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { createRpcBackend, hostedLocation, type Backend } from '../backend';
import { listeners, type AuthPort, type Session } from '../auth';
import { BackendError, refusalOf } from '../errors';
import type { Database } from './database.types';

export interface HostedOptions {
	url: string;
	anonKey: string;
	/** For tests only: the HTTP boundary, which cannot be reached here. */
	fetch?: typeof fetch;
}

/** The hosted adapter: the same SQL functions, over Supabase's REST API. */
export async function createHostedBackend({
	url,
	anonKey,
	fetch
}: HostedOptions): Promise<Backend> {
	const client: SupabaseClient<Database> = createClient<Database>(url, anonKey, {
		auth: { persistSession: true, autoRefreshToken: true },
		global: fetch ? { fetch } : {}
	});
	const auth = await createSupabaseAuth(client);
	return createRpcBackend(
		{ kind: 'hosted', location: hostedLocation(url) },
		async (name, args, { signal } = {}) => {
			// The RPC names and arguments are checked against Database by rpcFunctions.
			// supabase-js sends the session's JWT, so the database knows the user.
			const request = client.rpc(name, args as never);
			const { data, error } = await (signal ? request.abortSignal(signal) : request);
			if (error) throw toBackendError(name, error);
			return data;
		},
		auth
	);
}

/**
 * Supabase Auth by email: a one-time code (the same mail carries a magic
 * link), then the session supabase-js keeps and refreshes itself.
 */
async function createSupabaseAuth(client: SupabaseClient<Database>): Promise<AuthPort> {
	const changes = listeners<Session | null>();
	const toSession = (user: { id: string; email?: string | null } | null | undefined) =>
		user ? { userId: user.id, email: user.email ?? null } : null;
	let current: Session | null = toSession((await client.auth.getSession()).data.session?.user);
	client.auth.onAuthStateChange((_event, session) => {
		const next = toSession(session?.user);
		if (next?.userId === current?.userId) return;
		current = next;
		changes.emit(current);
	});
	const fail = (error: { message: string } | null) => {
		if (error)
			throw new BackendError('refused', error.message, {
				refusal: { reason: 'auth', constraint: null }
			});
	};
	return {
		method: 'email-code',
		session: () => current,
		onChange: (listener) => changes.add(listener),
		demoAccounts: async () => [],
		async signInAsDemo() {
			throw new Error('A hosted project has no demo accounts');
		},
		async sendCode(email) {
			const { error } = await client.auth.signInWithOtp({
				email,
				options: { shouldCreateUser: true, emailRedirectTo: globalThis.location?.href }
			});
			fail(error);
		},
		async verifyCode(email, code) {
			const { error } = await client.auth.verifyOtp({ email, token: code, type: 'email' });
			fail(error);
		},
		async signOut() {
			const { error } = await client.auth.signOut();
			fail(error);
		}
	};
}

interface PostgrestFailure {
	message: string;
	code: string;
	details?: string | null;
	hint?: string | null;
}

function toBackendError(name: string, error: PostgrestFailure): BackendError {
	// supabase-js reports a failed fetch (offline, DNS, CORS) with an empty code.
	if (!error.code || /fetch|network/i.test(error.message)) {
		return new BackendError('unreachable', `${name}(): ${error.message}`, { cause: error });
	}
	// PGRST202: no such function, 42883: no function matches the arguments: the
	// hosted database has not been migrated to what this app expects.
	if (error.code === 'PGRST202' || error.code === '42883') {
		return new BackendError('incompatible', `${name}(): ${error.message}`, { cause: error });
	}
	const refusal = refusalOf(error);
	if (refusal) {
		return new BackendError('refused', `${name}(): ${error.message}`, { cause: error, refusal });
	}
	return new BackendError('query', `${name}(): ${error.message}`, { cause: error });
}
