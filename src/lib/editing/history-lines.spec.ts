import { describe, expect, it } from 'vitest';
import type { HistoryChange, HistoryVersion } from '$lib/data';
import { historyLines, versionAtReading } from './history-lines';

const self = 'org-1';
const context = { names: new Map([['org-2', 'Combiwel']]), self, locale: 'nl' };

const change = (overrides: Partial<HistoryChange>): HistoryChange => ({
	table: 'organisations',
	action: 'update',
	record: self,
	before: null,
	after: null,
	...overrides
});

const version = (n: number, changes: HistoryChange[]): HistoryVersion => ({
	version: n,
	at: '2026-11-28T12:00:00Z',
	actor: null,
	changesOrganisation: changes.some((c) => c.table === 'organisations'),
	changes,
	importBatch: null
});

describe('historyLines', () => {
	it('names fields that changed and the partner of a confirmed collaboration', () => {
		const lines = historyLines(
			[
				change({ before: { name: 'Oud', version: 1 }, after: { name: 'Nieuw', version: 2 } }),
				change({
					table: 'collaborations',
					record: 'c-1',
					before: { source_id: self, target_id: 'org-2', status: 'proposed' },
					after: { source_id: self, target_id: 'org-2', status: 'active' }
				})
			],
			context
		);
		expect(lines).toEqual(['Gewijzigd: Naam', 'Samenwerking met Combiwel bevestigd']);
	});

	it('says "still correct" for a confirmation, with the ties it confirmed in one line', () => {
		const tie = (id: string, partner: string) =>
			change({
				table: 'collaborations',
				record: id,
				before: {
					source_id: partner,
					target_id: self,
					status: 'active',
					confirmed_at: '2025-01-01'
				},
				after: { source_id: partner, target_id: self, status: 'active', confirmed_at: '2026-11-29' }
			});
		const lines = historyLines(
			[
				change({
					before: { name: 'Repair Café', version: 4, confirmed_at: '2025-01-01' },
					after: { name: 'Repair Café', version: 5, confirmed_at: '2026-11-29' }
				}),
				tie('c-1', 'org-2'),
				tie('c-2', 'org-3')
			],
			{ ...context, names: new Map([...context.names, ['org-3', 'Eigenwijks']]) }
		);
		expect(lines).toEqual([
			'Bevestigd als juist',
			'Samenwerking bevestigd als lopend: Combiwel en Eigenwijks'
		]);
	});

	it('does not call dating a confirmation back a confirmation', () => {
		const lines = historyLines(
			[
				change({
					before: { name: 'Schaakclub', confirmed_at: '2026-11-29T10:00:00Z' },
					after: { name: 'Schaakclub', confirmed_at: '2024-08-29T10:00:00Z' }
				})
			],
			context
		);
		expect(lines).toEqual([]);
	});

	it('does not call a save with changes a mere confirmation', () => {
		const lines = historyLines(
			[
				change({
					before: { name: 'Oud', confirmed_at: '2025-01-01' },
					after: { name: 'Nieuw', confirmed_at: '2026-11-29' }
				})
			],
			context
		);
		expect(lines).toEqual(['Gewijzigd: Naam']);
	});

	it('says when someone joined or left, with their role, and names contact people', () => {
		const membership = { organisation_id: self, user_id: 'u-1', role: 'admin' };
		const lines = historyLines(
			[
				change({ table: 'memberships', action: 'insert', after: membership }),
				change({ table: 'memberships', action: 'delete', before: membership }),
				change({
					table: 'contact_people',
					action: 'insert',
					record: 'p-1',
					after: { organisation_id: self, name: 'Reparateur' }
				})
			],
			context
		);
		expect(lines).toEqual([
			'Lid toegevoegd (beheerder)',
			'Lid verwijderd',
			'Contactpersoon toegevoegd: Reparateur'
		]);
	});
});

describe('versionAtReading', () => {
	it('is the version of the organisation’s newest saved row', () => {
		const versions = [
			// Newest first: a membership alone does not change the organisation's version.
			version(30, [change({ table: 'memberships', action: 'insert', after: { role: 'member' } })]),
			version(20, [
				change({ before: { version: 2 }, after: { version: 3 } }),
				change({ table: 'organisation_themes', action: 'insert', after: { theme_id: 'wonen' } })
			]),
			version(10, [change({ action: 'insert', after: { version: 1 } })])
		];
		expect(versionAtReading(versions)).toBe(3);
	});

	it('is null when the history holds no row of the organisation', () => {
		expect(versionAtReading([])).toBeNull();
	});
});
