/**
 * What the main thread and the file worker say to each other: files in, and
 * out either tables (organisations and ties) or area files (outlines, figures).
 */
import type { AreaFile } from './cbs';
import type { FileProblem, ReadFile, Table } from './tables';

export interface ReadRequest {
	requestId: number;
	/** What the files are for: the organisation import, or areas and their figures. */
	purpose: 'tables' | 'areas';
	files: ReadFile[];
}

export type ReadReply =
	| { requestId: number; ok: true; tables: Table[] }
	| { requestId: number; ok: true; areaFiles: AreaFile[] }
	| { requestId: number; ok: false; problem: FileProblem; file: string };
