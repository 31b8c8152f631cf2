/**
 * Start-up benchmark of the embedded mode, in headless Chromium on this machine.
 *
 *   npm run bench:startup
 *
 * Builds the app twice: with the seed (62 organisations), and with 5,000 more
 * in the local database (BUURTATLAS_EXTRA_ORGANISATIONS, see
 * scripts/build-database-snapshot.ts); then restores the seed's snapshot.
 * BENCH_SIZES=0 measures the seed only.
 * For each, from navigation start: when the first markers are drawn (the app's
 * `buurtatlas:first-markers` mark: the map's poster or MapLibre, whichever is
 * first), when MapLibre was ready, and when the live database answered
 * (`buurtatlas:data-ready`); on a cold start (new browser profile: empty
 * IndexedDB), on reload, and on a reload one second into the database's first
 * setup (which used to leave half a database behind), and on a reload over
 * a slow 3G connection (DevTools' preset). Also the bytes
 * transferred before the first markers and how much JavaScript loads before
 * MapLibre and PGlite. The baseline, run in the same process, is a cold start
 * without any head start: snapshot and seeded first answers refused, so
 * Postgres is created from nothing in the browser and nothing is drawn before
 * it answers. Prints numbers; asserts nothing.
 */
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from '../tests/chromium';
import { startPreview } from './preview-server';
import { fullMapKey } from '../src/lib/map/map-start';

const port = 4180;
const origin = `http://localhost:${port}`;
const runs = Number(process.env.BENCH_RUNS ?? 3);
const budgets = {
	coldMs: 1500,
	reloadMs: 800,
	slowReloadMs: 5000,
	shellKb: 150,
	beforeMarkersKb: 1500
};

/** Chrome DevTools' "Slow 3G": 2 s round trips, 400 kbit/s each way (issue 16: markers within 5 s). */
const slow3g = {
	offline: false,
	latency: 2000,
	downloadThroughput: (400 * 1024) / 8,
	uploadThroughput: (400 * 1024) / 8
};

type Marks = Record<string, number>;

interface Load {
	marks: Marks;
	scripts: { url: string; gzip: number }[];
	/** Bytes over the wire (headers and bodies, workers' too) before the first markers. */
	beforeMarkers: number;
}

async function newContext(browser: Browser, headStart: boolean): Promise<BrowserContext> {
	const context = await browser.newContext({
		viewport: { width: 1280, height: 800 },
		// The full map from the start, as with a graphics card: on this machine's software
		// WebGL the map would otherwise wait until wanted (map-start.ts), and MapLibre's start,
		// which competes with the first markers, would not be measured.
		storageState: {
			cookies: [],
			origins: [{ origin, localStorage: [{ name: fullMapKey, value: '1' }] }]
		}
	});
	// Nothing leaves the machine: the basemap's host does not resolve (see measure()), as
	// offline. Not by routing requests: Playwright turns the HTTP cache off for a context that
	// routes, and a reload would then fetch every script again.
	if (!headStart) {
		await context.route(/(database-snapshot|first-paint)[^/]*\.(gz|json)$/, (route) =>
			route.fulfill({ status: 404 })
		);
	}
	return context;
}

async function load(
	context: BrowserContext,
	{ reloadAfter, slow = false }: { reloadAfter?: string; slow?: boolean } = {}
): Promise<Load> {
	const page = await context.newPage();
	if (slow) {
		const cdp = await context.newCDPSession(page);
		await cdp.send('Network.emulateNetworkConditions', slow3g);
	}
	const scripts: Load['scripts'] = [];
	const finished: { at: number; bytes: number }[] = [];
	page.on('requestfinished', async (request) => {
		const at = Date.now();
		try {
			const sizes = await request.sizes();
			finished.push({ at, bytes: sizes.responseBodySize + sizes.responseHeadersSize });
		} catch {
			// gone with its page
		}
	});
	page.on('response', async (response) => {
		const url = response.url();
		if (!/\.m?js$/.test(url)) return;
		try {
			scripts.push({ url, gzip: gzipSync(await response.body()).length });
		} catch {
			// a body that is gone (worker scripts, sometimes) is not counted
		}
	});
	const mark = (name: string) =>
		page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, name, {
			timeout: 120_000
		});
	await page.goto(origin);
	if (reloadAfter) {
		// Cut the first visit short one second after this mark, then measure the reload.
		await mark(reloadAfter);
		await page.waitForTimeout(1000);
		scripts.length = 0;
		finished.length = 0;
		await page.reload();
	}
	await mark('buurtatlas:first-markers');
	// Over slow 3G the first markers are what is measured: the database's 9 MB may take minutes.
	if (!slow) {
		await mark('buurtatlas:data-ready');
		// The map's live view too: it is what the next start draws first.
		await mark('buurtatlas:live-view');
	}
	const { marks, origin: timeOrigin } = await page.evaluate(() => ({
		marks: Object.fromEntries(
			performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])
		),
		origin: performance.timeOrigin
	}));
	const markersAt = timeOrigin + (marks['buurtatlas:first-markers'] ?? Infinity);
	const beforeMarkers = finished.filter((f) => f.at <= markersAt).reduce((n, f) => n + f.bytes, 0);
	await page.close();
	return { marks, scripts, beforeMarkers };
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

function build(extraOrganisations: number) {
	console.log(
		`\nBuilding with ${extraOrganisations ? `${extraOrganisations} more organisations` : 'the seed'}…`
	);
	execSync('npm run build', {
		stdio: 'ignore',
		env: {
			...process.env,
			BUURTATLAS_PRECOMPRESS: 'off',
			BUURTATLAS_EXTRA_ORGANISATIONS: String(extraOrganisations)
		}
	});
}

async function measure(label: string) {
	const stop = await startPreview(port);
	const browser = await chromium.launch({
		executablePath: chromiumExecutable,
		args: [...chromiumArgs, '--host-resolver-rules=MAP *.openfreemap.org ~NOTFOUND']
	});
	try {
		const baseline: Load[] = [];
		const cold: Load[] = [];
		const reload: Load[] = [];
		const cutShort: Load[] = [];
		const slowReload: Load[] = [];
		for (let run = 0; run < runs; run += 1) {
			// Alternate, so that noise on the machine falls on all alike.
			const bare = await newContext(browser, false);
			baseline.push(await load(bare));
			await bare.close();

			const context = await newContext(browser, true);
			cold.push(await load(context));
			reload.push(await load(context));
			slowReload.push(await load(context, { slow: true }));
			await context.close();

			const interrupted = await newContext(browser, true);
			cutShort.push(await load(interrupted, { reloadAfter: 'buurtatlas:backend-starting' }));
			await interrupted.close();
		}

		console.log(`\n${label}: embedded start-up, median of ${runs} runs, from navigation start:\n`);
		const row = (name: string, samples: Load[]) => {
			const get = (mark: string) =>
				median(samples.map((s) => s.marks[`buurtatlas:${mark}`] ?? NaN));
			const kb = median(samples.map((s) => s.beforeMarkers)) / 1024;
			console.log(
				`${name.padEnd(40)} first markers ${ms(get('first-markers')).padStart(8)}` +
					`   map ready ${ms(get('map-ready')).padStart(8)}` +
					`   live data ${ms(get('data-ready')).padStart(8)}` +
					`   before markers ${kb.toFixed(0).padStart(5)} KB`
			);
			return { markers: get('first-markers'), kb };
		};
		const baselineRow = row('cold, no head start (baseline)', baseline);
		const coldRow = row('cold', cold);
		const reloadRow = row('reload', reload);
		row('reload 1 s into the first setup', cutShort);
		const slowRow = row('reload on slow 3G', slowReload);
		console.log(
			`\nfirst markers, cold / baseline:   ${(coldRow.markers / baselineRow.markers).toFixed(2)}`
		);
		console.log(
			`first markers, reload / baseline: ${(reloadRow.markers / baselineRow.markers).toFixed(2)}`
		);

		const scripts = cold[0]?.scripts ?? [];
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
			`  cold first markers ≤ ${budgets.coldMs} ms:     ${ms(coldRow.markers)} (${verdict(coldRow.markers <= budgets.coldMs)})`
		);
		console.log(
			`  reload first markers ≤ ${budgets.reloadMs} ms:    ${ms(reloadRow.markers)} (${verdict(reloadRow.markers <= budgets.reloadMs)})`
		);
		console.log(
			`  slow 3G reload first markers ≤ ${budgets.slowReloadMs} ms: ${ms(slowRow.markers)} (${verdict(slowRow.markers <= budgets.slowReloadMs)})`
		);
		console.log(
			`  cold, before markers ≤ ${budgets.beforeMarkersKb} KB:  ${coldRow.kb.toFixed(0)} KB (${verdict(coldRow.kb <= budgets.beforeMarkersKb)})`
		);
		console.log(
			`  JS before map and PGlite ≤ ${budgets.shellKb} KB: ${shellKb.toFixed(1)} KB (${verdict(shellKb <= budgets.shellKb)})`
		);
	} finally {
		await browser.close();
		stop();
	}
}

/** BENCH_SIZES=0 measures the seed only; by default the seed and 5,000 organisations more. */
const sizes = (process.env.BENCH_SIZES ?? '0,5000').split(',').map(Number);

try {
	for (const extra of sizes) {
		build(extra);
		await measure(
			extra ? `${extra.toLocaleString('en')} organisations more` : 'The seed (62 organisations)'
		);
	}
} finally {
	// Leave the checkout with the seed's snapshot, as `npm run dev` expects it.
	execSync('npm run db:snapshot', { stdio: 'ignore' });
}
