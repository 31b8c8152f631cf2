/**
 * What the map shows, read from the database view by view (map_view()). The
 * answer on screen stays until the next one arrives, so a pan or a zoom never
 * empties the map; a request that a newer one overtakes is aborted (hosted:
 * cancelled; embedded: its answer dropped).
 */
import type { Backend, MapViewAnswer, MapViewQuery } from '$lib/data';
import { covers, type Viewport } from './view-requests';

export class MapViewReader {
	#answer = $state.raw<MapViewAnswer | null>(null);
	#reading = $state(false);
	#error = $state.raw<unknown>(null);
	/** The request whose answer is shown, and the one under way. */
	#shown: MapViewQuery | null = null;
	#pending: { query: MapViewQuery; controller: AbortController } | null = null;

	/**
	 * The question the live answer on screen answered; null while an earlier
	 * answer (or none) is shown.
	 */
	get shownQuery(): MapViewQuery | null {
		return this.#answer ? this.#shown : null;
	}

	/** The database's answer for the view, or null until the first one arrives. */
	get answer(): MapViewAnswer | null {
		return this.#answer;
	}
	/** True while an answer for a new view is on its way. */
	get reading(): boolean {
		return this.#reading;
	}
	/** The last read's failure, if it failed (the previous answer stays shown). */
	get error(): unknown {
		return this.#error;
	}

	/**
	 * Asks for `query` unless the answer shown, or the one under way, already
	 * covers the view. Resolves when the answer is shown, dropped or failed.
	 */
	async read(backend: Backend, query: MapViewQuery, viewport: Viewport): Promise<void> {
		if (this.#pending && covers(this.#pending.query, query, viewport)) return;
		if (!this.#pending && this.#shown && covers(this.#shown, query, viewport)) return;
		this.#pending?.controller.abort();
		const controller = new AbortController();
		const pending = { query, controller };
		this.#pending = pending;
		this.#reading = true;
		try {
			const answer = await backend.mapView(query, controller.signal);
			if (controller.signal.aborted) return;
			this.#answer = answer;
			this.#shown = query;
			this.#error = null;
		} catch (error) {
			if (controller.signal.aborted) return;
			console.error(error);
			this.#error = error;
		} finally {
			if (this.#pending === pending) {
				this.#pending = null;
				this.#reading = false;
			}
		}
	}

	/**
	 * Draws an answer known before the backend has started (the build's first
	 * paint, or the last view this browser saw) if one covers the view and no
	 * live answer is shown. The next read still asks the database.
	 */
	showEarlier(
		earlier: readonly { query: MapViewQuery; answer: MapViewAnswer }[],
		query: MapViewQuery,
		viewport: Viewport
	): void {
		if (this.#shown) return;
		const known = earlier.find((view) => covers(view.query, query, viewport));
		if (known) this.#answer = known.answer;
	}

	/** The data changed (an edit, an import): the next read asks again, keeping this answer on screen. */
	invalidate(): void {
		this.#shown = null;
		this.#pending?.controller.abort();
		this.#pending = null;
		this.#reading = false;
	}
}
