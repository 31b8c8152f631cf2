/**
 * The atlas as the app holds it: which backend, how far loading got, the
 * organisations and collaborations, and the part of the map in view. One
 * instance for the page; map and list both read it and neither talks to the other.
 */
import {
	configuredBackendKind,
	connect,
	onSetupStep,
	type Atlas,
	type Backend,
	type BackendInfo,
	type BoundingBox,
	type ReferenceData
} from '$lib/data';
import { boundsOf, isInside } from '$lib/map/organisation-features';

/** A request for the map to show these bounds; `seq` makes a repeat request new. */
export interface FitRequest {
	bounds: BoundingBox;
	seq: number;
}

export type LoadState =
	| { phase: 'starting' }
	| { phase: 'migrating'; done: number; total: number }
	| { phase: 'seeding' }
	| { phase: 'fetching' }
	| { phase: 'ready' }
	| { phase: 'failed'; error: unknown };

export class AtlasStore {
	#load = $state<LoadState>({ phase: 'starting' });
	#backend = $state.raw<Backend | null>(null);
	#atlas = $state.raw<Atlas | null>(null);
	#reference = $state.raw<ReferenceData | null>(null);
	#viewBounds = $state.raw<BoundingBox | null>(null);
	#fitRequest = $state.raw<FitRequest | null>(null);
	#started = false;

	readonly backendKind = configuredBackendKind();

	get load(): LoadState {
		return this.#load;
	}
	get backend(): Backend | null {
		return this.#backend;
	}
	get backendInfo(): BackendInfo | null {
		return this.#backend?.info ?? null;
	}
	get atlas(): Atlas | null {
		return this.#atlas;
	}
	get reference(): ReferenceData | null {
		return this.#reference;
	}
	get viewBounds(): BoundingBox | null {
		return this.#viewBounds;
	}
	get fitRequest(): FitRequest | null {
		return this.#fitRequest;
	}

	readonly organisations = $derived(this.#atlas?.organisations ?? []);

	/** The organisations in the part of the map in view (all of them until the map reports). */
	readonly inView = $derived.by(() => {
		const bounds = this.#viewBounds;
		return bounds ? this.organisations.filter((o) => isInside(o, bounds)) : this.organisations;
	});

	/** Starts loading once; later calls are no-ops unless the last attempt failed. */
	start(): void {
		if (this.#started) return;
		this.#started = true;
		void this.#run();
	}

	retry(): void {
		if (this.#load.phase !== 'failed') return;
		this.#load = { phase: 'starting' };
		void this.#run();
	}

	setViewBounds(bounds: BoundingBox): void {
		this.#viewBounds = bounds;
	}

	/** Asks the map to show every organisation in the atlas. */
	showAll(): void {
		const bounds = boundsOf(this.organisations);
		if (bounds) this.#fitRequest = { bounds, seq: (this.#fitRequest?.seq ?? 0) + 1 };
	}

	async #run(): Promise<void> {
		const stopListening = onSetupStep((step) => {
			if (step.step === 'migration') {
				this.#load = { phase: 'migrating', done: step.done, total: step.total };
			} else if (step.step === 'seed') {
				this.#load = { phase: 'seeding' };
			}
		});
		try {
			const backend = await connect();
			performance.mark('buurtatlas:backend-ready');
			this.#backend = backend;
			this.#load = { phase: 'fetching' };
			const [reference, atlas] = await Promise.all([backend.referenceData(), backend.atlas()]);
			this.#reference = reference;
			this.#atlas = atlas;
			this.#load = { phase: 'ready' };
			performance.mark('buurtatlas:data-ready');
		} catch (error) {
			this.#load = { phase: 'failed', error };
		} finally {
			stopListening();
		}
	}
}

export const atlasStore = new AtlasStore();
