import { expect, test, waitForMarkers } from './fixtures';

test('the share link copies the view, which opens the same organisation and filters', async ({
	page,
	context
}) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.goto('/?thema=wonen');
	await waitForMarkers(page);
	await page.getByTestId('organisation-list').getByRole('link').first().click();
	const heading = page.getByTestId('organisation-detail').getByRole('heading', { level: 1 });
	const name = await heading.innerText();
	// Opening an organisation keeps the filter in the link.
	await expect(page).toHaveURL(/thema=wonen/);

	await page.getByRole('button', { name: 'Deel link' }).click();
	await expect(page.getByText('Link gekopieerd')).toBeVisible();
	const copied = await page.evaluate(() => navigator.clipboard.readText());
	expect(copied).toBe(page.url());

	const other = await context.newPage();
	await other.goto(copied);
	await expect(
		other.getByTestId('organisation-detail').getByRole('heading', { level: 1 })
	).toHaveText(name);
	// And back to the list keeps the filter.
	await other.getByRole('link', { name: /Terug naar de lijst/ }).click();
	await expect(other).toHaveURL(/thema=wonen/);
	await expect(other.getByRole('checkbox', { name: 'Wonen' })).toBeChecked();
});
