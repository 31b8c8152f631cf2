import { expect, test, waitForMarkers } from './fixtures';

test('the map view is in the link: it opens there, follows the map, and survives a reload', async ({
	page
}) => {
	await page.goto('/?kaart=16/52.3789/4.8107');
	await waitForMarkers(page);
	const list = page.getByTestId('organisation-list');
	await expect(list.getByRole('link', { name: /Wij Zijn Plein ’40-’45/ })).toBeVisible();
	// Zoomed in on the plein: only its neighbours are in view.
	await expect(page.getByTestId('list-count')).toHaveText(/^[1-9] van 62 in beeld$/);

	// The map is operated by keyboard; the link follows without new history entries.
	const historyBefore = await page.evaluate(() => history.length);
	await page.locator('[data-testid=map] canvas').focus();
	await page.keyboard.press('Minus');
	await expect(page).not.toHaveURL(/kaart=16\//);
	const moved = new URL(page.url()).searchParams.get('kaart');
	expect(moved).toMatch(/^15(\.\d+)?\/52\.37\d*\/4\.81\d*$/);
	expect(await page.evaluate(() => history.length)).toBe(historyBefore);

	// Arrow keys pan, + zooms back in.
	const lngOf = () => Number(new URL(page.url()).searchParams.get('kaart')?.split('/')[2]);
	const before = lngOf();
	await page.keyboard.press('ArrowRight');
	await expect.poll(lngOf).toBeGreaterThan(before);
	await page.keyboard.press('Equal');
	await expect(page).toHaveURL(/kaart=16(\.\d+)?%2F|kaart=16(\.\d+)?\//);
	await page.keyboard.press('Minus');
	await expect(page).toHaveURL(/kaart=15(\.\d+)?%2F|kaart=15(\.\d+)?\//);
	const settled = new URL(page.url()).searchParams.get('kaart');

	const countAfterZoom = await page.getByTestId('list-count').textContent();
	await page.reload();
	await waitForMarkers(page);
	expect(new URL(page.url()).searchParams.get('kaart')).toBe(settled);
	await expect(page.getByTestId('list-count')).toHaveText(countAfterZoom ?? '');
});
