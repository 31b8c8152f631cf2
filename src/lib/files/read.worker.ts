/** The file worker: what people drop in (tables for the organisation import, CBS area files) is decoded and parsed here, off the main thread. */
import { readAreaFile } from './area-files';
import type { AreaFile } from './cbs';
import { FileReadError, readTables, type Table } from './tables';
import type { ReadReply, ReadRequest } from './read-messages';

self.onmessage = async ({ data }: MessageEvent<ReadRequest>) => {
	let reply: ReadReply;
	try {
		if (data.purpose === 'areas') {
			const areaFiles: AreaFile[] = [];
			for (const file of data.files) areaFiles.push(...(await readAreaFile(file)));
			reply = { requestId: data.requestId, ok: true, areaFiles };
		} else {
			const tables: Table[] = [];
			for (const file of data.files) tables.push(...(await readTables(file)));
			reply = { requestId: data.requestId, ok: true, tables };
		}
	} catch (error) {
		const known = error instanceof FileReadError;
		reply = {
			requestId: data.requestId,
			ok: false,
			problem: known ? error.problem : 'unreadable',
			file: known ? error.file : (data.files[0]?.name ?? '')
		};
		if (!known) console.error(error);
	}
	self.postMessage(reply);
};
