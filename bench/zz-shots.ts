import { chromium } from '@playwright/test';
import { startPreview } from './preview-server';
import { chromiumArgs, chromiumExecutable } from '../tests/chromium';

const stop = await startPreview(4179);
const browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs });
try {
	const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
	await page.route(/openfreemap\.org/, (r) => r.abort());
	for (const [name, url] of [
		['t2018', '/?datum=2018&weergave=netwerk'],
		['t2023', '/?datum=2023&weergave=netwerk'],
		['tnow', '/?weergave=netwerk']
	]) {
		await page.goto('http://localhost:4179' + url);
		await page.getByTestId('network-canvas').waitFor();
		await page.waitForTimeout(6000);
		await page.screenshot({ path: `/tmp/shot-${name}.png` });
		console.log(name, await page.getByTestId('time-summary').innerText(), await page.locator('.status').first().innerText());
	}
} finally {
	await browser.close();
	stop();
}
