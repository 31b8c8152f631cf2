/**
 * A scope the browser can hold: atlas() with limits answers the counts only
 * beyond them, and area_network() answers the network between areas instead,
 * held here to atlas() and the area tree for the same caller. On PGlite and
 * PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeAreaNetwork, decodeAtlas } from '$lib/data/decode';
import type { AreaNetwork, Atlas } from '$lib/data';
import {
	anon,
	databaseKinds,
	openTestDatabase,
	signedIn,
	users,
	type Query,
	type TestDatabase
} from './harness';
import { refusal, scalar } from './attempts';

const atlas = async (
	q: Query,
	limits: [number | null, number | null] = [null, null]
): Promise<Atlas> =>
	decodeAtlas(
		await scalar(q, `public.atlas(max_organisations => $1, max_collaborations => $2)`, limits)
	);

const areaNetwork = async (
	q: Query,
	level: string,
	themes: string[] | null = null
): Promise<AreaNetwork> =>
	decodeAreaNetwork(await scalar(q, `public.area_network($1, theme_ids => $2)`, [level, themes]));

describe.each(databaseKinds)('scope limits on %s', (kind) => {
	let db: TestDatabase;
	let parentOf: Map<string, { parent: string | null; level: string; name: string }>;
	beforeAll(async () => {
		db = await openTestDatabase(kind);
		const areas = await db.query<{
			id: string;
			parent_id: string | null;
			level: string;
			name: string;
		}>(`select id, parent_id, level, name from public.areas`);
		parentOf = new Map(
			areas.map((a) => [a.id, { parent: a.parent_id, level: a.level, name: a.name }])
		);
	});
	afterAll(() => db?.close());

	/** The area of this level an organisation lies in, walking up from its own. */
	const areaAt = (areaId: string | null, level: string): string | null => {
		for (let at = areaId; at; at = parentOf.get(at)?.parent ?? null)
			if (parentOf.get(at)?.level === level) return at;
		return null;
	};

	it('answers the counts only beyond the limits, and everything within them', async () => {
		await db.as(anon, async (q) => {
			const all = await atlas(q);
			const shown = all.organisations.length;
			const ties = all.collaborations.length;
			expect(all.oversized).toBeUndefined();
			expect(await atlas(q, [shown, ties])).toEqual(all);

			for (const limits of [
				[shown - 1, null],
				[null, ties - 1]
			] as [number | null, number | null][]) {
				const cut = await atlas(q, limits);
				expect(cut.oversized, String(limits)).toBe(true);
				expect(cut.organisations, String(limits)).toEqual([]);
				expect(cut.collaborations, String(limits)).toEqual([]);
				// The counts stay: the filter panel and the message still say how many.
				expect(cut.counts, String(limits)).toEqual(all.counts);
			}
			expect(await refusal(q, () => atlas(q, [-1, null]))).toMatch(/invalid_input/);
		});
	});

	for (const [caller, claims] of Object.entries({
		visitor: anon,
		member: signedIn(users.daan),
		coordinator: signedIn(users.sanne)
	})) {
		it(`counts a ${caller}’s organisations and their ties per area, adding up to atlas()`, async () => {
			await db.as(claims, async (q) => {
				const { organisations, collaborations } = await atlas(q);
				for (const level of ['stadsdeel', 'wijk']) {
					const network = await areaNetwork(q, level);
					const placed = new Map(
						organisations.map((o) => [o.id, areaAt(o.areaId, level)] as const)
					);
					expect(network.shown, level).toBe(organisations.length);
					expect(network.unplaced, level).toBe([...placed.values()].filter((a) => !a).length);
					const perArea: Record<string, number> = {};
					for (const area of placed.values()) if (area) perArea[area] = (perArea[area] ?? 0) + 1;
					expect(Object.fromEntries(network.areas.map((a) => [a.id, a.count])), level).toEqual(
						perArea
					);
					for (const area of network.areas) {
						expect(area.name).toBe(parentOf.get(area.id)?.name);
						const groups = Object.values(area.byGroup).reduce((n, c) => n + c, 0);
						expect(groups).toBe(area.count);
					}

					const pairs: Record<string, number> = {};
					for (const c of collaborations) {
						const [a, b] = [placed.get(c.source), placed.get(c.target)];
						if (!a || !b || c.status === 'ended') continue;
						const key = [a, b].sort().join(' ');
						pairs[key] = (pairs[key] ?? 0) + 1;
					}
					const answered: Record<string, number> = {};
					for (const t of network.ties) answered[`${t.source} ${t.target}`] = t.count;
					for (const a of network.areas) if (a.ties > 0) answered[`${a.id} ${a.id}`] = a.ties;
					expect(answered, level).toEqual(pairs);
				}
			});
		});
	}

	it('keeps to the filters and to the levels there are', async () => {
		await db.as(anon, async (q) => {
			const wonen = await areaNetwork(q, 'stadsdeel', ['wonen']);
			const all = await areaNetwork(q, 'stadsdeel');
			expect(wonen.shown).toBeGreaterThan(0);
			expect(wonen.shown).toBeLessThan(all.shown);
			expect(await refusal(q, () => areaNetwork(q, 'provincie'))).toMatch(/invalid_input/);
		});
	});
});
