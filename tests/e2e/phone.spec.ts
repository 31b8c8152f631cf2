import { expect, expectNoAxeViolations, test, waitForMarkers } from './fixtures';

test('works on a 360 px phone: map above, list below, detail readable', async ({ page }) => {
	await page.goto('/');
	await waitForMarkers(page);
	const map = await page.getByTestId('map').boundingBox();
	const list = await page.getByTestId('organisation-list').boundingBox();
	expect(map && list && map.y < list.y).toBe(true);
	expect(map?.width).toBeLessThanOrEqual(360);

	await page.getByTestId('organisation-list').getByRole('link').first().click();
	await expect(page.getByTestId('organisation-detail')).toBeVisible();
	const widest = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(widest).toBeLessThanOrEqual(360);
	await expectNoAxeViolations(page);
});
