import { expect, test, waitForMarkers } from './fixtures';

/**
 * A basemap whose style loads but whose tiles fail: the app changes to its
 * offline style mid-session, and its own sources and layers must come along,
 * with the names of the areas it knows, so the plain map still says where it is.
 * The style is a fixture in the shape OpenFreeMap serves; its tiles are refused.
 */
test('the project’s layers survive a change of base style', async ({ page, context }) => {
	await context.route(/openfreemap\.org\/styles\//, (route) =>
		route.fulfill({
			contentType: 'application/json',
			body: JSON.stringify({
				version: 8,
				sources: {
					basemap: {
						type: 'raster',
						tiles: ['https://tiles.openfreemap.org/raster/{z}/{x}/{y}.png'],
						tileSize: 256
					}
				},
				layers: [{ id: 'basemap', type: 'raster', source: 'basemap' }]
			})
		})
	);
	await context.route(/openfreemap\.org\/raster\//, (route) => route.abort('internetdisconnected'));

	await page.goto('/organisaties/stadsdeel-nieuw-west');
	const map = page.getByTestId('map');
	// The style arrived, its tiles did not: the map falls back to the built-in style.
	await expect(map).toHaveAttribute('data-basemap', 'offline');
	await waitForMarkers(page);
	await expect
		.poll(async () => Number(await map.getAttribute('data-rendered-collaborations')))
		.toBeGreaterThan(10);
	await expect(page.getByRole('status').filter({ hasText: 'achtergrondkaart' })).toBeVisible();
	// Nothing else says where the map is: it writes the names of the areas the atlas knows.
	await expect
		.poll(async () => Number(await map.getAttribute('data-rendered-place-names')))
		.toBeGreaterThan(3);
});
