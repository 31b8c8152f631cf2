import { describe, expect, it } from 'vitest';
import {
	cacheKey,
	maxCachedAtlasChars,
	readCachedAtlas,
	readCachedView,
	writeCachedAtlas,
	writeCachedView,
	type CachedAtlas,
	type CachedView
} from './atlas-cache';

class MemoryStorage implements Storage {
	#items = new Map<string, string>();
	quotaLeft = Infinity;
	get length() {
		return this.#items.size;
	}
	clear() {
		this.#items.clear();
	}
	getItem(key: string) {
		return this.#items.get(key) ?? null;
	}
	key(index: number) {
		return [...this.#items.keys()][index] ?? null;
	}
	removeItem(key: string) {
		this.#items.delete(key);
	}
	setItem(key: string, value: string) {
		if (value.length > this.quotaLeft) throw new DOMException('full', 'QuotaExceededError');
		this.#items.set(key, value);
	}
}

const value: CachedAtlas = {
	atlas: {
		organisations: [
			{
				id: 'a',
				slug: 'taalcafe',
				name: 'Taalcafé',
				kind: 'resident_initiative',
				lng: 4.79,
				lat: 52.38,
				areaId: null,
				themes: [],
				openToNewcomers: true,
				illustrative: true,
				languages: ['nl', 'ar']
			}
		],
		collaborations: []
	},
	reference: { organisationKinds: [], collaborationKinds: [], themes: ['wonen'], areas: [] }
};

describe('atlas cache', () => {
	const key = cacheKey({ kind: 'embedded', location: 'browser' });

	it('gives back what was stored, per backend', () => {
		const storage = new MemoryStorage();
		writeCachedAtlas(storage, key, value);
		expect(readCachedAtlas(storage, key)).toEqual(value);
		expect(
			readCachedAtlas(storage, cacheKey({ kind: 'hosted', location: 'x.supabase.co' }))
		).toBeNull();
	});

	it('ignores what it cannot read: nothing, garbage, an older format', () => {
		const storage = new MemoryStorage();
		expect(readCachedAtlas(storage, key)).toBeNull();
		storage.setItem(key, '{not json');
		expect(readCachedAtlas(storage, key)).toBeNull();
		storage.setItem(key, JSON.stringify({ version: 0, ...value }));
		expect(readCachedAtlas(storage, key)).toBeNull();
		expect(readCachedAtlas(undefined, key)).toBeNull();
	});

	it('keeps the reference data but not an atlas too large to parse at once', () => {
		const storage = new MemoryStorage();
		const organisation = value.atlas!.organisations[0]!;
		const large = {
			organisations: Array.from({ length: 3000 }, (_, i) => ({ ...organisation, id: `o${i}` })),
			collaborations: []
		};
		expect(JSON.stringify(large).length).toBeGreaterThan(maxCachedAtlasChars);
		writeCachedAtlas(storage, key, { ...value, atlas: large });
		expect(readCachedAtlas(storage, key)).toEqual({ atlas: null, reference: value.reference });
		expect(storage.getItem(key)!.length).toBeLessThan(1000);
	});

	it('keeps the map view beside the atlas, and reads back only a whole one', () => {
		const storage = new MemoryStorage();
		const view: CachedView = {
			query: { bbox: [4.7, 52.3, 4.9, 52.4], zoom: 12, themes: [], withTies: false },
			answer: {
				zoom: 12,
				points: [
					{
						id: 'a',
						slug: 'taalcafe',
						name: 'Taalcafé',
						kind: 'resident_initiative',
						lng: 4.79,
						lat: 52.38,
						illustrative: true
					}
				],
				cells: [],
				ties: [],
				shown: 1
			}
		};
		writeCachedAtlas(storage, key, value);
		writeCachedView(storage, key, view);
		expect(readCachedView(storage, key)).toEqual(view);
		expect(readCachedAtlas(storage, key)).toEqual(value);
		writeCachedView(storage, key, { ...view, answer: { ...view.answer, cells: undefined! } });
		expect(readCachedView(storage, key)).toBeNull();
	});

	it('does not fail when storage is full', () => {
		const storage = new MemoryStorage();
		storage.quotaLeft = 10;
		expect(() => writeCachedAtlas(storage, key, value)).not.toThrow();
		expect(readCachedAtlas(storage, key)).toBeNull();
	});
});
