/**
 * How tests and benchmarks start Chromium here: Debian's own build (Playwright
 * cannot download its browsers on these machines), without a sandbox (we run
 * as root) and without the background traffic that would try the internet.
 * Never `--disable-software-rasterizer`: without a GPU, WebGL needs it.
 */
export const chromiumExecutable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
	'--no-sandbox',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run'
];

/** Where the browsers' clocks are (playwright.config.ts): the dates a page shows are its dates. */
export const browserTimeZone = 'Europe/Amsterdam';
