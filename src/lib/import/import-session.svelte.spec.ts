/**
 * An import from chosen file to the batch the database is sent. Files are
 * parsed by the real readTables(), in this process instead of the file worker
 * (Node has no Web Worker); the database's side of an import is
 * tests/db/import.spec.ts, the whole journey tests/e2e/import.spec.ts.
 */
import { describe, expect, it } from 'vitest';
import { FileReadError, readTables, type Table } from '$lib/files/tables';
import { ImportFileError, fileProblemMessage } from '$lib/files/read-files';
import { ImportSession } from './import-session.svelte';

/** What the file worker does, here: each file's tables, or its problem in words. */
async function readHere(files: readonly File[]): Promise<Table[]> {
	const tables: Table[] = [];
	for (const file of files) {
		try {
			tables.push(
				...(await readTables({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }))
			);
		} catch (error) {
			if (error instanceof FileReadError)
				throw new ImportFileError(fileProblemMessage(error.problem, error.file));
			throw error;
		}
	}
	return tables;
}

const csv = (name: string, text: string) => new File([text], name, { type: 'text/csv' });

const initiatives = csv(
	'initiatieven.csv',
	[
		'naam;soort;omschrijving;lengtegraad;breedtegraad',
		'Buurtkeuken De Kolenkit;bewonersinitiatief;Samen koken;4.8370;52.3781',
		'Taalcafé Geuzenveld;bewonersinitiatief;Nederlands oefenen;4.7910;52.3800',
		';bewonersinitiatief;Zonder naam;4.80;52.37'
	].join('\n')
);

describe('ImportSession', () => {
	it('reads a file, proposes its columns and plans its rows', async () => {
		const session = new ImportSession(readHere);
		await session.read([initiatives]);
		expect(session.phase).toBe('mapping');
		expect(session.label).toBe('initiatieven.csv');
		expect(session.organisationMapping).toContain('name');
		expect(session.mappingProblem).toBeNull();
		expect(session.counts.new).toBe(2);
		expect(session.counts.refused).toBe(1);
	});

	it('needs a name column, and says so when none is chosen', async () => {
		const session = new ImportSession(readHere);
		await session.read([initiatives]);
		session.setOrganisationField(session.organisationMapping.indexOf('name'), null);
		expect(session.mappingProblem).toBeTruthy();
	});

	it('sends the rows that go in, with the choices made', async () => {
		const session = new ImportSession(readHere);
		await session.read([initiatives]);
		const batch = session.batch({ publish: false, allOrNothing: true, dryRun: true });
		const sent = JSON.stringify(batch);
		expect(sent).toContain('Buurtkeuken De Kolenkit');
		expect(sent).toContain('Taalcafé Geuzenveld');
		expect(sent).not.toContain('Zonder naam');
		expect(batch).toMatchObject({ dry_run: true, all_or_nothing: true, label: 'initiatieven.csv' });
	});

	it('explains a file it cannot read, and starts over on reset', async () => {
		const session = new ImportSession(readHere);
		await session.read([csv('leeg.csv', '')]);
		expect(session.phase).toBe('failed');
		expect(session.problem).toContain('leeg.csv');
		session.reset();
		expect(session.phase).toBe('choosing');
		expect(session.problem).toBeNull();
	});
});
