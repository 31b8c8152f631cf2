import type { Page } from '@playwright/test';
import {
	expect,
	expectNoAxeViolations,
	openOrganisation,
	test,
	waitForFilters,
	waitForMarkers
} from './fixtures';

/**
 * The simple map, on the machine itself: Chromium draws WebGL with SwiftShader
 * here, which the map recognises as software (src/lib/map/map-start.ts). The
 * other journeys start with the full map (playwright.config.ts); these start
 * as a first visitor does, with nothing remembered.
 */
test.use({ storageState: { cookies: [], origins: [] } });

/** Whether MapLibre has been fetched: its worker is the first thing it asks for. */
function watchMapLibre(page: Page): () => boolean {
	let fetched = false;
	page.on('request', (request) => {
		if (/maplibre-gl-worker/.test(request.url())) fetched = true;
	});
	return () => fetched;
}

const map = (page: Page) => page.getByTestId('map');

/** The poster's markers and counted circles, as centres on the page. */
async function posterMarks(page: Page, selector: string): Promise<{ x: number; y: number }[]> {
	return page
		.getByTestId('map-poster')
		.locator(selector)
		.evaluateAll((circles) =>
			circles.map((circle) => {
				const box = circle.getBoundingClientRect();
				return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
			})
		);
}

/** A point of the map at least 40 px from anything the poster drew, and from its edges. */
async function emptySpot(page: Page): Promise<{ x: number; y: number }> {
	const marks = await posterMarks(page, 'circle');
	const box = (await map(page).boundingBox())!;
	for (let y = box.y + box.height - 60; y > box.y + 120; y -= 20)
		for (let x = box.x + box.width - 60; x > box.x + 60; x -= 20)
			if (marks.every((mark) => Math.hypot(mark.x - x, mark.y - y) > 40)) return { x, y };
	throw new Error('no empty spot on the poster');
}
const fullMapChosen = (page: Page) =>
	page.evaluate(() => localStorage.getItem('buurtatlas:map-full'));

test('the map opens simple where WebGL is software, and starts when reached for or asked', async ({
	page
}) => {
	const mapLibreFetched = watchMapLibre(page);
	await page.goto('/');
	await waitForFilters(page);
	await expect(page.getByTestId('list-count')).toHaveText(/van 62 in beeld/);

	// The poster is the map: markers where the map will put them, and a note saying why.
	await expect(map(page)).toHaveAttribute('data-status', 'waiting');
	await expect(page.getByTestId('map-poster').locator('circle').first()).toBeVisible();
	const note = page.getByTestId('map-waiting');
	await expect(note).toContainText('Eenvoudige kaart');
	await expect(note).toContainText('zonder grafische kaart');
	await expectNoAxeViolations(page);
	// Nothing of MapLibre is fetched for it, and no canvas made.
	expect(mapLibreFetched()).toBe(false);
	await expect(page.locator('.maplibregl-canvas')).toHaveCount(0);

	// By keyboard, the skip link to the map leads to the note's button.
	await page.keyboard.press('Tab');
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Naar de kaart' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(note.getByRole('button', { name: 'Volledige kaart' })).toBeFocused();
	await expect(map(page)).toHaveAttribute('data-status', 'waiting');

	// A press on the map starts the full map, for this visit only.
	const spot = await emptySpot(page);
	await page.mouse.click(spot.x, spot.y);
	await waitForMarkers(page);
	await expect(page.getByTestId('organisation-detail')).toHaveCount(0);
	expect(mapLibreFetched()).toBe(true);
	expect(await fullMapChosen(page)).toBeNull();

	await page.reload();
	await waitForFilters(page);
	await expect(map(page)).toHaveAttribute('data-status', 'waiting');

	// Asked for, the full map starts and this browser remembers it.
	await note.getByRole('button', { name: 'Volledige kaart' }).click();
	await waitForMarkers(page);
	await expect(note).toHaveCount(0);
	expect(await fullMapChosen(page)).toBe('1');

	await page.reload();
	await waitForMarkers(page);
	await expect(note).toHaveCount(0);
});

test('a marker pressed opens its organisation, and what only the full map can show starts it', async ({
	page
}) => {
	// A press on one of the poster's markers opens that organisation, as on the full map.
	await page.goto('/');
	await waitForFilters(page);
	await expect(map(page)).toHaveAttribute('data-status', 'waiting');
	const [marker] = await posterMarks(page, 'circle.dot');
	await page.mouse.click(marker!.x, marker!.y);
	await expect(page.getByTestId('organisation-detail')).toBeVisible();
	await expect(page).toHaveURL(/\/organisaties\//);
	await waitForMarkers(page);
	await expect
		.poll(async () => Number(await map(page).getAttribute('data-rendered-selected')))
		.toBe(1);

	await page.goto('/');
	await waitForFilters(page);
	await expect(map(page)).toHaveAttribute('data-status', 'waiting');

	// An organisation opened: the map marks it and draws its lines to its partners.
	await openOrganisation(page, 'Repair Café Osdorp');
	await waitForMarkers(page);
	await expect
		.poll(async () => Number(await map(page).getAttribute('data-rendered-selected')))
		.toBe(1);
	expect(await fullMapChosen(page)).toBeNull();

	// The export menu offers a picture of the map, which needs the map drawn.
	await page.goto('/');
	await waitForFilters(page);
	await expect(map(page)).toHaveAttribute('data-status', 'waiting');
	await page.getByRole('button', { name: 'Exporteren' }).click();
	await waitForMarkers(page);
	await expect(page.getByRole('button', { name: /Kaart als afbeelding/ })).toBeEnabled();
});
