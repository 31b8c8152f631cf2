import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { PNG } from 'pngjs';
import {
	expect,
	expectNoAxeViolations,
	largestPatchOf,
	navigateTo,
	test,
	waitForFilters,
	waitForMarkers
} from './fixtures';
import { kindGroupColour } from '../../src/lib/kinds/kind-style';

const networkCanvas = (page: Page) => page.getByTestId('network-canvas');

async function openNetwork(page: Page, path = '/?weergave=netwerk') {
	await page.goto(path);
	await waitForMarkers(page);
	await waitForFilters(page);
	await expect(networkCanvas(page)).toHaveAttribute('data-layout', 'settled', { timeout: 30_000 });
}

/** How many organisations the list says match the filters ("12 van 62"). */
async function listTotal(page: Page): Promise<number> {
	const text = await page.getByTestId('list-count').innerText();
	return Number(/van (\d+)/.exec(text)?.[1]);
}

/** The largest institution in the network: the stadsdeel, with the most ties. */
const largestInstitution = (page: Page) =>
	largestPatchOf(page, kindGroupColour.institution, networkCanvas(page));

test('the network shows what the map shows; a node selected there is selected on the map', async ({
	page
}) => {
	await openNetwork(page);
	const canvas = networkCanvas(page);
	// Every organisation the list counts, as one node each, laid out in motion.
	const total = await listTotal(page);
	await expect(canvas).toHaveAttribute('data-nodes', String(total));
	expect(Number(await canvas.getAttribute('data-ties'))).toBeGreaterThan(100);
	expect(Number(await canvas.getAttribute('data-layout-frames'))).toBeGreaterThan(1);

	const hub = await largestInstitution(page);
	expect(hub.pixels).toBeGreaterThan(100);
	await page.mouse.move(hub.x, hub.y);
	const tooltip = page.getByTestId('network').locator('.tooltip');
	await expect(tooltip).toContainText('lopende samenwerkingen');
	const name = await tooltip.locator('strong').innerText();

	const framesBefore = await canvas.getAttribute('data-layout-frames');
	await page.mouse.click(hub.x, hub.y);
	await expect(page).toHaveURL(/\/organisaties\/.*weergave=netwerk/);
	await expect(
		page.getByTestId('organisation-detail').getByRole('heading', { level: 1 })
	).toHaveText(name);
	await expect(canvas).not.toHaveAttribute('data-selected', '');
	await expect.poll(() => page.getByTestId('map').getAttribute('data-rendered-selected')).toBe('1');
	// The detail says where it stands in the network, in words; the figures are for coordinators.
	await expect(page.getByTestId('network-position')).toContainText(
		/Werkt in dit netwerk samen met \d+ organisaties/
	);
	await expect(page.getByTestId('network-position')).not.toContainText('Makelaarsrol');
	// Selecting changed the URL, not the filters: the network keeps its layout.
	await expect(canvas).toHaveAttribute('data-layout-frames', framesBefore!);

	// And the other way round: choosing a partner in the detail selects it in the graph.
	const selectedBefore = await canvas.getAttribute('data-selected');
	await page.getByTestId('collaborations').getByRole('link').first().click();
	await expect(canvas).not.toHaveAttribute('data-selected', selectedBefore!);
	await expect(canvas).not.toHaveAttribute('data-selected', '');
});

test('a node can be dragged, and the view panned and zoomed by keyboard', async ({ page }) => {
	await openNetwork(page);
	const hub = await largestInstitution(page);
	await page.mouse.move(hub.x, hub.y);
	await page.mouse.down();
	await page.mouse.move(hub.x + 60, hub.y + 90, { steps: 8 });
	// Held, the node follows the pointer (let go, the layout may pull it part of the way back).
	await expect
		.poll(async () => {
			const moved = await largestInstitution(page);
			return Math.hypot(moved.x - hub.x, moved.y - hub.y);
		})
		.toBeGreaterThan(80);
	await page.mouse.up();
	// A drag is not a click: nothing was opened.
	await expect(page).not.toHaveURL(/\/organisaties\//);

	const canvas = networkCanvas(page);
	// Let go, the layout settles again; measure the pan from where it comes to rest.
	await expect(canvas).toHaveAttribute('data-layout', 'settled', { timeout: 30_000 });
	await canvas.focus();
	const before = await largestInstitution(page);
	// Arrows alone go from node to node (next test); with Shift they pan.
	await page.keyboard.press('Shift+ArrowLeft');
	await page.keyboard.press('Shift+ArrowLeft');
	await expect.poll(async () => (await largestInstitution(page)).x - before.x).toBeGreaterThan(60);
	const sizeBefore = (await largestInstitution(page)).pixels;
	await page.keyboard.press('+');
	await expect
		.poll(async () => (await largestInstitution(page)).pixels)
		.toBeGreaterThan(sizeBefore);

	// The split between map and network moves by keyboard too.
	const separator = page.getByRole('separator', { name: 'Verdeling tussen kaart en netwerk' });
	await separator.focus();
	await page.keyboard.press('ArrowRight');
	await expect(separator).toHaveAttribute('aria-valuenow', '55');
});

test('by keyboard alone: skip to the network, walk along the ties, open one, and close it', async ({
	page
}) => {
	await openNetwork(page);
	const canvas = networkCanvas(page);
	const spoken = page.getByTestId('network-focus');

	// Past the skip links, not the 60-odd links of the list: the map is one Tab and Enter away.
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Naar de inhoud' })).toBeFocused();
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Naar de kaart' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('map').locator('canvas')).toBeFocused();

	// And the network likewise (from a new visit); focus starts on the one with the most ties.
	await openNetwork(page);
	await page.keyboard.press('Tab');
	await page.keyboard.press('Tab');
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Naar het netwerk' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(canvas).toBeFocused();
	await expect(canvas).not.toHaveAttribute('data-focused', '');
	await expect(spoken).toHaveText(/^.+, \d+ samenwerkingen/);
	const first = await canvas.getAttribute('data-focused');

	// An arrow goes to the nearest organisation that way, and the live region says which.
	let moved = false;
	for (const key of ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp']) {
		await page.keyboard.press(key);
		if ((await canvas.getAttribute('data-focused')) !== first) {
			moved = true;
			break;
		}
	}
	expect(moved).toBe(true);
	const said = (await spoken.innerText()).trim();
	const name = said.split(',')[0]!;
	expect(name.length).toBeGreaterThan(2);

	// Enter opens it, as a click does.
	const chosen = await canvas.getAttribute('data-focused');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/organisaties\/.*weergave=netwerk/);
	await expect(
		page.getByTestId('organisation-detail').getByRole('heading', { level: 1 })
	).toHaveText(name);
	await expect(canvas).toHaveAttribute('data-selected', chosen!);
	await expect(page.getByTestId('network-position')).toContainText('Werkt in dit netwerk');

	// Escape closes it again.
	await canvas.focus();
	await page.keyboard.press('Escape');
	await expect(page).not.toHaveURL(/\/organisaties\//);
	await expect(canvas).toHaveAttribute('data-selected', '');
	await expectNoAxeViolations(page);
});

test('a coordinator finds the figures behind the words', async ({ page }) => {
	await page.goto('/inloggen');
	await page.getByRole('button', { name: /Sanne/ }).click();
	await expect(page).toHaveURL(/\/beheer$/);
	await page.goto('/organisaties/lsa-bewoners');
	const position = page.getByTestId('network-position');
	await expect(position).toContainText(/Werkt in dit netwerk samen met \d+ organisaties/);
	await position.getByText('Cijfers voor coördinatoren').click();
	await expect(position).toContainText('Makelaarsrol');
	await expect(position.locator('dd').first()).toHaveText(/^\d+$/);
});

test('a gap finding shows on both map and graph, and hides again', async ({ page }) => {
	await openNetwork(page, '/netwerk?weergave=netwerk');
	const panel = page.getByTestId('gap-panel');
	const bridge = panel
		.getByRole('button', { name: /De samenwerking tussen .* is de enige brug/ })
		.first();
	const framesBefore = await networkCanvas(page).getAttribute('data-layout-frames');
	await bridge.click();
	await expect(bridge).toHaveAttribute('aria-pressed', 'true');
	await expect(networkCanvas(page)).toHaveAttribute('data-highlighted', '2');
	await expect
		.poll(() => page.getByTestId('map').getAttribute('data-rendered-highlighted'))
		.toBe('2');
	// The map moved to show it, which rewrote the URL: the network keeps its layout and highlight.
	await expect(bridge).toHaveAttribute('aria-pressed', 'true');
	await expect(networkCanvas(page)).toHaveAttribute('data-highlighted', '2');
	await expect(networkCanvas(page)).toHaveAttribute('data-layout-frames', framesBefore!);

	// A finding that names a made-up organisation says it is one.
	await expect(panel).toContainText('(voorbeeld)');

	// A broker shows with all its partners.
	const broker = panel.getByRole('button', { name: /^Zonder .* los van de rest/ }).first();
	await broker.click();
	await expect(bridge).toHaveAttribute('aria-pressed', 'false');
	expect(Number(await networkCanvas(page).getAttribute('data-highlighted'))).toBeGreaterThan(2);

	await broker.click();
	await expect(broker).toHaveAttribute('aria-pressed', 'false');
	await expect(networkCanvas(page)).toHaveAttribute('data-highlighted', '0');
	await expect
		.poll(() => page.getByTestId('map').getAttribute('data-rendered-highlighted'))
		.toBe('0');

	// Suggested introductions give their reasons in words.
	await expect(
		panel.getByRole('button', { name: /delen .* van elkaar · in verschillende clusters/ }).first()
	).toBeVisible();
	await expectNoAxeViolations(page);
});

test('with reduced motion the network appears settled, without animating', async ({ page }) => {
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await openNetwork(page);
	await expect(networkCanvas(page)).toHaveAttribute('data-layout-frames', '1');
	expect((await largestInstitution(page)).pixels).toBeGreaterThan(100);
});

test('the network after filters exports as GEXF for Gephi, and as PNG', async ({ page }) => {
	await openNetwork(page, '/?weergave=netwerk&thema=wonen');
	const canvas = networkCanvas(page);
	await expect(canvas).toHaveAttribute('data-nodes', String(await listTotal(page)));
	const nodes = Number(await canvas.getAttribute('data-nodes'));
	const ties = Number(await canvas.getAttribute('data-ties'));
	expect(nodes).toBeLessThan(62);
	expect(ties).toBeGreaterThan(0);

	const [gexfDownload] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'GEXF (Gephi)' }).click()
	]);
	expect(gexfDownload.suggestedFilename()).toMatch(/^buurtatlas-netwerk-\d{4}-\d{2}-\d{2}\.gexf$/);
	const gexf = await readFile((await gexfDownload.path())!, 'utf8');
	const parsed = await page.evaluate((text) => {
		const doc = new DOMParser().parseFromString(text, 'application/xml');
		return {
			error: doc.getElementsByTagName('parsererror').length,
			root: doc.documentElement.localName,
			nodes: doc.getElementsByTagName('node').length,
			edges: doc.getElementsByTagName('edge').length,
			positioned: doc.getElementsByTagNameNS('http://gexf.net/1.3/viz', 'position').length
		};
	}, gexf);
	expect(parsed).toEqual({ error: 0, root: 'gexf', nodes, edges: ties, positioned: nodes });

	const [pngDownload] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'PNG' }).click()
	]);
	// For a report: twice the screen's resolution, the whole network, and a caption with legend.
	const png = PNG.sync.read(await readFile((await pngDownload.path())!));
	const box = (await canvas.boundingBox())!;
	expect(png.width).toBe(Math.round(box.width * 2));
	const drawing = Math.round(box.height * 2);
	expect(png.height).toBeGreaterThan(drawing + 100);
	const pixels = (
		from: number,
		to: number,
		x0: number,
		x1: number,
		match: (rgb: number[]) => boolean
	) => {
		let count = 0;
		for (let y = from; y < to; y++)
			for (let x = x0; x < x1; x++) {
				const i = (y * png.width + x) * 4;
				if (match([png.data[i]!, png.data[i + 1]!, png.data[i + 2]!])) count += 1;
			}
		return count;
	};
	const near = (hex: string) => {
		const want = [1, 3, 5].map((n) => parseInt(hex.slice(n, n + 2), 16));
		return (rgb: number[]) => rgb.every((c, n) => Math.abs(c - want[n]!) < 12);
	};
	const ink = (rgb: number[]) => rgb.every((c) => c < 90);
	// The legend under the drawing shows each kind's colour; the caption's text is there.
	for (const colour of Object.values(kindGroupColour))
		expect(pixels(drawing, png.height, 0, png.width, near(colour))).toBeGreaterThan(40);
	expect(pixels(drawing, png.height, 0, png.width, ink)).toBeGreaterThan(500);
	// Labels are drawn, and none runs into the right or left edge.
	expect(pixels(0, drawing, 0, png.width, ink)).toBeGreaterThan(200);
	expect(pixels(0, drawing, png.width - 6, png.width, ink)).toBe(0);
	expect(pixels(0, drawing, 0, 6, ink)).toBe(0);
});

test('a scope too large for the browser offers the network between areas, and narrows to one', async ({
	page
}) => {
	// The limits lowered below the seed, as a national atlas exceeds them (see networkLimits).
	await page.addInitScript(() =>
		localStorage.setItem(
			'buurtatlas:network-limits',
			JSON.stringify({ organisations: 20, collaborations: 80 })
		)
	);
	await page.goto('/');
	await waitForMarkers(page);
	// The list says how many and asks to narrow; the map still shows them all, and the list
	// holds those the map tells apart in view.
	await expect(page.getByTestId('list-oversized')).toContainText(/\d+ organisaties/);
	const rows = page.getByTestId('organisation-list').getByRole('link');
	await expect(rows.first()).toBeVisible();
	const inView = await page.getByTestId('list-in-view').innerText();
	expect(inView).toContain(`${await rows.count()} los op de kaart`);

	await navigateTo(page, 'Netwerk');
	await expect(page.getByTestId('network-oversized')).toBeVisible();
	await expect(page.getByTestId('network-scope')).toContainText(
		/Het hele netwerk: \d\d+ organisaties/
	);
	await expect(page.getByTestId('network-figures')).toHaveCount(0);
	const drawing = page.getByTestId('area-network-drawing');
	await expect(drawing.locator('circle').first()).toBeVisible();
	const table = page.getByTestId('area-network-table');
	const wijken = await table.locator('tbody tr').count();
	expect(wijken).toBeGreaterThan(3);
	// Between areas: lines as wide as their ties are many.
	expect(await drawing.locator('line').count()).toBeGreaterThan(0);

	// Coarser areas: fewer rows.
	await page.getByTestId('area-network-level').selectOption('stadsdeel');
	await expect.poll(() => table.locator('tbody tr').count()).toBeLessThan(wijken);
	await page.getByTestId('area-network-level').selectOption('wijk');
	await expect.poll(() => table.locator('tbody tr').count()).toBe(wijken);

	// The smallest wijk narrows the scope to one the browser holds: the network of organisations.
	const smallest = table.locator('tbody tr').last().getByRole('link');
	const name = await smallest.innerText();
	await smallest.click();
	await expect(page).toHaveURL(/gebied=/);
	await expect(page.getByTestId('network-figures')).toBeVisible();
	await expect(page.getByTestId('network-scope')).toContainText(name);
	await expect(page.getByTestId('network-oversized')).toHaveCount(0);
});
