/**
 * How long the import's preview takes at a city's size: 5,000 organisations
 * and 20,000 ties in a Kumu workbook, read (as the import worker does), mapped
 * and planned (as the page does), and checked by the database (a dry run of
 * import_organisations() in PGlite, as a coordinator's "Controleer in de
 * database" runs it). The baseline, in the same process, is JSON.parse of the
 * same rows: the least any reading of them can cost.
 *
 *   npm run bench:import
 *   BENCH_ORGANISATIONS=400 BENCH_TIES=1200 npm run bench:import
 */
import { kumuRows, kumuWorkbook } from '../tests/fixtures/kumu-workbook';
import {
	classifyTables,
	proposeMapping,
	type OrganisationField,
	type TieField
} from '../src/lib/import/columns';
import { buildPlan, countPlan, toBatch } from '../src/lib/import/plan';
import { readTables } from '../src/lib/files/tables';
import { openTestDatabase, signedIn, users } from '../tests/db/harness';

const organisations = Number(process.env.BENCH_ORGANISATIONS ?? 5_000);
const ties = Number(process.env.BENCH_TIES ?? 20_000);

async function timed<T>(work: () => Promise<T> | T): Promise<[T, number]> {
	const start = performance.now();
	const result = await work();
	return [result, performance.now() - start];
}

const workbook = await kumuWorkbook({ organisations, ties });
const json = JSON.stringify(kumuRows({ organisations, ties }));
const [, baseline] = await timed(() => JSON.parse(json));

const [tables, reading] = await timed(() => readTables({ name: 'stad.xlsx', bytes: workbook }));
const [plan, planning] = await timed(() => {
	const { organisations: elements, ties: connections } = classifyTables(tables);
	return buildPlan({
		organisations: {
			table: elements!,
			mapping: proposeMapping<OrganisationField>(elements!.headers, 'organisations')
		},
		ties: { table: connections!, mapping: proposeMapping<TieField>(connections!.headers, 'ties') },
		existing: [],
		boundaries: null,
		areas: [],
		defaultAreaId: 'F'
	});
});
const counts = countPlan(plan);
const batch = toBatch(plan, {
	label: 'stad.xlsx',
	publish: true,
	allOrNothing: false,
	dryRun: true
});

const db = await openTestDatabase('pglite');
const [answer, checking] = await timed(() =>
	db.as(signedIn(users.sanne), (q) =>
		q<{ a: { created: number; ties_created: number; refused: number } }>(
			'select public.import_organisations($1) as a',
			[batch]
		)
	)
);
await db.close();

const ms = (value: number) => `${(value / 1000).toFixed(2)} s`;
console.log(
	`${organisations.toLocaleString('en')} organisations, ${ties.toLocaleString('en')} ties ` +
		`(${(workbook.byteLength / 1024).toFixed(0)} KB workbook); plan: ${counts.new} new, ` +
		`${counts.ties} ties, ${counts.tiesPending} pending, ${counts.refused} refused\n`
);
console.log('| step | time | against JSON.parse of the same rows |');
console.log('|---|---|---|');
console.log(`| JSON.parse (baseline) | ${ms(baseline)} | 1× |`);
console.log(
	`| read the workbook (worker's work) | ${ms(reading)} | ${(reading / baseline).toFixed(0)}× |`
);
console.log(
	`| map and plan (page's work) | ${ms(planning)} | ${(planning / baseline).toFixed(0)}× |`
);
console.log(
	`| preview on screen (read + plan) | ${ms(reading + planning)} | ${((reading + planning) / baseline).toFixed(0)}× |`
);
console.log(
	`| database dry run, PGlite (${answer[0]?.a.created} new, ${answer[0]?.a.ties_created} ties) | ${ms(checking)} | ${(checking / baseline).toFixed(0)}× |`
);
