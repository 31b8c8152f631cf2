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
import { openBenchPage, percentile } from './bench-page';

const points = Number(process.env.BENCH_POINTS ?? 50_000);
const measureMs = Number(process.env.BENCH_MS ?? 4000);
const budgetMs = 16.7;

const { page, close } = await openBenchPage('map-points', 4181);

try {
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
	await close();
}
