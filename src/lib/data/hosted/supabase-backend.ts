import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { createRpcBackend, hostedLocation, type Backend } from '../backend';
import { BackendError } from '../errors';
import type { Database } from './database.types';

export interface HostedOptions {
	url: string;
	anonKey: string;
	/** For tests only: the HTTP boundary, which cannot be reached here. */
	fetch?: typeof fetch;
}

/** The hosted adapter: the same SQL functions, over Supabase's REST API. */
export function createHostedBackend({ url, anonKey, fetch }: HostedOptions): Backend {
	const client: SupabaseClient<Database> = createClient<Database>(url, anonKey, {
		auth: { persistSession: true, autoRefreshToken: true },
		global: fetch ? { fetch } : {}
	});
	return createRpcBackend({ kind: 'hosted', location: hostedLocation(url) }, async (name, args) => {
		// The RPC names and arguments are checked against Database by rpcFunctions.
		const { data, error } = await client.rpc(name, args as never);
		if (error) throw toBackendError(name, error);
		return data;
	});
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
	return new BackendError('query', `${name}(): ${error.message}`, { cause: error });
}
