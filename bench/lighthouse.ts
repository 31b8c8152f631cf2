/**
 * Lighthouse on the built app, desktop and mobile, in Debian's Chromium.
 *
 *   npm run bench:lighthouse        (builds first; BENCH_RUNS=3 by default)
 *
 * Lighthouse 12 runs through npx, so it is fetched on first use rather than
 * installed with every checkout (it is large, and only this script needs it).
 * The basemap is left out (--blocked-url-patterns): this machine has no internet,
 * and a score that waits for a timeout would measure the sandbox, not the app.
 * Prints the median performance score and its main metrics; asserts nothing.
 * Targets (issue 13): performance at least 0.95 on desktop and 0.8 on mobile.
 *
 * Chromium draws WebGL in software here, so a first visit gets the simple map
 * (src/lib/map/map-start.ts): that is what is scored. The same page with the
 * full map from the start (as a visitor who chose it, or a graphics card's
 * path, though a graphics card compiles MapLibre's shaders far faster) is
 * printed below it, so a regression in MapLibre's start still shows.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from '../tests/chromium';
import { fullMapKey } from '../src/lib/map/map-start';
import { startPreview } from './preview-server';

const port = 4182;
const url = `http://localhost:${port}/`;
const runs = Number(process.env.BENCH_RUNS ?? 3);
const lighthouse = 'lighthouse@12.8.2';
const targets = { desktop: 0.95, mobile: 0.8 };

interface Report {
	categories: { performance: { score: number } };
	audits: Record<string, { numericValue?: number }>;
}

type MapChoice = 'first visit' | 'full map';

/** A new profile that has chosen the full map: set in this origin's storage, kept by Lighthouse. */
async function profileWithFullMap(profile: string): Promise<void> {
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: chromiumExecutable,
		args: chromiumArgs
	});
	const page = await context.newPage();
	// A static file of the origin: the app itself does not start, so nothing else is stored.
	await page.goto(`${url}favicon.svg`);
	await page.evaluate((key) => localStorage.setItem(key, '1'), fullMapKey);
	await context.close();
}

async function audit(formFactor: 'desktop' | 'mobile', map: MapChoice): Promise<Report> {
	const dir = mkdtempSync(join(tmpdir(), 'lighthouse-'));
	const output = join(dir, 'report.json');
	const profile = join(dir, 'profile');
	try {
		if (map === 'full map') await profileWithFullMap(profile);
		execFileSync(
			'npx',
			[
				'--yes',
				lighthouse,
				url,
				'--quiet',
				'--only-categories=performance',
				'--output=json',
				`--output-path=${output}`,
				'--blocked-url-patterns=*openfreemap.org*',
				// A fresh profile each time: a first visit, with an empty IndexedDB (and for the
				// full map, only that choice in localStorage, which Lighthouse must then not clear).
				`--chrome-flags=--headless=new --no-sandbox --user-data-dir=${profile}`,
				...(map === 'full map' ? ['--disable-storage-reset'] : []),
				...(formFactor === 'desktop' ? ['--preset=desktop'] : [])
			],
			{
				stdio: ['ignore', 'ignore', 'inherit'],
				env: { ...process.env, CHROME_PATH: chromiumExecutable }
			}
		);
		return JSON.parse(readFileSync(output, 'utf8')) as Report;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const stop = await startPreview(port);
try {
	console.log(`Lighthouse (${lighthouse}), performance, median of ${runs} runs:\n`);
	for (const map of ['first visit', 'full map'] as const) {
		console.log(
			map === 'first visit'
				? 'A first visit (the simple map here):'
				: '\nWith the full map from the start (not scored against the targets):'
		);
		for (const formFactor of ['desktop', 'mobile'] as const) {
			const reports: Report[] = [];
			for (let run = 0; run < runs; run += 1) reports.push(await audit(formFactor, map));
			const metric = (id: string) => median(reports.map((r) => r.audits[id]?.numericValue ?? NaN));
			const score = median(reports.map((r) => r.categories.performance.score));
			const verdict = score >= targets[formFactor] ? 'within' : 'UNDER';
			console.log(
				`${formFactor.padEnd(8)} score ${score.toFixed(2)}` +
					(map === 'first visit' ? ` (target ${targets[formFactor]}: ${verdict})` : '') +
					`   FCP ${Math.round(metric('first-contentful-paint'))} ms` +
					`   LCP ${Math.round(metric('largest-contentful-paint'))} ms` +
					`   TBT ${Math.round(metric('total-blocking-time'))} ms` +
					`   CLS ${metric('cumulative-layout-shift').toFixed(3)}` +
					`   transferred ${(metric('total-byte-weight') / 1024).toFixed(0)} KB`
			);
		}
	}
} finally {
	stop();
}
