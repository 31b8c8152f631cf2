/**
 * The one owner of the backend: which one is configured, how far its start
 * got, and the backend itself once it answers. Features read `backend` and
 * show `state` while they wait; none of them starts or stops it.
 *
 * The embedded database is the heaviest thing the app loads (PGlite's wasm and
 * the database snapshot), so it is not started with the page: the atlas asks
 * for it once the map has drawn what it knew before (see atlas-store), and
 * anything that needs it sooner calls `open()`.
 */
import { configuredBackend, connect, onSetupStep, type Backend, type BackendInfo } from '$lib/data';

export type ConnectionState =
	| { phase: 'waiting' }
	| { phase: 'starting' }
	| { phase: 'migrating'; done: number; total: number }
	| { phase: 'seeding' }
	| { phase: 'ready' }
	| { phase: 'failed'; error: unknown };

/** How far loading got, for a page that also waits for its data after the backend is there. */
export type LoadState = ConnectionState | { phase: 'fetching' };

export class Connection {
	/** The configured backend, known before it has started. */
	readonly info: BackendInfo = configuredBackend();
	readonly kind = this.info.kind;
	#state = $state.raw<ConnectionState>({ phase: 'waiting' });
	#backend = $state.raw<Backend | null>(null);
	#opening: Promise<Backend> | null = null;
	#listeners: ((backend: Backend) => void)[] = [];
	readonly #connect: () => Promise<Backend>;

	/** @param connectTo how the backend starts: the configured one, unless a test says otherwise */
	constructor(connectTo: () => Promise<Backend> = connect) {
		this.#connect = connectTo;
	}

	get state(): ConnectionState {
		return this.#state;
	}
	/** The backend once it answers; null before. */
	get backend(): Backend | null {
		return this.#backend;
	}

	/** Starts the backend if it has not started (or failed); resolves once it answers. */
	open(): Promise<Backend> {
		this.#opening ??= this.#open();
		return this.#opening;
	}

	/** After a failed start: tries again. */
	retry(): void {
		if (this.#state.phase === 'failed') void this.open().catch(() => {});
	}

	/** Called with the backend each time one is ready (the first start, and a start after a retry). */
	onOpen(listener: (backend: Backend) => void): () => void {
		this.#listeners.push(listener);
		if (this.#backend) listener(this.#backend);
		return () => {
			this.#listeners = this.#listeners.filter((l) => l !== listener);
		};
	}

	async #open(): Promise<Backend> {
		performance.mark('buurtatlas:backend-starting');
		this.#state = { phase: 'starting' };
		const stopListening = onSetupStep((step) => {
			if (step.step === 'migration') {
				this.#state = { phase: 'migrating', done: step.done, total: step.total };
			} else if (step.step === 'seed') {
				this.#state = { phase: 'seeding' };
			}
		});
		try {
			const backend = await this.#connect();
			performance.mark('buurtatlas:backend-ready');
			this.#backend = backend;
			this.#state = { phase: 'ready' };
			for (const listener of this.#listeners) listener(backend);
			return backend;
		} catch (error) {
			this.#state = { phase: 'failed', error };
			this.#opening = null;
			throw error;
		} finally {
			stopListening();
		}
	}
}

export const connection = new Connection();
