/**
 * Suggestions as the user types: the SQL search (search_organisations), asked
 * after a short pause, with answers to older queries dropped so a slow answer
 * never overwrites a newer one.
 */
import { connect, type SearchHit } from '$lib/data';

/** Long enough not to query every keystroke, short enough to feel immediate. */
const pauseMs = 150;
const maxSuggestions = 8;

export class SearchState {
	#query = $state('');
	#hits = $state.raw<SearchHit[]>([]);
	#status = $state<'idle' | 'searching' | 'done' | 'failed'>('idle');
	#latest = 0;
	#timer: ReturnType<typeof setTimeout> | undefined;

	get query(): string {
		return this.#query;
	}
	get hits(): SearchHit[] {
		return this.#hits;
	}
	get status(): 'idle' | 'searching' | 'done' | 'failed' {
		return this.#status;
	}

	set query(value: string) {
		this.#query = value;
		clearTimeout(this.#timer);
		const request = ++this.#latest;
		if (value.trim() === '') {
			this.#hits = [];
			this.#status = 'idle';
			return;
		}
		this.#status = 'searching';
		this.#timer = setTimeout(() => void this.#search(value, request), pauseMs);
	}

	clear(): void {
		this.query = '';
	}

	async #search(text: string, request: number): Promise<void> {
		try {
			const hits = await (await connect()).search(text, maxSuggestions);
			if (request !== this.#latest) return;
			this.#hits = hits;
			this.#status = 'done';
		} catch (error) {
			if (request !== this.#latest) return;
			console.error(error);
			this.#hits = [];
			this.#status = 'failed';
		}
	}
}
