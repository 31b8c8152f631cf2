/**
 * CBS's area files as rows for import_areas(): the outlines of the wijk- en
 * buurtkaart (GeoJSON, in WGS84 or in the Dutch RD grid CBS publishes it in)
 * and the Kerncijfers wijken en buurten (StatLine's CSV, with raw or labelled
 * headers, or an OData JSON export). Column names change suffixes from year to
 * year (`AantalInwoners_5`, `k_65JaarOfOuder_12`, `HuishoudensMetEenLaagInkomen_78`),
 * so they are recognised by their stem. CBS marks a secret or missing figure
 * with "." or a negative sentinel (-99997); both become "not known", never 0.
 * Runs in the file worker.
 */
import proj4 from 'proj4';
import type { Table } from './tables';

export type AreaLevel = 'gemeente' | 'wijk' | 'buurt';

export interface AreaRow {
	/** Feature number in its file, from 1, for messages. */
	row: number;
	code: string;
	level: AreaLevel;
	name: string;
	parent_code: string | null;
	gemeente_code: string | null;
	gemeente_name: string | null;
	boundary: Polygonal;
}

export interface FigureRow {
	row: number;
	code: string;
	/** The name CBS gives the region, if the file has one (only to show). */
	name: string | null;
	inhabitants: number | null;
	age_0_14: number | null;
	age_15_24: number | null;
	age_25_44: number | null;
	age_45_64: number | null;
	age_65_plus: number | null;
	households: number | null;
	low_income_share: number | null;
}

export type Position = [number, number];
export type Polygonal =
	| { type: 'Polygon'; coordinates: Position[][] }
	| { type: 'MultiPolygon'; coordinates: Position[][][] };

/** Why a feature or row was left out, for a message in the user's language. */
export type SkipReason = 'no_code' | 'no_geometry' | 'not_polygon' | 'outside_netherlands';

export interface Skipped {
	row: number;
	reason: SkipReason;
	code: string | null;
}

export interface BoundaryFile {
	kind: 'boundaries';
	name: string;
	areas: AreaRow[];
	skipped: Skipped[];
	/** True when the coordinates were in the RD grid and have been converted. */
	reprojected: boolean;
}

export interface FigureFile {
	kind: 'figures';
	name: string;
	figures: FigureRow[];
	skipped: Skipped[];
	/** The year the file's name gives (StatLine names its tables by year), if any. */
	year: number | null;
	/** The columns that were recognised, by field. */
	columns: Partial<Record<FigureField, string>>;
}

export type AreaFile = BoundaryFile | FigureFile;

/** Amersfoort / RD New (EPSG:28992), the grid of CBS's own downloads. */
export const rdNew =
	'+proj=sterea +lat_0=52.15616055555555 +lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 +y_0=463000 +ellps=bessel +towgs84=565.417,50.3319,465.552,-0.398957,0.343988,-1.8774,4.0725 +units=m +no_defs';
const fromRd = proj4(rdNew, 'EPSG:4326');

/** Six decimals of a degree is about 10 cm: finer than any outline needs. */
const round = (value: number) => Math.round(value * 1e6) / 1e6;

export function rdToWgs84([x, y]: Position): Position {
	const [lng, lat] = fromRd.forward([x, y]);
	return [round(lng!), round(lat!)];
}

/** The Netherlands with room around it, in degrees: outlines outside it are not CBS's areas. */
const netherlands = { west: 2.5, south: 50.5, east: 7.5, north: 54 };

/** A property by the first of its names the feature has (CBS's names changed over the years). */
function property(properties: Record<string, unknown>, names: readonly string[]): string | null {
	for (const name of names) {
		const value =
			properties[name] ?? properties[name.toUpperCase()] ?? properties[name.toLowerCase()];
		if (typeof value === 'string' && value.trim()) return value.trim();
		if (typeof value === 'number') return String(value);
	}
	return null;
}

const codeNames = {
	buurt: ['buurtcode', 'BU_CODE'],
	wijk: ['wijkcode', 'WK_CODE'],
	gemeente: ['gemeentecode', 'GM_CODE']
} as const;
const nameNames = {
	buurt: ['buurtnaam', 'BU_NAAM', 'statnaam'],
	wijk: ['wijknaam', 'WK_NAAM', 'statnaam'],
	gemeente: ['gemeentenaam', 'GM_NAAM', 'statnaam']
} as const;

const codePattern = {
	buurt: /^BU\d{4}[0-9A-Z]{4}$/,
	wijk: /^WK\d{4}[0-9A-Z]{2}$/,
	gemeente: /^GM\d{4}$/
} as const;

/**
 * The level and codes of one feature of the wijk- en buurtkaart (its buurten,
 * wijken or gemeenten layer), or of CBS's older layers that name every code `statcode`.
 */
function identify(properties: Record<string, unknown>) {
	const stat = property(properties, ['statcode'])?.toUpperCase() ?? null;
	const code = (level: AreaLevel) => {
		const own = property(properties, codeNames[level])?.toUpperCase() ?? null;
		if (own && codePattern[level].test(own)) return own;
		return stat && codePattern[level].test(stat) ? stat : null;
	};
	const codes = { buurt: code('buurt'), wijk: code('wijk'), gemeente: code('gemeente') };
	const level: AreaLevel | null = codes.buurt
		? 'buurt'
		: codes.wijk
			? 'wijk'
			: codes.gemeente
				? 'gemeente'
				: null;
	return { level, codes };
}

export function readBoundaries(name: string, data: unknown): BoundaryFile {
	const features = featuresOf(data) ?? [];
	const areas: AreaRow[] = [];
	const skipped: Skipped[] = [];
	const reprojected = features.some((feature) => {
		const first = firstPosition(feature['geometry']);
		return first !== null && Math.abs(first[0]) > 1000;
	});
	features.forEach((feature, index) => {
		const row = index + 1;
		const properties = isRecord(feature['properties']) ? feature['properties'] : {};
		const { level, codes } = identify(properties);
		if (!level) {
			skipped.push({ row, reason: 'no_code', code: null });
			return;
		}
		const code = codes[level]!;
		const geometry = feature['geometry'];
		if (!isRecord(geometry)) {
			skipped.push({ row, reason: 'no_geometry', code });
			return;
		}
		const boundary = polygonal(geometry, reprojected);
		if (!boundary) {
			skipped.push({ row, reason: 'not_polygon', code });
			return;
		}
		const first =
			boundary.type === 'Polygon'
				? boundary.coordinates[0]?.[0]
				: boundary.coordinates[0]?.[0]?.[0];
		if (
			!first ||
			first[0] < netherlands.west ||
			first[0] > netherlands.east ||
			first[1] < netherlands.south ||
			first[1] > netherlands.north
		) {
			skipped.push({ row, reason: 'outside_netherlands', code });
			return;
		}
		areas.push({
			row,
			code,
			level,
			name: property(properties, nameNames[level]) ?? code,
			parent_code: level === 'buurt' ? codes.wijk : level === 'wijk' ? codes.gemeente : null,
			gemeente_code: codes.gemeente,
			gemeente_name: property(properties, nameNames.gemeente.slice(0, 2)),
			boundary
		});
	});
	return { kind: 'boundaries', name, areas, skipped, reprojected };
}

/** Whether a parsed JSON file is a FeatureCollection of outlines (and not of points). */
export function isBoundaryCollection(data: unknown): boolean {
	const features = featuresOf(data);
	return (
		features !== null &&
		features.some(
			(feature) =>
				isRecord(feature['geometry']) &&
				(feature['geometry']['type'] === 'Polygon' ||
					feature['geometry']['type'] === 'MultiPolygon')
		)
	);
}

function featuresOf(data: unknown): Record<string, unknown>[] | null {
	if (!isRecord(data) || data['type'] !== 'FeatureCollection' || !Array.isArray(data['features']))
		return null;
	return data['features'].filter(isRecord);
}

function firstPosition(geometry: unknown): Position | null {
	if (!isRecord(geometry)) return null;
	let value: unknown = geometry['coordinates'];
	while (Array.isArray(value) && Array.isArray(value[0])) value = value[0];
	return Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'number'
		? [value[0], value[1]]
		: null;
}

function polygonal(geometry: Record<string, unknown>, fromRdGrid: boolean): Polygonal | null {
	const convert = (ring: unknown): Position[] | null => {
		if (!Array.isArray(ring)) return null;
		const points: Position[] = [];
		for (const point of ring) {
			if (!Array.isArray(point) || typeof point[0] !== 'number' || typeof point[1] !== 'number')
				return null;
			const position: Position = [point[0], point[1]];
			points.push(fromRdGrid ? rdToWgs84(position) : [round(position[0]), round(position[1])]);
		}
		// GeoJSON rings are closed; a file that leaves it implied is closed here.
		const [first] = points;
		const last = points[points.length - 1];
		if (first && last && (first[0] !== last[0] || first[1] !== last[1])) points.push(first);
		return points.length >= 4 ? points : null;
	};
	const polygon = (rings: unknown): Position[][] | null => {
		if (!Array.isArray(rings) || rings.length === 0) return null;
		const converted = rings.map(convert);
		return converted.every((ring) => ring !== null) ? (converted as Position[][]) : null;
	};
	const coordinates = geometry['coordinates'];
	if (geometry['type'] === 'Polygon') {
		const rings = polygon(coordinates);
		return rings ? { type: 'Polygon', coordinates: rings } : null;
	}
	if (geometry['type'] === 'MultiPolygon' && Array.isArray(coordinates)) {
		const polygons = coordinates.map(polygon);
		return polygons.length > 0 && polygons.every((p) => p !== null)
			? { type: 'MultiPolygon', coordinates: polygons as Position[][][] }
			: null;
	}
	return null;
}

// ---------------------------------------------------------------------------
// Kerncijfers wijken en buurten
// ---------------------------------------------------------------------------

export type FigureField =
	| 'code'
	| 'name'
	| 'inhabitants'
	| 'age_0_14'
	| 'age_15_24'
	| 'age_25_44'
	| 'age_45_64'
	| 'age_65_plus'
	| 'households'
	| 'low_income_share';

/**
 * Header stems per field: StatLine's raw keys without their number
 * (`AantalInwoners_5` → `aantalinwoners`) and the last part of its labelled
 * headers (`Bevolking/Aantal inwoners (aantal)` → `aantalinwoners`).
 */
const figureStems: Record<FigureField, readonly string[]> = {
	code: ['codering', 'wijkenenbuurten', 'regiocode', 'gwbcode', 'statcode', 'code'],
	name: ['regionaam', 'naam', 'wijkenenbuurtennaam'],
	inhabitants: ['aantalinwoners', 'inwoners', 'aantinw'],
	age_0_14: ['k0tot15jaar', '0tot15jaar'],
	age_15_24: ['k15tot25jaar', '15tot25jaar'],
	age_25_44: ['k25tot45jaar', '25tot45jaar'],
	age_45_64: ['k45tot65jaar', '45tot65jaar'],
	age_65_plus: ['k65jaarofouder', '65jaarofouder', '65jaarenouder'],
	households: ['huishoudenstotaal', 'particulierehuishoudens', 'aantalhuishoudens'],
	low_income_share: ['huishoudensmeteenlaaginkomen', 'huishoudensmetlaaginkomen']
};

/** A header's stem: its last path segment, without unit, number suffix, case or punctuation. */
export function headerStem(header: string): string {
	const last = header.split('/').pop() ?? header;
	return last
		.replace(/\([^)]*\)/g, '')
		.replace(/_\d+$/, '')
		.toLowerCase()
		.replace(/[^a-z0-9]/g, '');
}

const areaCode = /^(GM\d{4}|WK\d{4}[0-9A-Z]{2}|BU\d{4}[0-9A-Z]{4})$/;

export function readFigures(name: string, table: Table): FigureFile {
	const stems = table.headers.map(headerStem);
	const columns: Partial<Record<FigureField, string>> = {};
	const index: Partial<Record<FigureField, number>> = {};
	for (const field of Object.keys(figureStems) as FigureField[]) {
		for (const stem of figureStems[field]) {
			const at = stems.indexOf(stem);
			// The code column is the one whose cells are codes (WijkenEnBuurten holds names in labelled files).
			if (
				at >= 0 &&
				(field !== 'code' || table.rows.some((row) => areaCode.test(row[at]!.toUpperCase())))
			) {
				index[field] = at;
				columns[field] = table.headers[at]!;
				break;
			}
		}
	}
	// In a labelled download, "Wijken en buurten" holds the names.
	if (index.name === undefined) {
		const at = stems.indexOf('wijkenenbuurten');
		if (
			at >= 0 &&
			at !== index.code &&
			!table.rows.some((row) => areaCode.test(row[at]!.toUpperCase()))
		) {
			index.name = at;
			columns.name = table.headers[at]!;
		}
	}
	const figures: FigureRow[] = [];
	const skipped: Skipped[] = [];
	table.rows.forEach((cells, position) => {
		const row = position + 2;
		const code = index.code === undefined ? '' : cells[index.code]!.trim().toUpperCase();
		if (!areaCode.test(code)) {
			skipped.push({ row, reason: 'no_code', code: code || null });
			return;
		}
		const count = (field: FigureField) => {
			const value = index[field] === undefined ? null : figure(cells[index[field]!]!);
			return value === null ? null : Math.round(value);
		};
		const share =
			index.low_income_share === undefined ? null : figure(cells[index.low_income_share]!);
		figures.push({
			row,
			code,
			name: index.name === undefined ? null : cells[index.name]!.trim() || null,
			inhabitants: count('inhabitants'),
			age_0_14: count('age_0_14'),
			age_15_24: count('age_15_24'),
			age_25_44: count('age_25_44'),
			age_45_64: count('age_45_64'),
			age_65_plus: count('age_65_plus'),
			households: count('households'),
			low_income_share: share !== null && share <= 100 ? Math.round(share * 10) / 10 : null
		});
	});
	return { kind: 'figures', name, figures, skipped, year: yearOf(name), columns };
}

/** A CBS cell as a number: "." "x" "-" and negative sentinels are "not known"; "12,5" is 12.5. */
export function figure(cell: string): number | null {
	const text = cell.trim().replace(/\s/g, '');
	if (!/^-?\d+([.,]\d+)?$/.test(text)) return null;
	const value = Number(text.replace(',', '.'));
	return Number.isFinite(value) && value >= 0 ? value : null;
}

/** StatLine names its tables and downloads by year ("Kerncijfers wijken en buurten 2023"). */
export function yearOf(fileName: string): number | null {
	const years = [...fileName.matchAll(/(?<!\d)(19[9]\d|20\d\d)(?!\d)/g)].map((m) => Number(m[1]));
	return years.length > 0 ? years[years.length - 1]! : null;
}

/** An OData export (`{ "value": [ {…}, … ] }`) as a table, with the keys as headers. */
export function odataTable(name: string, data: unknown): Table | null {
	const rows =
		isRecord(data) && Array.isArray(data['value']) ? data['value'].filter(isRecord) : null;
	if (!rows || rows.length === 0) return null;
	const headers = Object.keys(rows[0]!);
	return {
		name,
		headers,
		rows: rows.map((row) =>
			headers.map((header) => {
				const value = row[header];
				return value === null || value === undefined ? '' : String(value).trim();
			})
		)
	};
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
