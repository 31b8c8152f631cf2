import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import proj4 from 'proj4';
import { readAreaFile } from './area-files';
import { figure, headerStem, rdNew, rdToWgs84, readBoundaries, readFigures, yearOf } from './cbs';
import { FileReadError } from './tables';

const fixtures = join(__dirname, '../../../tests/fixtures/cbs');
const fixture = (name: string) => ({
	name,
	bytes: new Uint8Array(readFileSync(join(fixtures, name)))
});
const encoder = new TextEncoder();

describe('outlines of the wijk- en buurtkaart', () => {
	it('reads buurten with their wijk and gemeente, in WGS84', async () => {
		const [file] = await readAreaFile(fixture('buurten_2023.geojson'));
		expect(file?.kind).toBe('boundaries');
		if (file?.kind !== 'boundaries') return;
		expect(file.reprojected).toBe(false);
		expect(file.skipped).toEqual([]);
		expect(file.areas.map((a) => [a.code, a.level, a.parent_code])).toEqual([
			['BU03637600', 'buurt', 'WK036376'],
			['BU03637601', 'buurt', 'WK036376'],
			['BU03637602', 'buurt', 'WK036376'],
			['BU03637603', 'buurt', 'WK036376'],
			['BU03940101', 'buurt', 'WK039401']
		]);
		expect(file.areas[0]).toMatchObject({
			name: 'Plein ’40-’45 e.o.',
			gemeente_code: 'GM0363',
			gemeente_name: 'Amsterdam',
			boundary: { type: 'Polygon' }
		});
		expect(file.areas[3]?.boundary.type).toBe('MultiPolygon');
	});

	it('reads wijken under their gemeente', async () => {
		const [file] = await readAreaFile(fixture('wijken_2023.geojson'));
		expect(
			file?.kind === 'boundaries' && file.areas.map((a) => [a.code, a.level, a.name, a.parent_code])
		).toEqual([
			['WK036376', 'wijk', 'Slotermeer-Noordoost', 'GM0363'],
			['WK039401', 'wijk', 'Hoofddorp Centrum', 'GM0394']
		]);
	});

	it('converts the RD grid CBS publishes in, and closes open rings', () => {
		// Amersfoort, the origin of the grid (5.38720621, 52.15517440 in the RDNAPTRANS reference).
		expect(rdToWgs84([155000, 463000])).toEqual([5.387204, 52.155172]);

		const file = readBoundaries('buurten.geojson', {
			type: 'FeatureCollection',
			crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } },
			features: [
				{
					type: 'Feature',
					// The 2022 layout, in capitals.
					properties: {
						BU_CODE: 'BU03630000',
						BU_NAAM: 'Kop Zeedijk',
						WK_CODE: 'WK036300',
						GM_CODE: 'GM0363',
						GM_NAAM: 'Amsterdam'
					},
					geometry: {
						type: 'Polygon',
						coordinates: [
							[
								[121300, 487300],
								[121500, 487300],
								[121500, 487500],
								[121300, 487500]
							]
						]
					}
				},
				{ type: 'Feature', properties: { naam: 'zonder code' }, geometry: null },
				{
					type: 'Feature',
					properties: { buurtcode: 'BU03630001' },
					geometry: { type: 'Point', coordinates: [121300, 487300] }
				}
			]
		});
		expect(file.reprojected).toBe(true);
		const ring =
			file.areas[0]?.boundary.type === 'Polygon' ? file.areas[0].boundary.coordinates[0]! : [];
		expect(ring).toHaveLength(5);
		expect(ring[0]).toEqual(ring[4]);
		// Central Amsterdam.
		expect(ring[0]![0]).toBeCloseTo(4.89, 1);
		expect(ring[0]![1]).toBeCloseTo(52.37, 1);
		expect(file.areas[0]).toMatchObject({
			code: 'BU03630000',
			name: 'Kop Zeedijk',
			parent_code: 'WK036300'
		});
		expect(file.skipped).toEqual([
			{ row: 2, reason: 'no_code', code: null },
			{ row: 3, reason: 'not_polygon', code: 'BU03630001' }
		]);
	});

	it('agrees with proj4 in the other direction, to the decimetre', () => {
		const toRd = proj4('EPSG:4326', rdNew);
		const [x, y] = toRd.forward([4.8107, 52.3789]);
		const back = rdToWgs84([x!, y!]);
		expect(back[0]).toBeCloseTo(4.8107, 5);
		expect(back[1]).toBeCloseTo(52.3789, 5);
	});

	it('leaves out outlines outside the Netherlands', () => {
		const file = readBoundaries('x.geojson', {
			type: 'FeatureCollection',
			features: [
				{
					type: 'Feature',
					properties: { buurtcode: 'BU03630000' },
					geometry: {
						type: 'Polygon',
						coordinates: [
							[
								[0, 0],
								[1, 0],
								[1, 1],
								[0, 0]
							]
						]
					}
				}
			]
		});
		expect(file.skipped).toEqual([{ row: 1, reason: 'outside_netherlands', code: 'BU03630000' }]);
	});
});

describe('Kerncijfers wijken en buurten', () => {
	it('reads StatLine’s raw CSV: padded codes, numbered headers, "." for unknown', async () => {
		const [file] = await readAreaFile(fixture('kerncijfers-wijken-en-buurten-2023.csv'));
		expect(file?.kind).toBe('figures');
		if (file?.kind !== 'figures') return;
		expect(file.year).toBe(2023);
		expect(file.columns).toMatchObject({
			code: 'Codering_3',
			inhabitants: 'AantalInwoners_5',
			age_65_plus: 'k_65JaarOfOuder_12',
			households: 'HuishoudensTotaal_28',
			low_income_share: 'HuishoudensMetEenLaagInkomen_78'
		});
		expect(file.figures.map((f) => f.code)).toEqual([
			'GM0363',
			'WK036376',
			'BU03637600',
			'BU03637601',
			'BU03637602',
			'BU03637603',
			'BU03638100'
		]);
		expect(file.figures[2]).toEqual({
			row: 4,
			code: 'BU03637600',
			name: null,
			inhabitants: 2140,
			age_0_14: 390,
			age_15_24: 260,
			age_25_44: 640,
			age_45_64: 520,
			age_65_plus: 330,
			households: 1050,
			low_income_share: 14.2
		});
		// Secret or missing is not zero.
		expect(file.figures[5]?.low_income_share).toBeNull();
	});

	it('reads StatLine’s labelled CSV, with names beside codes and decimal commas', () => {
		const file = readFigures('Kerncijfers_wijken_en_buurten_2022.csv', {
			name: 'x',
			headers: [
				'Wijken en buurten',
				'Regioaanduiding/Gemeentenaam (naam)',
				'Regioaanduiding/Codering (code)',
				'Bevolking/Aantal inwoners (aantal)',
				'Bevolking/Leeftijdsgroepen/65 jaar of ouder (aantal)',
				'Bevolking/Particuliere huishoudens/Huishoudens totaal (aantal)',
				'Inkomen/Inkomen van huishoudens/Huishoudens met een laag inkomen (%)'
			],
			rows: [
				['Nederland', '', 'NL01', '17590672', '3505000', '8059000', '7,9'],
				['Slotermeer-Noordoost', 'Amsterdam', 'WK036376', '7820', '1410', '3780', '16,3'],
				['Geheim', 'Amsterdam', 'BU03637699', '-99997', 'x', '?', '']
			]
		});
		expect(file.year).toBe(2022);
		expect(file.columns.name).toBe('Wijken en buurten');
		expect(file.figures).toEqual([
			expect.objectContaining({
				code: 'WK036376',
				name: 'Slotermeer-Noordoost',
				inhabitants: 7820,
				age_65_plus: 1410,
				households: 3780,
				low_income_share: 16.3
			}),
			expect.objectContaining({
				code: 'BU03637699',
				inhabitants: null,
				age_65_plus: null,
				households: null,
				low_income_share: null
			})
		]);
		expect(file.skipped).toEqual([{ row: 2, reason: 'no_code', code: 'NL01' }]);
	});

	it('reads an OData export of the same table', async () => {
		const odata = {
			'odata.metadata':
				'https://opendata.cbs.nl/ODataApi/OData/85618NED/$metadata#Cbs.OData.WebAPI.TypedDataSet',
			value: [
				{
					ID: 0,
					WijkenEnBuurten: 'BU03637601',
					Gemeentenaam_1: 'Amsterdam',
					Codering_3: 'BU03637601',
					AantalInwoners_5: 3480,
					k_65JaarOfOuder_12: 580,
					HuishoudensTotaal_28: 1620,
					HuishoudensMetEenLaagInkomen_78: null
				}
			]
		};
		const [file] = await readAreaFile({
			name: '85618NED.json',
			bytes: encoder.encode(JSON.stringify(odata))
		});
		expect(file).toMatchObject({
			kind: 'figures',
			year: null,
			figures: [
				{
					code: 'BU03637601',
					inhabitants: 3480,
					age_65_plus: 580,
					households: 1620,
					low_income_share: null
				}
			]
		});
	});

	it('says so when a file is neither', async () => {
		await expect(
			readAreaFile({ name: 'x.json', bytes: encoder.encode('{"a":1}') })
		).rejects.toThrow(FileReadError);
		await expect(readAreaFile({ name: 'x.json', bytes: encoder.encode('{') })).rejects.toThrow(
			FileReadError
		);
	});

	it('knows a header by its stem, a figure by CBS’s markers, a year by the name', () => {
		expect(headerStem('k_65JaarOfOuder_12')).toBe('k65jaarofouder');
		expect(headerStem('Bevolking/Leeftijdsgroepen/65 jaar of ouder (aantal)')).toBe(
			'65jaarofouder'
		);
		expect([
			figure('  2140'),
			figure('12,5'),
			figure('       .'),
			figure('-99997'),
			figure('x')
		]).toEqual([2140, 12.5, null, null, null]);
		expect([
			yearOf('kwb-2023.csv'),
			yearOf('85618NED.csv'),
			yearOf('buurten_2021_v3.geojson')
		]).toEqual([2023, null, 2021]);
	});
});
