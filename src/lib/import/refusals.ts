/** Why a row was left out, in the user's words: the app's own check, or the database's. */
import { m } from '$lib/paraglide/messages';
import { refusalOf } from '$lib/data/errors';
import type { ImportRefusal } from '$lib/data';
import { refusalMessage } from '$lib/app/describe-error';
import { constraintFields } from '$lib/editing/organisation-rules';
import { organisationFieldLabels } from './field-labels';
import type { OrganisationField } from './columns';
import type { ImportPlan } from './plan';

export interface RefusalLine {
	sheet: 'organisations' | 'ties';
	row: number;
	name: string;
	reason: string;
}

export function databaseRefusalText(refused: ImportRefusal): string {
	const refusal = refusalOf({ message: refused.reason }) ?? {
		reason: refused.reason,
		constraint: refused.constraint
	};
	const constraint = refused.constraint ?? refusal.constraint;
	const text = refusalMessage({ ...refusal, constraint });
	const field = constraint ? constraintFields[constraint] : undefined;
	const label =
		field && field in organisationFieldLabels
			? organisationFieldLabels[field as OrganisationField]()
			: null;
	return label ? `${label}: ${text}` : text;
}

/** Every row left out, in sheet and row order: the plan's problems, then the database's. */
export function refusalLines(plan: ImportPlan, database: readonly ImportRefusal[]): RefusalLine[] {
	const lines: RefusalLine[] = [];
	for (const row of plan.organisations) {
		if (row.problems.length)
			lines.push({
				sheet: 'organisations',
				row: row.row,
				name: row.name,
				reason: row.problems.join(' ')
			});
		else if (row.decision === 'new' && !row.point)
			lines.push({
				sheet: 'organisations',
				row: row.row,
				name: row.name,
				reason: m.import_problem_no_place()
			});
	}
	for (const tie of plan.ties)
		if (tie.problems.length)
			lines.push({
				sheet: 'ties',
				row: tie.row,
				name: `${tie.fromName} – ${tie.toName}`,
				reason: tie.problems.join(' ')
			});
	const names = new Map(plan.organisations.map((row) => [row.row, row.name]));
	const tieNames = new Map(plan.ties.map((tie) => [tie.row, `${tie.fromName} – ${tie.toName}`]));
	for (const refused of database)
		lines.push({
			sheet: refused.sheet,
			row: refused.row,
			name: (refused.sheet === 'organisations' ? names : tieNames).get(refused.row) ?? '',
			reason: databaseRefusalText(refused)
		});
	return lines.sort((a, b) =>
		a.sheet === b.sheet ? a.row - b.row : a.sheet === 'organisations' ? -1 : 1
	);
}
