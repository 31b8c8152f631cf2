/** What the main thread and the import worker say to each other: files in, tables out. */
import type { FileProblem, ReadFile, Table } from './tables';

export interface ReadRequest {
	requestId: number;
	files: ReadFile[];
}

export type ReadReply =
	| { requestId: number; ok: true; tables: Table[] }
	| { requestId: number; ok: false; problem: FileProblem; file: string };
