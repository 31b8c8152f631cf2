/**
 * Reads the files a coordinator chose for areas: outlines (GeoJSON of the
 * wijk- en buurtkaart) and key figures (Kerncijfers as CSV, a workbook or an
 * OData JSON export). Runs in the file worker.
 */
import { FileReadError, maxFileBytes, readTables, type ReadFile } from './tables';
import { decodeText } from './text';
import {
	isBoundaryCollection,
	odataTable,
	readBoundaries,
	readFigures,
	type AreaFile
} from './cbs';

export async function readAreaFile(file: ReadFile): Promise<AreaFile[]> {
	if (file.bytes.byteLength > maxFileBytes) throw new FileReadError('too_large', file.name);
	const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
	if (extension === 'geojson' || extension === 'json') {
		let data: unknown;
		try {
			data = JSON.parse(decodeText(file.bytes).text);
		} catch (error) {
			throw new FileReadError('unreadable', file.name, { cause: error });
		}
		if (isBoundaryCollection(data)) {
			const boundaries = readBoundaries(file.name, data);
			if (boundaries.areas.length === 0) throw new FileReadError('empty', file.name);
			return [boundaries];
		}
		const table = odataTable(file.name, data);
		if (!table) throw new FileReadError('unsupported', file.name);
		return [readFigures(file.name, table)];
	}
	const tables = await readTables(file);
	return tables.map((table) =>
		readFigures(tables.length > 1 ? `${file.name} (${table.name})` : file.name, table)
	);
}
