/** What the seed promises: enough real and marked-up data, and no private details. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anon, databaseKinds, openTestDatabase, type TestDatabase } from './harness';

describe.each(databaseKinds)('seed on %s', (kind) => {
	let db: TestDatabase;
	beforeAll(async () => {
		db = await openTestDatabase(kind);
	});
	afterAll(() => db?.close());

	it('publishes at least 60 organisations, 100 collaborations and 25 programme memberships', async () => {
		const [row] = await db.as(anon, (q) =>
			q<{ organisations: number; collaborations: number; memberships: number }>(`select
				(select count(*)::int from public.organisations) as organisations,
				(select count(*)::int from public.collaborations) as collaborations,
				(select count(*)::int from public.programme_memberships) as memberships`)
		);
		expect(row?.organisations).toBeGreaterThanOrEqual(60);
		expect(row?.collaborations).toBeGreaterThanOrEqual(100);
		expect(row?.memberships).toBeGreaterThanOrEqual(25);
	});

	it('names the source of every entry that is not marked illustrative', async () => {
		const unsourced = await db.query<{ slug: string }>(`
			select slug from public.organisations where not is_illustrative and source is null
			union all
			select id::text from public.collaborations where not is_illustrative and source is null
			union all
			select id::text from public.programme_memberships where not is_illustrative and source is null`);
		expect(unsourced).toEqual([]);
	});

	it('includes the organisations the source texts name', async () => {
		const slugs = (
			await db.query<{ slug: string }>(
				'select slug from public.organisations where not is_illustrative'
			)
		).map((r) => r.slug);
		for (const slug of [
			'wij-zijn-plein-40-45',
			'woon',
			'combiwel',
			'eigenwijks',
			'stichting-saaam',
			'ru-parre-community',
			'doe-team-beerenbroeckbuurt',
			'cooperatie-samen-aan-de-slag',
			'coalitie-buurtplatforms-ontwikkelbuurten',
			'platform-op-drecht-sociaal',
			'bewonersbedrijf-heechterp-schieringen',
			'wijk-en-dorpsraden-breda',
			'wijkvereniging-de-leest',
			'buurtbedrijf-nude-toekomst',
			'wijkraad-parkwijk-zuiderpolder-penningsveer'
		]) {
			expect(slugs).toContain(slug);
		}
	});

	it('gives every published organisation a point and at least one theme', async () => {
		const missing = await db.query<{ slug: string }>(`
			select o.slug from public.organisations o
			where o.status = 'published'
			  and (o.lng is null or not exists (
			    select 1 from public.organisation_themes t where t.organisation_id = o.id))`);
		expect(missing).toEqual([]);
	});

	it('keeps organisation e-mail to role addresses, never a person’s name', async () => {
		const emails = await db.query<{ email: string }>(
			'select email from public.organisations where email is not null'
		);
		for (const { email } of emails) expect(email).toMatch(/^(info|koken|contact|secretariaat)@/);
	});
});
