/**
 * Network benchmark: how long the layout takes to settle, and how smooth the
 * main thread stays meanwhile, for synthetic networks of 1,000 nodes / 3,000
 * ties and 5,000 / 20,000, in headless Chromium on this machine.
 *
 *   npm run bench:network
 *
 * The app (force layout in a worker, canvas renderer) against a baseline run
 * in the same process: the common SVG d3-force example, simulation and DOM on
 * the main thread. Chromium runs without its frame-rate limit, but an
 * OffscreenCanvas still paces the page at the display rate, so an idle page
 * is measured too: the floor. Prints settle times, p50/p95 frame times and the
 * ratios; asserts nothing. Target: 5,000 / 20,000 at p95 <= 16.7 ms, settled
 * within 4 s.
 */
import { openBenchPage, percentile } from './bench-page';

const timeoutMs = Number(process.env.BENCH_TIMEOUT_MS ?? 60_000);
const frameBudgetMs = 16.7;
const settleBudgetMs = 4000;
const sizes = [
	{ nodes: 1000, ties: 3000 },
	{ nodes: 5000, ties: 20_000 }
];

const { page, close } = await openBenchPage('network-layout', 4182);

try {
	await page.waitForFunction(() => typeof window.runNetworkBench === 'function');

	for (const { nodes, ties } of sizes) {
		const rows = [];
		for (const mode of ['idle', 'svg', 'app'] as const) {
			const result = await page.evaluate(([m, n, t, ms]) => window.runNetworkBench(m, n, t, ms), [
				mode,
				nodes,
				ties,
				timeoutMs
			] as const);
			rows.push({
				mode,
				settled: result.settled,
				settleMs: result.settleMs,
				ticks: result.ticks,
				frames: result.frames.length,
				p50: percentile(result.frames, 50),
				p95: percentile(result.frames, 95)
			});
		}
		const [idle, svg, app] = rows as [(typeof rows)[0], (typeof rows)[0], (typeof rows)[0]];
		console.log(`\n${nodes.toLocaleString('en')} nodes, ${ties.toLocaleString('en')} ties`);
		console.table(
			rows.map((r) => ({
				run: {
					idle: 'floor: an idle page',
					svg: 'baseline: SVG d3-force, main thread',
					app: 'app: layout and render workers'
				}[r.mode],
				settle:
					r.mode === 'idle'
						? '–'
						: r.settled
							? `${(r.settleMs / 1000).toFixed(2)} s`
							: `not in ${timeoutMs / 1000} s`,
				ticks: r.ticks,
				frames: r.frames,
				'p50 ms': r.p50.toFixed(1),
				'p95 ms': r.p95.toFixed(1)
			}))
		);
		console.log(
			`settle ratio (baseline / app): ${svg.settled ? '' : '>'}${(svg.settleMs / app.settleMs).toFixed(1)}x; ` +
				`p95 frame ratio: ${(svg.p95 / app.p95).toFixed(1)}x; ` +
				`app p95 ${app.p95.toFixed(1)} ms (budget ${frameBudgetMs}: ${app.p95 <= frameBudgetMs ? 'met' : 'NOT met'}), ` +
				`settled in ${(app.settleMs / 1000).toFixed(2)} s (budget ${settleBudgetMs / 1000} s: ${app.settled && app.settleMs <= settleBudgetMs ? 'met' : 'NOT met'}); ` +
				`an idle page's p95 here is ${idle.p95.toFixed(1)} ms`
		);
	}
} finally {
	await close();
}
