/**
 * The adapter precompresses html, js, css, json, svg and wasm (svelte.config.js);
 * PGlite also ships a 6 MB file-system image with the extension .data, which it
 * leaves out. This writes its .br and .gz beside it, so a host that serves
 * precompressed files sends 1-2 MB instead of 6. Runs after `vite build`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

if (process.env.BUURTATLAS_PRECOMPRESS !== 'off') {
	const root = join(import.meta.dirname, '..', 'build');
	for (const entry of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
		if (!entry.endsWith('.data')) continue;
		const file = join(root, entry);
		const bytes = readFileSync(file);
		writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
		writeFileSync(
			`${file}.br`,
			brotliCompressSync(bytes, {
				params: {
					[constants.BROTLI_PARAM_QUALITY]: 11,
					[constants.BROTLI_PARAM_SIZE_HINT]: bytes.length
				}
			})
		);
		console.log(`precompressed ${entry}`);
	}
}
