import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from '../tests/chromium';
import { startPreview } from './preview-server';

const port = 4317;
const stop = await startPreview(port);
const browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs });
try {
	const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
	await page.route(/openfreemap\.org/, (r) => r.abort());
	page.on('console', (msg) => { if (msg.type() === 'error') console.log('console:', msg.text()); });
	const shots: [string, string][] = [
		['/programmas/samen-nieuw-west', 'programme'],
		['/?programma=samen-nieuw-west', 'map'],
		['/?programma=samen-nieuw-west&weergave=netwerk', 'network'],
		['/organisaties/woon', 'detail']
	];
	for (const [path, name] of shots) {
		await page.goto(`http://localhost:${port}${path}`);
		await page.waitForTimeout(9000);
		await page.screenshot({ path: `/tmp/prog/${name}.png` });
		console.log(name, await page.getByTestId('map').getAttribute('data-rendered-programme-outlines'), await page.getByTestId('map').getAttribute('data-rendered-programme-members'));
	}
} finally {
	await browser.close();
	stop();
}
