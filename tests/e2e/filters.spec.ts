import { expect, expectNoAxeViolations, test, waitForMarkers } from './fixtures';

test.describe('filtering the atlas', () => {
	test('a theme filter narrows map and list alike, lives in the URL, and back undoes it', async ({
		page
	}) => {
		await page.goto('/');
		await waitForMarkers(page);
		const map = page.getByTestId('map');
		const list = page.getByTestId('organisation-list');

		await page.getByText('Filters', { exact: true }).click();
		await page.getByRole('checkbox', { name: 'Energie' }).check();
		await expect(page).toHaveURL(/\?thema=energie$/);

		// !WOON and the Energiecoöperatie, both in Nieuw-West: two in the list, two on the map.
		await expect(page.getByTestId('list-count')).toHaveText('2 van 2 in beeld');
		await expect(list.getByRole('link')).toHaveText([/!WOON/, /Energiecoöperatie Nieuw-West/]);
		await expect
			.poll(async () => Number(await map.getAttribute('data-rendered-organisations')))
			.toBe(2);
		await expectNoAxeViolations(page);

		await page.reload();
		await expect(page.getByRole('checkbox', { name: 'Energie' })).toBeChecked();
		await expect(page.getByTestId('list-count')).toHaveText('2 van 2 in beeld');

		await page.goBack();
		await expect(page).toHaveURL(/\/$/);
		await expect(page.getByTestId('list-count')).toHaveText(/van 62 in beeld/);
		await expect
			.poll(async () => Number(await map.getAttribute('data-rendered-organisations')))
			.toBeGreaterThan(30);
	});

	test('filters combine, and an empty result offers to clear them', async ({ page }) => {
		await page.goto('/?soort=police&open=ja');
		await expect(page.getByText('Geen organisaties passen bij deze filters.')).toBeVisible();
		await page.getByRole('button', { name: 'Wis filters' }).first().click();
		await expect(page).toHaveURL(/\/$/);
		await expect(page.getByTestId('list-count')).toHaveText(/van 62 in beeld/);
	});

	test('a shared link with a filter opens filtered', async ({ page }) => {
		await page.goto('/?thema=taal-inburgering&soort=resident_initiative');
		await expect(page.getByTestId('organisation-list').getByRole('link')).toHaveText([
			/Taalcafé Geuzenveld/,
			/Vrouwengroep Overtoomse Veld/
		]);
	});
});
