import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type ConsoleMessage, type Page } from '@playwright/test';
import { PNG } from 'pngjs';

/** The basemap is on the internet, which these machines cannot reach. */
export const basemapHosts = /openfreemap\.org/;

export { browserTimeZone } from '../chromium';

/** PDOK Locatieserver, the geocoder; tests answer it from fixtures in its documented shape. */
export const geocoderRequests = /api\.pdok\.nl\/bzk\/locatieserver\//;

/** Requests the browser may report failing: the tests refuse them on purpose. */
const refusedOnPurpose = (text: string) => basemapHosts.test(text) || geocoderRequests.test(text);

/**
 * Every test: no request leaves the machine (the basemap is refused at once, so
 * the app's offline fallback is what renders), and any console error or page
 * error fails the test, except the browser's own note about that refused request.
 */
export const test = base.extend<{ consoleErrors: string[] }>({
	consoleErrors: [
		async ({ context }, use) => {
			const errors: string[] = [];
			await context.route(basemapHosts, (route) => route.abort('internetdisconnected'));
			context.on('console', (message: ConsoleMessage) => {
				if (message.type() !== 'error') return;
				if (refusedOnPurpose(message.location().url)) return;
				// PGlite's worker logs every SQL error it hands back; the app handles
				// those it expects (a refused write) and logs the rest itself.
				if (/pglite\.worker/.test(message.location().url) && /^error: /.test(message.text()))
					return;
				if (/Failed to load resource/.test(message.text()) && refusedOnPurpose(message.text()))
					return;
				errors.push(message.text());
			});
			context.on('weberror', (error) => errors.push(error.error().message));
			await use(errors);
			expect(errors, 'console errors').toEqual([]);
		},
		{ auto: true }
	]
});

export { expect };

/**
 * Goes somewhere the way a person does once the app is open: through the top
 * navigation, without reloading the page (which would start the embedded
 * database again, some five seconds on this machine).
 */
export async function navigateTo(
	page: Page,
	link: 'Kaart' | 'Netwerk' | 'Beheer' | 'Inloggen' | 'Over'
) {
	const target = page.getByRole('navigation').getByRole('link', { name: link, exact: true });
	await target.click();
	// Arrived: the navigation marks its link current once the new page is rendered, after
	// which SvelteKit moves the focus to the page; typing before that would lose the focus.
	await expect(target).toHaveAttribute('aria-current', 'page');
}

/** Opens an organisation's page by searching for it, as a resident does. */
export async function openOrganisation(page: Page, name: string): Promise<void> {
	const search = page.getByRole('combobox', { name: 'Zoek een organisatie' });
	await search.click();
	await search.fill(name);
	// The search's own suggestions: the filters' selects have options with names too.
	await page
		.getByRole('listbox', { name: 'Suggesties' })
		.getByRole('option', { name: new RegExp(name) })
		.first()
		.click();
	await expect(
		page.getByTestId('organisation-detail').getByRole('heading', { level: 1 })
	).toHaveText(name);
}

/** Waits until the database's answer to the filters in the URL is what the page shows. */
export async function waitForFilters(page: Page): Promise<void> {
	await expect(page.getByTestId('panel')).toHaveAttribute('aria-busy', 'false');
}

/** Waits until the map has drawn organisations, as MapLibre reports after rendering. */
export async function waitForMarkers(page: Page): Promise<number> {
	const map = page.getByTestId('map');
	await expect(map).toHaveAttribute('data-status', 'ready');
	await expect
		.poll(async () => Number(await map.getAttribute('data-rendered-organisations')))
		.toBeGreaterThan(0);
	return Number(await map.getAttribute('data-rendered-organisations'));
}

/**
 * Counts pixels of the map canvas in a marker colour: proof that markers are
 * drawn on the canvas, not just present in the data.
 */
export async function countMarkerPixels(
	page: Page,
	colour: string,
	/** Only this part of the page, in page pixels. */
	clip?: { x: number; y: number; width: number; height: number }
): Promise<number> {
	const png = PNG.sync.read(
		clip
			? await page.screenshot({ clip })
			: await page.locator('[data-testid=map] canvas').screenshot()
	);
	const [r, g, b] = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16)) as [
		number,
		number,
		number
	];
	let count = 0;
	for (let i = 0; i < png.data.length; i += 4) {
		const dr = Math.abs((png.data[i] ?? 0) - r);
		const dg = Math.abs((png.data[i + 1] ?? 0) - g);
		const db = Math.abs((png.data[i + 2] ?? 0) - b);
		if (dr + dg + db < 24) count += 1;
	}
	return count;
}

export async function expectNoAxeViolations(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page })
		// MapLibre's own canvas and controls are checked by MapLibre; our overlays are included.
		.exclude('.maplibregl-canvas-container')
		.analyze();
	expect(
		results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
	).toEqual([]);
}

/**
 * The centre of the largest patch of a colour on a canvas (the map's unless
 * another is given), in page coordinates: where to point at a drawn cluster,
 * point or network node.
 */
export async function largestPatchOf(
	page: Page,
	colour: string,
	canvas = page.locator('[data-testid=map] canvas')
): Promise<{ x: number; y: number; pixels: number }> {
	const box = await canvas.boundingBox();
	if (!box) throw new Error('the map canvas is not on the page');
	const png = PNG.sync.read(await canvas.screenshot());
	const scale = png.width / box.width;
	const [r, g, b] = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16)) as [
		number,
		number,
		number
	];
	const matches = (p: number) =>
		Math.abs((png.data[p * 4] ?? 0) - r) +
			Math.abs((png.data[p * 4 + 1] ?? 0) - g) +
			Math.abs((png.data[p * 4 + 2] ?? 0) - b) <
		24;
	const seen = new Uint8Array(png.width * png.height);
	let best = { x: 0, y: 0, pixels: 0 };
	for (let start = 0; start < seen.length; start++) {
		if (seen[start] || !matches(start)) continue;
		// Flood fill one patch, summing its pixels' positions.
		const stack = [start];
		seen[start] = 1;
		let [count, sumX, sumY] = [0, 0, 0];
		while (stack.length > 0) {
			const p = stack.pop()!;
			const [x, y] = [p % png.width, Math.floor(p / png.width)];
			count += 1;
			sumX += x;
			sumY += y;
			for (const [nx, ny] of [
				[x + 1, y],
				[x - 1, y],
				[x, y + 1],
				[x, y - 1]
			] as const) {
				if (nx < 0 || ny < 0 || nx >= png.width || ny >= png.height) continue;
				const n = ny * png.width + nx;
				if (!seen[n] && matches(n)) {
					seen[n] = 1;
					stack.push(n);
				}
			}
		}
		if (count > best.pixels) {
			best = { x: box.x + sumX / count / scale, y: box.y + sumY / count / scale, pixels: count };
		}
	}
	return best;
}

/** Answers the geocoder from tests/fixtures/pdok: Osdorpplein for every query. */
export async function answerGeocoderFromFixtures(page: Page): Promise<void> {
	await page.route(geocoderRequests, async (route) => {
		const path = new URL(route.request().url()).pathname;
		const query = new URL(route.request().url()).searchParams.get('q') ?? '';
		// `free` answers one whole address: the fixture's Osdorpplein, or nothing.
		const fixture = path.endsWith('/suggest')
			? 'suggest-osdorpplein.json'
			: path.endsWith('/lookup')
				? 'lookup-osdorpplein.json'
				: path.endsWith('/free')
					? /osdorpplein/i.test(query)
						? 'lookup-osdorpplein.json'
						: 'lookup-none.json'
					: null;
		if (!fixture) return route.fulfill({ status: 404, body: 'not found' });
		await route.fulfill({
			path: `tests/fixtures/pdok/${fixture}`,
			contentType: 'application/json'
		});
	});
}
