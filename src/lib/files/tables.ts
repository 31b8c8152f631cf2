/**
 * A file as tables of text: a CSV is one table, a workbook one per sheet, a
 * GeoJSON file one table of its points' properties with their coordinates as
 * the columns `lng` and `lat`. Cells stay text here; what they mean is decided
 * by the column mapping. Runs in the file worker.
 */
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/universal';
import { decodeText } from './text';

export interface Table {
	/** The sheet's name, or the file's for a CSV or GeoJSON file. */
	name: string;
	headers: string[];
	/** Each row's cells, as many as there are headers; rows numbered from 2 (the header is row 1). */
	rows: string[][];
}

export interface ReadFile {
	name: string;
	bytes: Uint8Array;
}

/** Why a file could not be read, for a message in the user's language. */
export type FileProblem = 'unsupported' | 'empty' | 'unreadable' | 'too_large';

export class FileReadError extends Error {
	constructor(
		readonly problem: FileProblem,
		readonly file: string,
		options?: ErrorOptions
	) {
		super(`${file}: ${problem}`, options);
		this.name = 'FileReadError';
	}
}

/** Bounds that keep a mistaken upload from freezing the tab: a country's worth, with room. */
export const maxFileBytes = 50 * 1024 * 1024;
export const maxRows = 100_000;
const maxColumns = 200;

export async function readTables(file: ReadFile): Promise<Table[]> {
	if (file.bytes.byteLength > maxFileBytes) throw new FileReadError('too_large', file.name);
	const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
	let tables: Table[];
	try {
		if (extension === 'xlsx') tables = await readWorkbook(file);
		else if (extension === 'geojson' || extension === 'json') tables = [readGeoJson(file)];
		else if (extension === 'csv' || extension === 'txt' || extension === 'tsv')
			tables = [readCsv(file)];
		else throw new FileReadError('unsupported', file.name);
	} catch (error) {
		if (error instanceof FileReadError) throw error;
		throw new FileReadError('unreadable', file.name, { cause: error });
	}
	tables = tables.filter((table) => table.headers.length > 0 && table.rows.length > 0);
	if (tables.length === 0) throw new FileReadError('empty', file.name);
	if (tables.some((table) => table.rows.length > maxRows || table.headers.length > maxColumns))
		throw new FileReadError('too_large', file.name);
	return tables;
}

/** A CSV in whatever delimiter and encoding the spreadsheet wrote: papaparse detects the delimiter. */
function readCsv(file: ReadFile): Table {
	const { text } = decodeText(file.bytes);
	const parsed = Papa.parse<string[]>(text, {
		skipEmptyLines: 'greedy',
		delimitersToGuess: [';', ',', '\t', '|']
	});
	const [headers = [], ...rows] = parsed.data;
	return shape(file.name, headers, rows);
}

async function readWorkbook(file: ReadFile): Promise<Table[]> {
	const buffer = file.bytes.buffer.slice(
		file.bytes.byteOffset,
		file.bytes.byteOffset + file.bytes.byteLength
	) as ArrayBuffer;
	const sheets = await readXlsxFile(buffer);
	return sheets.map(({ sheet, data }) => {
		const [headers = [], ...rows] = data.map((row) => row.map(cellText));
		return shape(
			sheet,
			headers,
			rows.filter((row) => row.some((cell) => cell !== ''))
		);
	});
}

function cellText(cell: unknown): string {
	if (cell === null || cell === undefined) return '';
	if (cell instanceof Date) return cell.toISOString().slice(0, 10);
	return String(cell).trim();
}

function readGeoJson(file: ReadFile): Table {
	const data = JSON.parse(decodeText(file.bytes).text) as unknown;
	const features =
		isRecord(data) && data['type'] === 'FeatureCollection' && Array.isArray(data['features'])
			? (data['features'] as unknown[])
			: null;
	if (!features) throw new FileReadError('unreadable', file.name);
	const headers: string[] = [];
	const seen = new Set<string>();
	// Points are organisations; lines (ties, in the atlas's own export) are not rows.
	const points = features
		.filter(isRecord)
		.filter((feature) => !isRecord(feature['geometry']) || feature['geometry']['type'] === 'Point');
	const records = points.map((feature) => {
		const properties = isRecord(feature['properties']) ? feature['properties'] : {};
		const geometry = isRecord(feature['geometry']) ? feature['geometry'] : null;
		const point =
			geometry?.['type'] === 'Point' && Array.isArray(geometry['coordinates'])
				? (geometry['coordinates'] as unknown[])
				: null;
		const record: Record<string, string> = {};
		for (const [key, value] of Object.entries(properties)) {
			if (!seen.has(key)) {
				seen.add(key);
				headers.push(key);
			}
			record[key] = Array.isArray(value) ? value.join('; ') : cellText(value);
		}
		record['lng'] = typeof point?.[0] === 'number' ? String(point[0]) : '';
		record['lat'] = typeof point?.[1] === 'number' ? String(point[1]) : '';
		return record;
	});
	const all = [...headers.filter((h) => h !== 'lng' && h !== 'lat'), 'lng', 'lat'];
	return shape(
		file.name,
		all,
		records.map((record) => all.map((header) => record[header] ?? ''))
	);
}

/** Every row as long as the header, headers named (an empty one gets its column's letter). */
function shape(name: string, headers: string[], rows: string[][]): Table {
	const names = headers.map((header, index) => header.trim() || columnLetter(index));
	return {
		name,
		headers: names,
		rows: rows.map((row) => names.map((_, index) => (row[index] ?? '').trim()))
	};
}

function columnLetter(index: number): string {
	let letters = '';
	for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
		letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
	return letters;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
