import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AtlasOrganisation } from '$lib/data';
import { createPdokGeocoder } from '$lib/places/pdok-geocoder';
import { kumuWorkbook, specialRows, unknownPartner } from '../../../tests/fixtures/kumu-workbook';
import { classifyTables, proposeMapping, type OrganisationField, type TieField } from './columns';
import { locateRows } from './locate-rows';
import { createMatcher, nameKey } from './matching';
import { buildPlan, countPlan, toBatch } from './plan';
import { FileReadError, readTables, type Table } from '$lib/files/tables';
import { comparable, decodeText } from '$lib/files/text';

const encoder = new TextEncoder();
const file = (name: string, text: string | Uint8Array) => ({
	name,
	bytes: typeof text === 'string' ? encoder.encode(text) : text
});

describe('text from a Dutch spreadsheet', () => {
	it('reads UTF-8 with and without a byte-order mark', () => {
		const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...encoder.encode('Café')]);
		expect(decodeText(bom)).toEqual({ text: 'Café', encoding: 'utf-8' });
		expect(decodeText(encoder.encode('Café')).text).toBe('Café');
	});

	it('falls back to Windows-1252 for what is not UTF-8', () => {
		// "Café – ’40-’45" as Excel on a Dutch Windows saves it.
		const bytes = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x96, 0x20, 0x92, 0x34, 0x30]);
		expect(decodeText(bytes)).toEqual({ text: 'Café – ’40', encoding: 'windows-1252' });
	});

	it('compares headers and names without case, accents or punctuation', () => {
		expect(comparable('Thema’s')).toBe('themas');
		expect(comparable('  E-mail  adres ')).toBe('e mail adres');
		expect(comparable('Coöperatie')).toBe('cooperatie');
	});
});

describe('reading files into tables', () => {
	it('reads a semicolon CSV with a BOM and Windows line ends', async () => {
		const text =
			'\ufeffNaam;Plaats;Thema’s\r\nRepair Café;Amsterdam;Groen\r\n\r\nTaalhuis;Amsterdam;Taal\r\n';
		const [table] = await readTables(file('wijk.csv', text));
		expect(table).toEqual({
			name: 'wijk.csv',
			headers: ['Naam', 'Plaats', 'Thema’s'],
			rows: [
				['Repair Café', 'Amsterdam', 'Groen'],
				['Taalhuis', 'Amsterdam', 'Taal']
			]
		});
	});

	it('reads commas with quoted cells that hold the delimiter and a line break', async () => {
		const text = 'name,description\n"Buurtkeuken, Osdorp","Koken\nen eten"\n';
		const [table] = await readTables(file('kitchen.csv', text));
		expect(table!.rows).toEqual([['Buurtkeuken, Osdorp', 'Koken\nen eten']]);
	});

	it('reads tabs, and a Windows-1252 file', async () => {
		const [tabs] = await readTables(file('a.tsv', 'Naam\tPlaats\nA\tB\n'));
		expect(tabs!.rows).toEqual([['A', 'B']]);
		const bytes = new Uint8Array([
			...encoder.encode('Naam;Plaats\nCaf'),
			0xe9,
			...encoder.encode(';Osdorp\n')
		]);
		const [latin] = await readTables(file('b.csv', bytes));
		expect(latin!.rows).toEqual([['Café', 'Osdorp']]);
	});

	it('pads short rows and names empty headers by their column letter', async () => {
		const [table] = await readTables(file('c.csv', 'Naam;;Plaats\nA\n'));
		expect(table!.headers).toEqual(['Naam', 'B', 'Plaats']);
		expect(table!.rows).toEqual([['A', '', '']]);
	});

	it('reads a Kumu workbook: Elements and Connections', async () => {
		const bytes = await kumuWorkbook({ organisations: 12, ties: 20 });
		const tables = await readTables(file('wijk.xlsx', bytes));
		expect(tables.map((t) => [t.name, t.rows.length])).toEqual([
			['Elements', 12],
			['Connections', 20]
		]);
		const { organisations, ties } = classifyTables(tables);
		expect(organisations?.name).toBe('Elements');
		expect(ties?.name).toBe('Connections');
		expect(organisations!.rows[0]![7]).toMatch(/^52\.3/);
	});

	it('recognises Kumu’s two files by their headers', async () => {
		const elements = (await readTables(file('export (1).csv', 'Label,Type\nA,Zorg\n')))[0]!;
		const connections = (await readTables(file('export (2).csv', 'From,To,Type\nA,B,x\n')))[0]!;
		const { organisations, ties } = classifyTables([connections, elements]);
		expect(organisations).toBe(elements);
		expect(ties).toBe(connections);
	});

	it('reads GeoJSON points with their properties', async () => {
		const geojson = JSON.stringify({
			type: 'FeatureCollection',
			features: [
				{
					type: 'Feature',
					geometry: { type: 'Point', coordinates: [4.8017, 52.3583] },
					properties: { naam: 'Repair Café', themas: ['groen', 'energie'] }
				}
			]
		});
		const [table] = await readTables(file('kaart.geojson', geojson));
		expect(table).toEqual({
			name: 'kaart.geojson',
			headers: ['naam', 'themas', 'lng', 'lat'],
			rows: [['Repair Café', 'groen; energie', '4.8017', '52.3583']]
		});
	});

	it('names what it cannot read', async () => {
		await expect(readTables(file('foto.png', 'x'))).rejects.toMatchObject({
			problem: 'unsupported'
		});
		await expect(readTables(file('leeg.csv', ''))).rejects.toMatchObject({ problem: 'empty' });
		await expect(readTables(file('kapot.xlsx', 'geen zip'))).rejects.toMatchObject({
			problem: 'unreadable'
		});
		await expect(readTables(file('x.geojson', '{"type":"Feature"}'))).rejects.toBeInstanceOf(
			FileReadError
		);
	});
});

describe('proposing a column mapping', () => {
	it('knows Dutch, English and Kumu headers', () => {
		expect(
			proposeMapping<OrganisationField>(
				[
					'Naam',
					'Soort',
					'Omschrijving',
					'Thema’s',
					'E-mail',
					'Postcode',
					'Woonplaats',
					'lat',
					'Lon',
					'Opmerking'
				],
				'organisations'
			)
		).toEqual([
			'name',
			'kind',
			'description',
			'themes',
			'email',
			'postcode',
			'city',
			'lat',
			'lng',
			null
		]);
		expect(
			proposeMapping<OrganisationField>(['Label', 'Type', 'Description', 'Tags'], 'organisations')
		).toEqual(['name', 'kind', 'description', 'themes']);
		expect(proposeMapping<TieField>(['From', 'To', 'Type', 'Sterkte'], 'ties')).toEqual([
			'from',
			'to',
			'kind',
			null
		]);
	});

	it('proposes a field for one column only', () => {
		expect(proposeMapping<OrganisationField>(['Naam', 'Name'], 'organisations')).toEqual([
			'name',
			null
		]);
	});
});

const existing = (name: string, lng: number, lat: number, id = name): AtlasOrganisation => ({
	id,
	slug: id,
	name,
	kind: 'resident_initiative',
	lng,
	lat,
	areaId: null,
	themes: [],
	openToNewcomers: false,
	illustrative: false,
	languages: ['nl']
});

describe('matching rows to organisations in the atlas', () => {
	it('ignores accents, case, punctuation and legal forms', () => {
		expect(nameKey('Stichting Repair Café Osdorp')).toBe(nameKey('repair cafe osdorp'));
		expect(nameKey('St. Wij Zijn Plein ’40-’45')).toBe(nameKey('Wij Zijn Plein 40-45'));
		expect(nameKey('Coöperatie Samen aan de Slag U.A.')).toBe(nameKey('Samen aan de Slag'));
	});

	it('matches the same name in the same place, not one across town', () => {
		const match = createMatcher([
			existing('Repair Café Osdorp', 4.8012, 52.3578, 'osdorp'),
			existing('Buurtkamer', 4.8, 52.36, 'west'),
			existing('Buurtkamer', 4.9, 52.37, 'oost')
		]);
		expect(match('Stichting Repair Cafe Osdorp', { lng: 4.802, lat: 52.358 })?.id).toBe('osdorp');
		expect(match('Repair Café Osdorp', { lng: 4.9, lat: 52.4 })).toBeNull();
		// Without a place, only an unambiguous name matches.
		expect(match('Repair Café Osdorp', null)?.id).toBe('osdorp');
		expect(match('Buurtkamer', null)).toBeNull();
		expect(match('Buurtkamer', { lng: 4.901, lat: 52.371 })?.id).toBe('oost');
	});
});

describe('planning an import', () => {
	async function kumuPlan(organisations: number, ties: number) {
		const tables = await readTables(file('wijk.xlsx', await kumuWorkbook({ organisations, ties })));
		const { organisations: elements, ties: connections } = classifyTables(tables);
		return buildPlan({
			organisations: {
				table: elements!,
				mapping: proposeMapping<OrganisationField>(elements!.headers, 'organisations')
			},
			ties: {
				table: connections!,
				mapping: proposeMapping<TieField>(connections!.headers, 'ties')
			},
			existing: [existing('Repair Café Osdorp', 4.8012, 52.3578, 'repair-id')],
			boundaries: null,
			areas: [],
			defaultAreaId: 'F'
		});
	}

	it('reads kinds and themes by their labels, and names the rows it refuses', async () => {
		const plan = await kumuPlan(20, 40);
		const first = plan.organisations[0]!;
		expect(first.fields).toMatchObject({
			kind: 'resident_initiative',
			themes: ['groen-duurzaamheid', 'taal-inburgering'],
			city: 'Amsterdam'
		});
		expect(first.place).toBe('file');
		const bad = plan.organisations.find((row) => row.row === specialRows.badWebsite)!;
		expect(bad.problems).toEqual(['Een webadres dat begint met https://, zonder spaties.']);
		const geocode = plan.organisations.find((row) => row.row === specialRows.geocoded)!;
		expect(geocode).toMatchObject({
			point: null,
			placeQuery: 'Osdorpplein 1000 1068 TG Amsterdam'
		});
		const match = plan.organisations.find((row) => row.row === specialRows.existing)!;
		expect(match).toMatchObject({ decision: 'update', match: { id: 'repair-id' } });
		expect(countPlan(plan)).toMatchObject({ new: 15, update: 1, refused: 1, unplaced: 3 });
	});

	it('resolves ties to rows of the file and to the atlas, and keeps unknown partners', async () => {
		const plan = await kumuPlan(20, 40);
		const pending = plan.ties[0]!;
		expect(pending).toMatchObject({ toName: unknownPartner, to: null, problems: [] });
		expect(pending.from).toBe(nameKey(plan.organisations[0]!.name));
		const toRepair = plan.ties.find((tie) => tie.toName === 'Stichting Repair Café Osdorp');
		if (toRepair) expect(toRepair.to).toBe('repair-id');

		const batch = toBatch(plan, {
			label: 'wijk.xlsx',
			publish: true,
			allOrNothing: false,
			dryRun: true
		});
		// 15 new and one update; the refused and the unplaced rows stay out.
		expect(batch.organisations).toHaveLength(16);
		const update = batch.organisations.find((row) => row.id === 'repair-id')!;
		// An update leaves out what the file leaves empty.
		expect(Object.keys(update.fields).sort()).toEqual(
			['city', 'description', 'kind', 'lat', 'lng', 'name', 'themes'].sort()
		);
		expect(batch.ties[0]).toMatchObject({ to: null, other_name: unknownPartner });
		expect(batch.ties.every((tie) => tie.from || tie.to)).toBe(true);
	});

	it('turns latitude and longitude the right way round, and refuses what is not on earth', () => {
		const table: Table = {
			name: 't.csv',
			headers: ['Naam', 'lng', 'lat'],
			rows: [
				['Omgedraaid', '52,3583', '4,8017'],
				['Rijksdriehoek', '115882', '485466'],
				['Zelfde', '4.8', '52.36'],
				['zelfde', '4.8', '52.36']
			]
		};
		const plan = buildPlan({
			organisations: { table, mapping: ['name', 'lng', 'lat'] },
			ties: null,
			existing: [],
			boundaries: null,
			areas: [],
			defaultAreaId: null
		});
		expect(plan.organisations[0]!.point).toEqual({ lng: 4.8017, lat: 52.3583 });
		expect(plan.organisations[1]!.problems[0]).toMatch(/WGS84/);
		expect(plan.organisations[3]!.problems).toEqual(['Dezelfde naam staat al in rij 4.']);
	});
});

describe('looking up places in batches (PDOK Locatieserver, answered from fixtures)', () => {
	const fixture = (name: string) =>
		readFileSync(join(import.meta.dirname, '../../../tests/fixtures/pdok', name), 'utf8');

	// PDOK over HTTP cannot be reached here: its documented answers stand in for it.
	const geocoder = createPdokGeocoder({
		fetch: async (input) => {
			const url = new URL(String(input));
			const q = url.searchParams.get('q') ?? '';
			if (q.includes('onbereikbaar')) throw new TypeError('Failed to fetch');
			const body = q.includes('Osdorpplein')
				? fixture('lookup-osdorpplein.json')
				: fixture('lookup-none.json');
			expect(url.pathname).toMatch(/\/free$/);
			return new Response(body, { headers: { 'content-type': 'application/json' } });
		}
	});

	it('gives each row its own result, and reports progress', async () => {
		const progress: number[] = [];
		const results = await locateRows(
			geocoder,
			[
				{ row: 2, query: 'Osdorpplein 1000 Amsterdam' },
				{ row: 3, query: 'Nergensstraat 1' },
				{ row: 4, query: 'onbereikbaar 1' },
				{ row: 5, query: 'Osdorpplein 1000' }
			],
			{ concurrency: 2, onResult: (_, done) => progress.push(done) }
		);
		const byRow = new Map(results.map((result) => [result.row, result]));
		expect(byRow.get(2)).toMatchObject({
			outcome: 'found',
			place: { lng: 4.80171, lat: 52.35834 }
		});
		expect(byRow.get(3)?.outcome).toBe('not_found');
		expect(byRow.get(4)?.outcome).toBe('unreachable');
		expect(byRow.get(5)?.outcome).toBe('found');
		expect(progress).toEqual([1, 2, 3, 4]);
	});
});
