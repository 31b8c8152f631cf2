import { chromium } from '@playwright/test';
const browser = await chromium.launch({
	executablePath: '/usr/bin/chromium',
	args: [
		'--no-sandbox',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		'--no-first-run'
	]
});
const context = await browser.newContext();
await context.route(/openfreemap\.org/, (route) => route.abort());
for (const round of ['cold', 'reload', 'reload2']) {
	const page = await context.newPage();
	page.on('console', (m) => { if (m.text().includes('TIMING')) console.log(round, m.text()); });
  page.on('pageerror', (e) => console.log('pageerror', e.message));
	await page.goto('http://localhost:4173/');
	await page.waitForFunction(
		() => performance.getEntriesByName('buurtatlas:first-markers').length > 0,
		null,
		{ timeout: 60000 }
	);
	const marks = await page.evaluate(() =>
		Object.fromEntries(
			performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)])
		)
	);
	console.log(round, JSON.stringify(marks));
	if (round === 'cold')
		console.log(JSON.stringify(await page.evaluate(() => indexedDB.databases())));
	await page.close();
}
await browser.close();
