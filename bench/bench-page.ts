/**
 * What the frame-time benchmarks share: their page (a folder under bench/
 * with index.html and main.ts) built for production and served as such, so no
 * dev-server reload lands mid-run; Chromium without its frame-rate limit, so
 * a frame's duration is its cost; and a page that reports its errors.
 */
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build, preview, type PreviewServer } from 'vite';
import { chromiumArgs, chromiumExecutable } from '../tests/chromium';

export function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export interface BenchPage {
	page: Page;
	close(): Promise<void>;
}

/** Builds and serves bench/<folder>/ on `port`, and opens it in Chromium at 1280 x 800. */
export async function openBenchPage(folder: string, port: number): Promise<BenchPage> {
	const config = {
		root: fileURLToPath(new URL(`./${folder}/`, import.meta.url)),
		configFile: false as const,
		logLevel: 'warn' as const,
		resolve: { alias: { $lib: fileURLToPath(new URL('../src/lib/', import.meta.url)) } },
		worker: { format: 'es' as const },
		build: {
			outDir: fileURLToPath(new URL(`../node_modules/.bench-${folder}/`, import.meta.url)),
			emptyOutDir: true,
			target: 'es2022'
		}
	};
	await build(config);
	const server: PreviewServer = await preview({ ...config, preview: { port, strictPort: true } });
	const browser: Browser = await chromium.launch({
		executablePath: chromiumExecutable,
		args: [...chromiumArgs, '--disable-frame-rate-limit', '--disable-gpu-vsync']
	});
	const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
	page.on('pageerror', (error) => console.error('page error:', error.message));
	page.on('console', (message) => {
		if (message.type() === 'error') console.error('console:', message.text());
	});
	await page.goto(`http://localhost:${port}/`);
	return {
		page,
		async close() {
			await browser.close();
			await server.close();
		}
	};
}
