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
		} finally {
			if (request === this.#request) this.#reading = false;
		}
	}
}
