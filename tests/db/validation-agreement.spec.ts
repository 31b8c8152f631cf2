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

type Case = [field: keyof OrganisationFields, value: unknown, accepted: boolean];

const cases: Case[] = [
	['name', 'Ab', true],
	['name', '  A  ', false],
	['name', 'x'.repeat(160), true],
	['name', 'x'.repeat(161), false],
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
	['email', 'info@buurt.example', true],
	['email', 'geen-adres', false],
	['email', 'twee@@buurt.example', false],
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
	['languages', ['nl', 'xx'], false]
];

describe.each(databaseKinds)('form rules and database constraints on %s', (kind) => {
	let db: TestDatabase;
	beforeAll(async () => {
		db = await openTestDatabase(kind);
	});
	afterAll(() => db?.close());

	it.each(cases)('%s = %j: accepted %s by both', async (field, value, accepted) => {
		const backend = backendFor(db, signedIn(users.daan));
		const current = (await backend.organisationForEdit('repair-cafe-osdorp'))!;
		const fields = normaliseFields({ ...current, [field]: value } as OrganisationFields);

		const formProblem = validateOrganisation(fields)[field];
		let databaseRefused: string | null = null;
		try {
			await backend.saveOrganisation(fields, { id: current.id, version: current.version });
		} catch (error) {
			if (!(error instanceof BackendError) || error.refusal?.reason !== 'invalid') throw error;
			databaseRefused = error.refusal.constraint ?? 'unnamed';
		}

		expect(formProblem === undefined, `form on ${field}`).toBe(accepted);
		expect(databaseRefused === null, `database on ${field}`).toBe(accepted);
		if (databaseRefused) expect(constraintFields[databaseRefused]).toBe(field);
	});
});
