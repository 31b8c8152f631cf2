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
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumExecutable } from '../tests/chromium';
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

function audit(formFactor: 'desktop' | 'mobile'): Report {
	const dir = mkdtempSync(join(tmpdir(), 'lighthouse-'));
	const output = join(dir, 'report.json');
	try {
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
				// A fresh profile each time: a first visit, with an empty IndexedDB.
				`--chrome-flags=--headless=new --no-sandbox --user-data-dir=${join(dir, 'profile')}`,
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
	for (const formFactor of ['desktop', 'mobile'] as const) {
		const reports = Array.from({ length: runs }, () => audit(formFactor));
		const metric = (id: string) => median(reports.map((r) => r.audits[id]?.numericValue ?? NaN));
		const score = median(reports.map((r) => r.categories.performance.score));
		const verdict = score >= targets[formFactor] ? 'within' : 'UNDER';
		console.log(
			`${formFactor.padEnd(8)} score ${score.toFixed(2)} (target ${targets[formFactor]}: ${verdict})` +
				`   FCP ${Math.round(metric('first-contentful-paint'))} ms` +
				`   LCP ${Math.round(metric('largest-contentful-paint'))} ms` +
				`   TBT ${Math.round(metric('total-blocking-time'))} ms` +
				`   CLS ${metric('cumulative-layout-shift').toFixed(3)}` +
				`   transferred ${(metric('total-byte-weight') / 1024).toFixed(0)} KB`
		);
	}
} finally {
	stop();
}
