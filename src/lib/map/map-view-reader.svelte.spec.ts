import { describe, expect, it } from 'vitest';
import type { Backend, MapViewAnswer, MapViewQuery } from '$lib/data';
import { MapViewReader } from './map-view-reader.svelte';
import type { Viewport } from './view-requests';

const viewport: Viewport = { bbox: [4.78, 52.35, 4.82, 52.38], zoom: 12.4 };
const query: MapViewQuery = { bbox: [4.76, 52.335, 4.84, 52.395], zoom: 12, withTies: false };
const answer = (shown: number): MapViewAnswer => ({
	zoom: 12,
	points: [],
	cells: [],
	ties: [],
	shown
});

/**
 * The reader's only call on the port, answered at once. The database's side
 * of map_view() is tested against real Postgres in tests/db/map-view.spec.ts.
 */
function answering(shown: number) {
	const asked: MapViewQuery[] = [];
	const backend = {
		mapView: (q: MapViewQuery) => {
			asked.push(q);
			return Promise.resolve(answer(shown));
		}
	} as unknown as Backend;
	return { backend, asked };
}

describe('MapViewReader before the backend answers', () => {
	it('draws an earlier answer only when it covers the view and asks the same', () => {
		const reader = new MapViewReader();
		const elsewhere = { query: { ...query, bbox: [5, 52, 5.1, 52.1] as const }, answer: answer(1) };
		const filtered = { query: { ...query, themes: ['wonen'] }, answer: answer(2) };
		reader.showEarlier([elsewhere, filtered], query, viewport);
		expect(reader.answer).toBeNull();
		reader.showEarlier([elsewhere, filtered, { query, answer: answer(3) }], query, viewport);
		expect(reader.answer?.shown).toBe(3);
		expect(reader.shownQuery).toBeNull();
	});

	it('still asks the database once it is there, and never puts an earlier answer over a live one', async () => {
		const reader = new MapViewReader();
		reader.showEarlier([{ query, answer: answer(3) }], query, viewport);
		const { backend, asked } = answering(7);
		await reader.read(backend, query, viewport);
		expect(asked).toEqual([query]);
		expect(reader.answer?.shown).toBe(7);
		expect(reader.shownQuery).toEqual(query);
		reader.showEarlier([{ query, answer: answer(3) }], query, viewport);
		expect(reader.answer?.shown).toBe(7);
	});
});
