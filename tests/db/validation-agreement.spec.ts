/**
 * The form's rules and the database's constraints give the same verdict on
 * the same value: what the form lets through, the database accepts, and what
 * it stops, the database would refuse, on the field the form names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, openTestDatabase, signedIn, users, type TestDatabase } from './harness';
import { backendFor } from './port';
import {
	constraintFields,
	normaliseFields,
	validateOrganisation
} from '../../src/lib/editing/organisation-rules';
import { BackendError, type OrganisationFields } from '../../src/lib/data';
import { organisationRow } from '../../src/lib/data/editing-decode';

type Case = [field: keyof OrganisationFields, value: unknown, accepted: boolean];

const cases: Case[] = [
	['name', 'Ab', true],
	['name', '  A  ', false],
	['name', 'x'.repeat(160), true],
	['name', 'x'.repeat(161), false],
	// Only zero-width spaces, or only punctuation: nothing anyone can read.
	['name', '\u200b\u200b\u200b', false],
	['name', '!!', false],
	['name', 'Буурт', true],
	['description', 'd'.repeat(4000), true],
	['description', 'd'.repeat(4001), false],
	['postcode', '1068 NM', true],
	['postcode', '1068nm', true], // normalised to 1068 NM
	['postcode', '0123 AB', false],
	['postcode', '10688', false],
	['website', 'https://buurt.example/pagina', true],
	['website', 'www.buurt.example', true], // normalised to https://
	['website', 'javascript:alert(1)', false],
	['website', 'https://met spatie.nl', false],
	['website', `https://buurt.example/${'a'.repeat(278)}`, true], // 300 in all
	['website', `https://buurt.example/${'a'.repeat(279)}`, false],
	['website', `https://buurt.example/${'a'.repeat(1_000_000)}`, false],
	['email', 'info@buurt.example', true],
	['email', 'geen-adres', false],
	['email', 'twee@@buurt.example', false],
	['email', `${'e'.repeat(240)}@buurt.example`, true], // 254 in all
	['email', `${'e'.repeat(241)}@buurt.example`, false],
	['phone', '020-123 45 67', true],
	['phone', '+31 (0)20 1234567', true],
	['phone', '12', false],
	['phone', 'bel me', false],
	['address', 'a'.repeat(200), true],
	['address', 'a'.repeat(201), false],
	['city', 'c'.repeat(81), false],
	['meetingTimes', 't'.repeat(301), false],
	['meetingPlace', 'p'.repeat(201), false],
	['joinNextStep', 's'.repeat(301), false],
	['languages', ['nl', 'ar'], true],
	['languages', ['nl', 'xx'], false],
	['languages', Array.from({ length: 17 }, () => 'nl'), false],
	['helpWanted', ['Koken', 'Tuinieren'], true],
	['helpWanted', Array.from({ length: 11 }, (_, i) => `Taak ${i}`), false],
	['helpWanted', ['h'.repeat(81)], false],
	['helpWanted', ['h'.repeat(1_000_000)], false]
];

describe.each(databaseKinds)('form rules and database constraints on %s', (kind) => {
	let db: TestDatabase;
	beforeAll(async () => {
		db = await openTestDatabase(kind);
	});
	afterAll(() => db?.close());

	/** Long values are named by their length, so a test's name stays readable. */
	const named = cases.map(([field, value, accepted]) => {
		const shown = JSON.stringify(value);
		return [
			field,
			shown.length > 60 ? `${shown.slice(0, 40)}… (${shown.length} characters)` : shown,
			value,
			accepted
		] as const;
	});

	it.each(named)(
		'%s = %s: accepted by both, or by neither',
		async (field, _shown, value, accepted) => {
			const backend = backendFor(db, signedIn(users.daan));
			const current = (await backend.organisationForEdit('repair-cafe-osdorp'))!;
			const fields = normaliseFields({ ...current, [field]: value } as OrganisationFields);

			const formProblem = validateOrganisation(fields)[field];
			let databaseRefused: string | null = null;
			try {
				await backend.saveOrganisation(fields, { id: current.id, version: current.version });
			} catch (error) {
				if (!(error instanceof BackendError)) throw error;
				// A megabyte is refused before any constraint is asked: the whole input is too large.
				if (error.refusal?.reason === 'input_too_large') databaseRefused = 'input_too_large';
				else if (error.refusal?.reason === 'invalid')
					databaseRefused = error.refusal.constraint ?? 'unnamed';
				else throw error;
			}

			expect(formProblem === undefined, `form on ${field}`).toBe(accepted);
			expect(databaseRefused === null, `database on ${field}`).toBe(accepted);
			if (databaseRefused && databaseRefused !== 'input_too_large') {
				expect(constraintFields[databaseRefused]).toBe(field);
			}
		}
	);
});

/** A start and an end, as the form and save_organisation() take them. */
type PeriodCase = [
	shown: string,
	period: Pick<OrganisationFields, 'startedOn' | 'startedPrecision' | 'endedOn' | 'endedPrecision'>,
	refusedOn: 'startedOn' | 'endedOn' | null
];

const nextYear = new Date().getFullYear() + 1;
const periodCases: PeriodCase[] = [
	[
		'began 2019',
		{ startedOn: '2019-01-01', startedPrecision: 'year', endedOn: null, endedPrecision: null },
		null
	],
	[
		'June 2021 to 2021: the year lasts through December',
		{
			startedOn: '2021-06-01',
			startedPrecision: 'month',
			endedOn: '2021-01-01',
			endedPrecision: 'year'
		},
		null
	],
	[
		'ended before it began',
		{
			startedOn: '2021-06-14',
			startedPrecision: 'day',
			endedOn: '2020-01-01',
			endedPrecision: 'year'
		},
		'endedOn'
	],
	[
		'begins next year',
		{
			startedOn: `${nextYear}-01-01`,
			startedPrecision: 'year',
			endedOn: null,
			endedPrecision: null
		},
		'startedOn'
	]
];

describe.each(databaseKinds)('form and database on when an organisation ran, on %s', (kind) => {
	let db: TestDatabase;
	beforeAll(async () => {
		db = await openTestDatabase(kind);
	});
	afterAll(() => db?.close());

	it.each(periodCases)('%s: the same verdict, on the same field', async (_, period, refusedOn) => {
		const backend = backendFor(db, signedIn(users.daan));
		const current = (await backend.organisationForEdit('repair-cafe-osdorp'))!;
		const fields = normaliseFields({ ...current, ...period });
		const formProblems = validateOrganisation(fields);
		let refusal: string | null = null;
		try {
			await backend.saveOrganisation(fields, { id: current.id, version: current.version });
		} catch (error) {
			if (!(error instanceof BackendError)) throw error;
			refusal = error.refusal?.constraint ?? error.refusal?.reason ?? 'unnamed';
		}
		if (refusedOn === null) {
			expect(formProblems).toEqual({});
			expect(refusal).toBeNull();
			// Each call above ran in its own transaction, rolled back: save and read back in one.
			const stored = await db.as(signedIn(users.daan), async (q) => {
				const opened = (
					await q<{ row: Record<string, unknown> & { version: number } }>(
						`select public.organisation_for_edit('repair-cafe-osdorp') as row`
					)
				)[0]!.row;
				await q('select public.save_organisation($1, $2)', [
					organisationRow(fields, current.id),
					opened.version
				]);
				return (
					await q(
						`select started_on::text, started_precision, ended_on::text, ended_precision
						 from public.organisations where slug = 'repair-cafe-osdorp'`
					)
				)[0];
			});
			expect(stored).toEqual({
				started_on: period.startedOn,
				started_precision: period.startedPrecision,
				ended_on: period.endedOn,
				ended_precision: period.endedPrecision
			});
		} else {
			expect(Object.keys(formProblems)).toEqual([refusedOn]);
			expect(refusal).not.toBeNull();
			// A constraint names its field; a refusal of the future is the form's own rule.
			if (refusal !== 'invalid_period') expect(constraintFields[refusal!]).toBe(refusedOn);
		}
	});
});
