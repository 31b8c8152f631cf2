/**
 * Suggestions as the user types, from any source (the SQL search, the
 * geocoder): asked after a short pause, an older request aborted when a newer
 * one starts, and an answer to an older query never shown over a newer one.
 */

/** Long enough not to ask on every keystroke, short enough to feel immediate. */
const defaultPauseMs = 150;

export type SuggestionStatus = 'idle' | 'searching' | 'done' | 'failed';

export type FindSuggestions<T> = (text: string, signal: AbortSignal) => Promise<T[]>;

export class Suggestions<T> {
	#query = $state('');
	#items = $state.raw<T[]>([]);
	#status = $state<SuggestionStatus>('idle');
	#error = $state.raw<unknown>(null);
	#latest = 0;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#inFlight: AbortController | undefined;

	readonly #find: FindSuggestions<T>;
	readonly #pauseMs: number;

	constructor(find: FindSuggestions<T>, pauseMs = defaultPauseMs) {
		this.#find = find;
		this.#pauseMs = pauseMs;
	}

	get query(): string {
		return this.#query;
	}
	get items(): T[] {
		return this.#items;
	}
	get status(): SuggestionStatus {
		return this.#status;
	}
	/** Why the last request failed, for the component to explain. */
	get error(): unknown {
		return this.#error;
	}

	set query(value: string) {
		this.#query = value;
		clearTimeout(this.#timer);
		this.#inFlight?.abort();
		const request = ++this.#latest;
		if (value.trim() === '') {
			this.#items = [];
			this.#status = 'idle';
			return;
		}
		this.#status = 'searching';
		this.#timer = setTimeout(() => void this.#ask(value, request), this.#pauseMs);
	}

	clear(): void {
		this.query = '';
	}

	async #ask(text: string, request: number): Promise<void> {
		const controller = new AbortController();
		this.#inFlight = controller;
		try {
			const items = await this.#find(text, controller.signal);
			if (request !== this.#latest) return;
			this.#items = items;
			this.#error = null;
			this.#status = 'done';
		} catch (error) {
			if (request !== this.#latest) return;
			this.#items = [];
			this.#error = error;
			this.#status = 'failed';
		}
	}
}
