/**
 * What a page reads from the database and shows: one organisation, a history,
 * a queue. The page says what it wants (a key, read reactively) and how to ask
 * for it; the resource asks once the backend is there, asks again when the key
 * changes, drops the answer to a question no longer asked, and says where it
 * is as one status the markup switches on.
 *
 *   const detail = resource(() => page.params.slug, (backend, slug) => backend.organisation(slug));
 *   {#if detail.state.status === 'found'} … detail.state.value …
 *
 * Writes do not go through here: they are actions (see action.svelte.ts), and
 * a page calls `reload()` after one to show what the database now holds.
 */
import { untrack } from 'svelte';
import type { Backend } from '$lib/data';
import { connection as appConnection, type Connection } from './connection.svelte';
import { describeError, isAbort } from './describe-error';

export type ResourceState<T> =
	/** Nothing asked yet: the backend is starting, or the page has nothing to ask (no key). */
	| { status: 'waiting' }
	| { status: 'loading' }
	| { status: 'found'; value: T }
	/** The database answered that there is no such thing (the loader gave null). */
	| { status: 'missing' }
	| { status: 'failed'; error: unknown; message: string };

/** How to ask: `signal` is aborted when the answer is no longer wanted. */
export type Load<K, T> = (backend: Backend, key: K, signal: AbortSignal) => Promise<T | null>;

export class Resource<K, T> {
	#state = $state.raw<ResourceState<T>>({ status: 'waiting' });
	#asked: { backend: Backend; key: K } | null = null;
	#latest = 0;
	#inFlight: AbortController | undefined;
	readonly #load: Load<K, T>;

	constructor(load: Load<K, T>) {
		this.#load = load;
	}

	get state(): ResourceState<T> {
		return this.#state;
	}
	/** The value while one is found; undefined otherwise. */
	get value(): T | undefined {
		return this.#state.status === 'found' ? this.#state.value : undefined;
	}

	/** Asks for `key` (nothing when there is no backend or key yet); any earlier question is dropped. */
	ask(backend: Backend | null, key: K | undefined): void {
		if (!backend || key === undefined) {
			this.stop();
			this.#asked = null;
			this.#state = { status: 'waiting' };
			return;
		}
		this.#asked = { backend, key };
		void this.#run(true);
	}

	/** Asks the same question again, keeping what is shown until the answer is there (after a write). */
	reload(): Promise<void> {
		return this.#run(false);
	}

	/** After a failure: asks again, showing that it is loading. */
	retry(): Promise<void> {
		return this.#run(true);
	}

	/** Drops the question in flight, if any. */
	stop(): void {
		this.#latest += 1;
		this.#inFlight?.abort();
		this.#inFlight = undefined;
	}

	async #run(showLoading: boolean): Promise<void> {
		const asked = this.#asked;
		if (!asked) return;
		this.stop();
		const request = this.#latest;
		const controller = new AbortController();
		this.#inFlight = controller;
		if (showLoading) this.#state = { status: 'loading' };
		try {
			const value = await this.#load(asked.backend, asked.key, controller.signal);
			if (request !== this.#latest) return;
			this.#state = value === null ? { status: 'missing' } : { status: 'found', value };
		} catch (error) {
			if (request !== this.#latest || isAbort(error)) return;
			this.#state = {
				status: 'failed',
				error,
				message: describeError(error, asked.backend.info.kind)
			};
		} finally {
			if (this.#inFlight === controller) this.#inFlight = undefined;
		}
	}
}

/**
 * A resource that follows the page: asks whenever the backend or anything
 * `key` reads changes, and stops when the component goes. Call it while a
 * component is set up (it makes an effect). `key` gives undefined while
 * there is nothing to ask (not signed in, no slug).
 */
export function resource<K, T>(
	key: () => K | undefined,
	load: Load<K, T>,
	from: Connection = appConnection
): Resource<K, T> {
	const read = new Resource(load);
	$effect(() => {
		const backend = from.backend;
		const wanted = key();
		untrack(() => read.ask(backend, wanted));
		return () => read.stop();
	});
	return read;
}
