/**
 * Reads the chosen files in the file worker and answers their tables (or
 * area files), or the problem with the first file that could not be read, in
 * the user's words.
 */
import { m } from '$lib/paraglide/messages';
import type { ReadReply, ReadRequest } from './read-messages';
import type { AreaFile } from './cbs';
import type { FileProblem, Table } from './tables';

let worker: Worker | null = null;
let lastRequest = 0;

export class ImportFileError extends Error {
	override readonly name = 'ImportFileError';
}

export function fileProblemMessage(problem: FileProblem, file: string): string {
	switch (problem) {
		case 'unsupported':
			return m.import_file_unsupported({ file });
		case 'empty':
			return m.import_file_empty({ file });
		case 'too_large':
			return m.import_file_too_large({ file });
		default:
			return m.import_file_unreadable({ file });
	}
}

/** The tables of files for the organisation import. */
export async function readFiles(files: readonly File[]): Promise<Table[]> {
	const reply = await ask('tables', files);
	return 'tables' in reply ? reply.tables : [];
}

/** Outlines and key figures of areas, from CBS's files. */
export async function readAreaFiles(files: readonly File[]): Promise<AreaFile[]> {
	const reply = await ask('areas', files);
	return 'areaFiles' in reply ? reply.areaFiles : [];
}

type Answer = Exclude<ReadReply, { ok: false }>;

async function ask(purpose: ReadRequest['purpose'], files: readonly File[]): Promise<Answer> {
	const request: ReadRequest = {
		requestId: ++lastRequest,
		purpose,
		files: await Promise.all(
			files.map(async (file) => ({
				name: file.name,
				bytes: new Uint8Array(await file.arrayBuffer())
			}))
		)
	};
	worker ??= new Worker(new URL('./read.worker.ts', import.meta.url), { type: 'module' });
	const active = worker;
	return new Promise((resolve, reject) => {
		const done = () => {
			active.removeEventListener('message', onMessage);
			active.removeEventListener('error', onError);
		};
		const onMessage = ({ data }: MessageEvent<ReadReply>) => {
			if (data.requestId !== request.requestId) return;
			done();
			if (data.ok) resolve(data);
			else reject(new ImportFileError(fileProblemMessage(data.problem, data.file)));
		};
		// A worker that cannot start or crashes answers nothing: say so rather than wait forever.
		const onError = (event: ErrorEvent) => {
			done();
			if (worker === active) worker = null;
			reject(new Error(`file worker failed: ${event.message}`));
		};
		active.addEventListener('message', onMessage);
		active.addEventListener('error', onError);
		active.postMessage(
			request,
			request.files.map((file) => file.bytes.buffer as ArrayBuffer)
		);
	});
}
