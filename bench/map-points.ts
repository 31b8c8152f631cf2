/**
 * Map benchmark: pan and zoom frame times with 50,000 organisations, in
 * headless Chromium on this machine.
 *
 *   npm run bench:map
 *
 * The app's layers (MapLibre GeoJSON clustering, the code in
 * src/lib/map/map-layers.ts) against a baseline run in the same process: the
 * same points as DOM markers (maplibregl.Marker), the usual first attempt.
 * Chromium runs without its frame-rate limit, so a frame's duration is its
 * cost, not a wait for the next vsync. A third run, the map with no points,
 * shows this machine's floor: without a GPU, Chromium draws WebGL in software
 * (SwiftShader). Prints p50/p95 frame times and the ratio; asserts nothing.
 */
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { chromiumArgs, chromiumExecutable } from '../tests/chromium';

const points = Number(process.env.BENCH_POINTS ?? 50_000);
const measureMs = Number(process.env.BENCH_MS ?? 4000);
const budgetMs = 16.7;

const root = fileURLToPath(new URL('./map-points/', import.meta.url));
const lib = fileURLToPath(new URL('../src/lib/', import.meta.url));

function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

// A production build of the bench page, served as such: no dev-server reloads mid-run.
const outDir = fileURLToPath(new URL('../node_modules/.bench-map-points/', import.meta.url));
const config = {
	root,
	configFile: false as const,
	logLevel: 'warn' as const,
	resolve: { alias: { $lib: lib } },
	build: { outDir, emptyOutDir: true }
};
await build(config);
const server = await preview({ ...config, preview: { port: 4181, strictPort: true } });

const browser = await chromium.launch({
	executablePath: chromiumExecutable,
	args: [...chromiumArgs, '--disable-frame-rate-limit', '--disable-gpu-vsync']
});

try {
	const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
	page.on('pageerror', (error) => console.error('page error:', error.message));
	page.on('console', (message) => {
		if (message.type() === 'error') console.error('console:', message.text());
	});
	await page.goto('http://localhost:4181/');
	await page.waitForFunction(() => typeof window.runBench === 'function', null, {
		timeout: 120_000
	});

	const rows: { mode: string; setupMs: number; frames: number; p50: number; p95: number }[] = [];
	for (const mode of ['empty', 'dom', 'layers'] as const) {
		const result = await page.evaluate(([m, n, ms]) => window.runBench(m, n, ms), [
			mode,
			points,
			measureMs
		] as const);
		rows.push({
			mode,
			setupMs: Math.round(result.setupMs),
			frames: result.frames.length,
			p50: percentile(result.frames, 50),
			p95: percentile(result.frames, 95)
		});
	}

	const [empty, dom, layers] = rows as [(typeof rows)[0], (typeof rows)[0], (typeof rows)[0]];
	console.log(`Map pan and zoom with ${points.toLocaleString('en')} points, ${measureMs} ms each`);
	console.table(
		rows.map((r) => ({
			mode: {
				empty: 'floor: the map without points',
				dom: 'baseline: DOM markers',
				layers: 'app: clustered layers'
			}[r.mode],
			'setup ms': r.setupMs,
			frames: r.frames,
			'p50 ms': r.p50.toFixed(1),
			'p95 ms': r.p95.toFixed(1)
		}))
	);
	console.log(
		`p95 ratio (baseline / app): ${(dom.p95 / layers.p95).toFixed(1)}x; ` +
			`app p95 ${layers.p95.toFixed(1)} ms against a budget of ${budgetMs} ms: ` +
			(layers.p95 <= budgetMs ? 'met' : 'NOT met') +
			`; the map alone takes p95 ${empty.p95.toFixed(1)} ms here`
	);
} finally {
	await browser.close();
	await server.close();
}
