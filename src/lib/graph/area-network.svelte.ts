/**
 * The network between areas, read when the scope is too large to show
 * organisation by organisation. Only the latest request's answer is kept; the
 * previous one stays shown until it arrives.
 */
import type { AreaLevel, AreaNetwork, AtlasQuery, Backend } from '$lib/data';

export class AreaNetworkReader {
	#network = $state.raw<AreaNetwork | null>(null);
	#reading = $state(false);
	#error = $state.raw<unknown>(null);
	#request = 0;
	/** What the answer shown (or under way) is for: the same question is not asked twice. */
	#asked: string | null = null;
	/** The level chosen to show; shared by every view of this network. */
	level = $state<AreaLevel | null>(null);

	get network(): AreaNetwork | null {
		return this.#network;
	}
	get reading(): boolean {
		return this.#reading;
	}
	get error(): unknown {
		return this.#error;
	}

	async read(backend: Backend, level: AreaLevel, filters: Omit<AtlasQuery, 'bbox'>): Promise<void> {
		const asked = JSON.stringify([backend.info, level, filters]);
		if (asked === this.#asked && !this.#error) return;
		this.#asked = asked;
		const request = ++this.#request;
		this.#reading = true;
		try {
			const network = await backend.areaNetwork(level, filters);
			if (request !== this.#request) return;
			this.#network = network;
			this.#error = null;
		} catch (error) {
			if (request !== this.#request) return;
			console.error(error);
			this.#error = error;
			this.#asked = null;
		} finally {
			if (request === this.#request) this.#reading = false;
		}
	}
}

/** The one reader the views of the network between areas share (beside the map, on /netwerk). */
export const areaNetworkReader = new AreaNetworkReader();
