import { countMarkerPixels, expect, test, waitForMarkers } from './fixtures';

test('a selected organisation shows lines to its partners, coloured by kind', async ({ page }) => {
	await page.goto('/organisaties/stadsdeel-nieuw-west');
	await waitForMarkers(page);
	const map = page.getByTestId('map');
	await expect(page.getByTestId('organisation-detail')).toBeVisible();

	// The stadsdeel has many ties in Nieuw-West; each partner it lists is a line from it.
	const partners = await page.getByTestId('collaborations').getByRole('listitem').count();
	expect(partners).toBeGreaterThan(10);
	await expect
		.poll(async () => Number(await map.getAttribute('data-rendered-collaborations')))
		.toBe(partners);
	// Partnerships (green) and funding (brown) both reach the canvas.
	expect(await countMarkerPixels(page, '#2b8a3e')).toBeGreaterThan(50);
	expect(await countMarkerPixels(page, '#b35c00')).toBeGreaterThan(50);

	await page.getByRole('link', { name: /Terug naar de lijst/ }).click();
	await expect
		.poll(async () => Number(await map.getAttribute('data-rendered-collaborations')))
		.toBe(0);
});
