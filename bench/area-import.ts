/**
 * How long an area import takes at a city's size: Amsterdam has some 480
 * buurten in 100 wijken. A grid of buurten with detailed outlines (in RD, as
 * CBS publishes them) and a Kerncijfers CSV are read as the import worker
 * reads them, planned, checked by the database (dry run) and written by
 * import_areas() in PGlite, which also moves the organisations into their
 * buurten. The baseline, in the same process, is a plain INSERT of the same
 * areas and figures by the database owner: no checks, history or placement.
 *
 *   npm run bench:areas
 *   BENCH_BUURTEN=2000 BENCH_VERTICES=400 npm run bench:areas
 */
import { readAreaFile } from '../src/lib/files/area-files';
import { areaBatch, planAreas } from '../src/lib/areas/area-plan';
import { rdNew } from '../src/lib/files/cbs';
import type { Area } from '../src/lib/data';
import { openTestDatabase, signedIn, users } from '../tests/db/harness';
import proj4 from 'proj4';

const buurten = Number(process.env.BENCH_BUURTEN ?? 480);
const vertices = Number(process.env.BENCH_VERTICES ?? 200);
const perWijk = 5;

async function timed<T>(work: () => Promise<T> | T): Promise<[T, number]> {
	const start = performance.now();
	const result = await work();
	return [result, performance.now() - start];
}

// Buurten of 300 × 300 m on a grid over Nieuw-West and beyond, each outline a
// wobbly ring of `vertices` points, in RD; wijken hang under stadsdeel F's wijk codes.
const toRd = proj4('EPSG:4326', rdNew);
const [x0, y0] = toRd.forward([4.75, 52.34]);
const columns = Math.ceil(Math.sqrt(buurten));
const size = 300;
function ring(cx: number, cy: number): [number, number][] {
	const points: [number, number][] = [];
	for (let i = 0; i < vertices; i++) {
		const angle = (i / vertices) * 2 * Math.PI;
		const r = (size / 2) * (1 + 0.05 * Math.sin(angle * 7));
		points.push([cx + r * Math.cos(angle), cy + r * Math.sin(angle)]);
	}
	points.push(points[0]!);
	return points;
}
const wijkCode = (i: number) =>
	`WK0363${String(76 + (Math.floor(i / perWijk) % 14)).padStart(2, '0')}`;
const buurtCode = (i: number) => `BU0363${String(i).padStart(4, '0')}`;
const features = Array.from({ length: buurten }, (_, i) => ({
	type: 'Feature',
	properties: {
		buurtcode: buurtCode(i),
		buurtnaam: `Buurt ${i}`,
		wijkcode: wijkCode(i),
		gemeentecode: 'GM0363',
		gemeentenaam: 'Amsterdam'
	},
	geometry: {
		type: 'Polygon',
		coordinates: [ring(x0! + (i % columns) * size, y0! + Math.floor(i / columns) * size)]
	}
}));
const geojson = new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features }));
const csv = new TextEncoder().encode(
	[
		'"ID";"WijkenEnBuurten";"Gemeentenaam_1";"SoortRegio_2";"Codering_3";"AantalInwoners_5";"k_65JaarOfOuder_12";"HuishoudensTotaal_28";"HuishoudensMetEenLaagInkomen_78"',
		...features.map(
			(f, i) =>
				`${i};"${f.properties.buurtcode}";"Amsterdam";"Buurt     ";"${f.properties.buurtcode}";"${1000 + i}";"${150 + (i % 90)}";"${500 + i}";"${(10 + (i % 15)).toFixed(1)}"`
		)
	].join('\r\n')
);

const db = await openTestDatabase('pglite');
const areas = await db.query<Area>(
	`select id, level, name, parent_id as "parentId" from public.areas`
);

const [files, reading] = await timed(async () => [
	...(await readAreaFile({ name: 'buurten_2023.geojson', bytes: geojson })),
	...(await readAreaFile({ name: 'kerncijfers-2023.csv', bytes: csv }))
]);
const plan = planAreas(files, areas, {});
const beheer = signedIn(users.beheer);
const [preview, checking] = await timed(() =>
	db.as(beheer, (q) =>
		q('select public.import_areas($1) as answer', [areaBatch(plan, files, true)])
	)
);
const [written, writing] = await timed(() =>
	db.committed(beheer, (q) =>
		q<{ answer: { organisations_moved: number; refused: number } }>(
			'select public.import_areas($1) as answer',
			[areaBatch(plan, files, false)]
		)
	)
);
await db.committed(beheer, (q) =>
	q('select public.undo_import(($1::jsonb ->> $2)::uuid)', [written[0]!.answer, 'batch_id'])
);

// Baseline: the same rows, inserted by the owner straight into the tables.
const [, baseline] = await timed(async () => {
	await db.query(
		`insert into public.areas (id, level, name, cbs_code, parent_id, boundary)
		 select r ->> 'code', 'buurt', r ->> 'name', r ->> 'code', r ->> 'parent_code', r -> 'boundary'
		 from jsonb_array_elements($1::jsonb) r`,
		[JSON.stringify(plan.areas)]
	);
	await db.query(
		`insert into public.area_figures (area_id, year, inhabitants, age_65_plus, households, low_income_share)
		 select r ->> 'code', 2023, (r ->> 'inhabitants')::int, (r ->> 'age_65_plus')::int,
		        (r ->> 'households')::int, (r ->> 'low_income_share')::numeric
		 from jsonb_array_elements($1::jsonb) r`,
		[JSON.stringify(plan.figures)]
	);
});
await db.close();

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
console.log(
	`${buurten} buurten of ${vertices + 1} points (${(geojson.byteLength / 1e6).toFixed(1)} MB GeoJSON in RD) and their figures`
);
console.log(`  read and reproject:  ${seconds(reading)}`);
console.log(`  database dry run:    ${seconds(checking)}`);
console.log(
	`  import written:      ${seconds(writing)} (${written[0]!.answer.organisations_moved} organisations moved, ${written[0]!.answer.refused} refused)`
);
console.log(`  baseline INSERT:     ${seconds(baseline)}`);
console.log(`  written / baseline:  ${(writing / baseline).toFixed(1)}×`);
void preview;
