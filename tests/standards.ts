/**
 * Validators for the open standards the atlas exports, from the official
 * schema files in ../shared/standards (ajv): HSDS 3.0 organisations and
 * Murmurations organisation profiles. Shared by the database tests and the
 * end-to-end tests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

export const standardsDir = join(import.meta.dirname, '..', '..', 'shared', 'standards');

const readJson = (path: string) =>
	JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
// Murmurations writes draft-07's id with https; Ajv knows draft-07 by its http address.
const withoutDraftId = ({ $schema: _draft, ...schema }: Record<string, unknown>) => schema;

export function standardValidators(): {
	hsds: ValidateFunction;
	murmurations: ValidateFunction;
} {
	// The standards' files carry keywords of their own (core, constraints, example …): not strict.
	const ajv = new Ajv({ strict: false, allErrors: true });
	addFormats(ajv);
	const hsds = ajv.compile(
		readJson(join(standardsDir, 'hsds-3.0', 'compiled', 'organization.json'))
	);
	const murmurations = withoutDraftId(
		readJson(join(standardsDir, 'murmurations', 'schemas', 'organizations_schema-v1.0.0.json'))
	);
	// Its fields are referenced as ../fields/<name>.json from the schema's own $id.
	const fieldsBase = new URL('../fields/', String(murmurations['$id']));
	for (const file of readdirSync(join(standardsDir, 'murmurations', 'fields'))) {
		const field = readJson(join(standardsDir, 'murmurations', 'fields', file));
		ajv.addSchema({ ...withoutDraftId(field), $id: new URL(file, fieldsBase).href });
	}
	return { hsds, murmurations: ajv.compile(murmurations) };
}
