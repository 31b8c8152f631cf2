/**
 * Start-up benchmark of the embedded mode, in headless Chromium on this machine.
 *
 *   npm run bench:startup        (builds first; `tsx bench/startup.ts` reuses ./build)
 *
 * From navigation start: when the first markers are drawn (the app's
 * `buurtatlas:first-markers` mark, set on MapLibre's first idle with markers),
 * when the map itself was ready, and when the live database answered
 * (`buurtatlas:data-ready`); on a cold start (new browser profile: empty
 * IndexedDB) and on reload. Also how much JavaScript loads before MapLibre and
 * PGlite. The baseline, run in the same process, is a cold start without any
 * head start: snapshot and seeded first answers refused, so Postgres is created
 * from nothing in the browser and nothing is drawn before it answers.
 * Prints numbers; asserts nothing.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from '../tests/chromium';

const port = 4180;
const origin = `http://localhost:${port}`;
const runs = Number(process.env.BENCH_RUNS ?? 3);
const budgets = { coldMs: 2000, reloadMs: 1000, shellKb: 150 };

type Marks = Record<string, number>;

interface Load {
	marks: Marks;
	scripts: { url: string; gzip: number }[];
}

async function startServer(): Promise<() => void> {
	const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], {
		stdio: 'ignore',
		detached: true
	});
	for (let i = 0; i < 60; i += 1) {
		try {
			if ((await fetch(origin)).ok) return () => process.kill(-server.pid!);
		} catch {
			// not up yet
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error('vite preview did not start');
}

async function newContext(browser: Browser, headStart: boolean): Promise<BrowserContext> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	// Nothing leaves the machine: the basemap is refused, as offline.
	await context.route(/openfreemap\.org/, (route) => route.abort('internetdisconnected'));
	if (!headStart) {
		await context.route(/(database-snapshot|first-paint)[^/]*\.(gz|json)$/, (route) =>
			route.fulfill({ status: 404 })
		);
	}
	return context;
}

async function load(context: BrowserContext): Promise<Load> {
	const page = await context.newPage();
	const scripts: Load['scripts'] = [];
	page.on('response', async (response) => {
		const url = response.url();
		if (!/\.m?js$/.test(url)) return;
		try {
			scripts.push({ url, gzip: gzipSync(await response.body()).length });
		} catch {
			// a body that is gone (worker scripts, sometimes) is not counted
		}
	});
	await page.goto(origin);
	await page.waitForFunction(
		() => performance.getEntriesByName('buurtatlas:data-ready').length > 0,
		null,
		{ timeout: 120_000 }
	);
	await page.waitForFunction(
		() => performance.getEntriesByName('buurtatlas:first-markers').length > 0
	);
	const marks = await page.evaluate(() =>
		Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]))
	);
	await page.close();
	return { marks, scripts };
}

/**
 * The files only MapLibre and the embedded database bring: their dynamic
 * entries and whatever those import that the rest of the app does not.
 */
function lazilyLoadedFiles(): string[] {
	type Chunk = { file: string; imports?: string[]; isEntry?: boolean };
	const manifest = JSON.parse(
		readFileSync('.svelte-kit/output/client/.vite/manifest.json', 'utf8')
	) as Record<string, Chunk>;
	const closure = (keys: string[], seen = new Set<string>()) => {
		for (const key of keys) {
			const chunk = manifest[key];
			if (seen.has(key) || !chunk) continue;
			seen.add(key);
			closure(chunk.imports ?? [], seen);
		}
		return seen;
	};
	const shell = closure(Object.keys(manifest).filter((key) => manifest[key]?.isEntry));
	const lazyEntries = Object.keys(manifest).filter((key) =>
		/maplibre-gl|embedded-backend|embedded\/first-paint/.test(key)
	);
	const lazy = [...closure(lazyEntries)].filter((key) => !shell.has(key));
	return [...lazy.map((key) => manifest[key]!.file), '/workers/', 'maplibre-gl-worker'];
}

const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${Math.round(value)} ms`;

async function main() {
	const stop = await startServer();
	const browser = await chromium.launch({
		executablePath: chromiumExecutable,
		args: chromiumArgs
	});
	try {
		const baseline: Marks[] = [];
		const cold: Marks[] = [];
		const reload: Marks[] = [];
		let firstLoad: Load | undefined;
		for (let run = 0; run < runs; run += 1) {
			// Alternate, so that noise on the machine falls on both alike.
			const bare = await newContext(browser, false);
			baseline.push((await load(bare)).marks);
			await bare.close();

			const context = await newContext(browser, true);
			const coldLoad = await load(context);
			firstLoad ??= coldLoad;
			cold.push(coldLoad.marks);
			reload.push((await load(context)).marks);
			await context.close();
		}

		console.log(`\nEmbedded start-up, median of ${runs} runs, from navigation start:\n`);
		const row = (name: string, samples: Marks[]) => {
			const get = (mark: string) => median(samples.map((m) => m[`buurtatlas:${mark}`] ?? NaN));
			console.log(
				`${name.padEnd(32)} first markers ${ms(get('first-markers')).padStart(8)}` +
					`   map ready ${ms(get('map-ready')).padStart(8)}` +
					`   live data ${ms(get('data-ready')).padStart(8)}`
			);
			return get('first-markers');
		};
		const baselineMs = row('cold, no head start (baseline)', baseline);
		const coldMs = row('cold', cold);
		const reloadMs = row('reload', reload);
		console.log(`\nfirst markers, cold / baseline:   ${(coldMs / baselineMs).toFixed(2)}`);
		console.log(`first markers, reload / baseline: ${(reloadMs / baselineMs).toFixed(2)}`);

		const scripts = firstLoad?.scripts ?? [];
		const lazy = lazilyLoadedFiles();
		const isLazy = (url: string) => lazy.some((file) => url.includes(file));
		const shellKb =
			scripts.filter((s) => !isLazy(s.url)).reduce((sum, s) => sum + s.gzip, 0) / 1024;
		const allKb = scripts.reduce((sum, s) => sum + s.gzip, 0) / 1024;
		console.log(
			`\nJavaScript (gzip) on a cold start: ${allKb.toFixed(0)} KB in ${scripts.length} files`
		);
		console.log(`  before the map and PGlite:       ${shellKb.toFixed(1)} KB`);
		for (const s of [...scripts].sort((a, b) => b.gzip - a.gzip).slice(0, 6)) {
			const tag = isLazy(s.url) ? 'lazy ' : 'shell';
			console.log(
				`    ${(s.gzip / 1024).toFixed(1).padStart(7)} KB  ${tag}  ${s.url.replace(origin, '')}`
			);
		}

		const verdict = (ok: boolean) => (ok ? 'within' : 'OVER');
		console.log('\nBudgets:');
		console.log(
			`  cold first markers ≤ ${budgets.coldMs} ms:     ${ms(coldMs)} (${verdict(coldMs <= budgets.coldMs)})`
		);
		console.log(
			`  reload first markers ≤ ${budgets.reloadMs} ms:   ${ms(reloadMs)} (${verdict(reloadMs <= budgets.reloadMs)})`
		);
		console.log(
			`  JS before map and PGlite ≤ ${budgets.shellKb} KB: ${shellKb.toFixed(1)} KB (${verdict(shellKb <= budgets.shellKb)})`
		);
	} finally {
		await browser.close();
		stop();
	}
}

await main();
