import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SearchHit } from '$lib/data';

/** A backend whose answers arrive when the test says so. */
const pending = new Map<string, (hits: SearchHit[]) => void>();
vi.mock('$lib/data', () => ({
	connect: async () => ({
		search: (text: string) => new Promise<SearchHit[]>((resolve) => pending.set(text, resolve))
	})
}));

const { SearchState } = await import('./search-state.svelte');

const hit = (name: string): SearchHit => ({
	id: name,
	slug: name,
	name,
	kind: 'other',
	lng: null,
	lat: null,
	score: 1
});

describe('SearchState', () => {
	beforeEach(() => {
		vi.useFakeTimers();
		pending.clear();
	});
	afterEach(() => vi.useRealTimers());

	it('asks only after a pause in typing', async () => {
		const search = new SearchState();
		search.query = 'p';
		search.query = 'pl';
		search.query = 'plein';
		expect(search.status).toBe('searching');
		await vi.advanceTimersByTimeAsync(200);
		expect([...pending.keys()]).toEqual(['plein']);
	});

	it('drops an older answer that arrives after a newer one', async () => {
		const search = new SearchState();
		search.query = 'plein';
		await vi.advanceTimersByTimeAsync(200);
		search.query = 'taal';
		await vi.advanceTimersByTimeAsync(200);

		pending.get('taal')?.([hit('Taalcafé')]);
		await vi.advanceTimersByTimeAsync(0);
		pending.get('plein')?.([hit('Wij Zijn Plein')]);
		await vi.advanceTimersByTimeAsync(0);

		expect(search.hits.map((h) => h.name)).toEqual(['Taalcafé']);
		expect(search.status).toBe('done');
	});

	it('forgets the suggestions when the text is cleared', async () => {
		const search = new SearchState();
		search.query = 'plein';
		await vi.advanceTimersByTimeAsync(200);
		search.clear();
		pending.get('plein')?.([hit('Wij Zijn Plein')]);
		await vi.advanceTimersByTimeAsync(0);
		expect(search.hits).toEqual([]);
		expect(search.status).toBe('idle');
	});
});
