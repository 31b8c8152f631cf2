import {
	answerGeocoderFromFixtures,
	expect,
	expectNoAxeViolations,
	geocoderRequests,
	test,
	waitForMarkers
} from './fixtures';

/** The list's walking distances, in metres, in the order shown. */
async function listedMetres(page: import('@playwright/test').Page): Promise<number[]> {
	const walks = await page.getByTestId('walk').allInnerTexts();
	return walks.map((text) => {
		const [amount = '', unit] = text.split(',')[0]!.trim().split(/\s+/);
		const value = Number(amount.replace(',', '.'));
		return unit === 'km' ? value * 1000 : value;
	});
}

test.describe('near me', () => {
	test('a postcode or address with suggestions gives a list by walking distance', async ({
		page
	}) => {
		await answerGeocoderFromFixtures(page);
		await page.goto('/');
		await waitForMarkers(page);

		const input = page.getByRole('combobox', { name: 'Postcode of adres' });
		await input.fill('osdorpplein');
		await expect(
			page.getByRole('option', { name: 'Osdorpplein 1000, 1068TG Amsterdam' })
		).toBeVisible();
		await input.press('ArrowDown');
		await input.press('Enter');

		await expect(page.getByTestId('near-place')).toHaveText(
			'Rond Osdorpplein 1000, 1068TG Amsterdam'
		);
		await expect(page).toHaveURL(/bij=52\.35834%2C4\.80171|bij=52\.35834,4\.80171/);
		await expect(page).toHaveURL(/straal=1000/);
		const list = page.getByTestId('organisation-list');
		// The stadsdeel's office is on the Osdorpplein itself.
		await expect(list.getByRole('link').first()).toContainText(
			'Gemeente Amsterdam, stadsdeel Nieuw-West'
		);
		await expect(page.getByTestId('walk').first()).toHaveText(/^\d+ m, \d+ min lopen$/);
		const metres = await listedMetres(page);
		expect(metres.length).toBeGreaterThan(3);
		expect(metres).toEqual([...metres].sort((a, b) => a - b));
		expect(Math.max(...metres)).toBeLessThanOrEqual(1000);

		// A smaller radius keeps fewer, and the link keeps the radius.
		await page.getByLabel('Binnen').selectOption({ label: '500 m' });
		await expect(page).toHaveURL(/straal=500/);
		await expect.poll(async () => (await listedMetres(page)).length).toBeLessThan(metres.length);
		expect(Math.max(...(await listedMetres(page)))).toBeLessThanOrEqual(500);

		// Reloading the link shows the same list; back returns to the wider radius.
		const shown = await page.getByTestId('walk').allInnerTexts();
		await page.reload();
		await waitForMarkers(page);
		await expect(page.getByTestId('walk')).toHaveText(shown);
		await page.goBack();
		await expect(page).toHaveURL(/straal=1000/);
		await expect.poll(async () => (await listedMetres(page)).length).toBe(metres.length);
		await expectNoAxeViolations(page);

		await page.getByRole('button', { name: 'Wis plek' }).click();
		await expect(page.getByTestId('walk')).toHaveCount(0);
		await expect(page).not.toHaveURL(/bij=/);
	});

	test('when the geocoder is unreachable it says so, and picking on the map still works', async ({
		page
	}) => {
		await page.route(geocoderRequests, (route) => route.abort('internetdisconnected'));
		await page.goto('/');
		await waitForMarkers(page);

		await page.getByRole('combobox', { name: 'Postcode of adres' }).fill('1068 TG');
		await expect(page.getByTestId('near-problem')).toContainText('niet bereikbaar');
		await expect(page.getByTestId('near-problem')).toContainText('Kies je plek op de kaart');

		await page.getByRole('button', { name: 'Kies op de kaart' }).click();
		await expect(page.getByRole('button', { name: 'Stop met kiezen' })).toHaveAttribute(
			'aria-pressed',
			'true'
		);
		const map = await page.getByTestId('map').boundingBox();
		await page.mouse.click(map!.x + map!.width / 2, map!.y + map!.height / 2);

		await expect(page.getByTestId('near-place')).toHaveText('Rond het gekozen punt op de kaart');
		await expect(page).toHaveURL(/bij=/);
		await expect(page.getByTestId('walk').first()).toBeVisible();
		// The new place leaves the old error and the typed address behind.
		await expect(page.getByTestId('near-problem')).toHaveCount(0);
		await expect(page.getByRole('combobox', { name: 'Postcode of adres' })).toHaveValue('');
		// Picking ended with the choice: the next click selects organisations again.
		await expect(page.getByRole('button', { name: 'Kies op de kaart' })).toHaveAttribute(
			'aria-pressed',
			'false'
		);
	});

	test('by keyboard: pick the map’s centre with Enter', async ({ page }) => {
		await page.goto('/?kaart=15/52.3583/4.8017');
		await waitForMarkers(page);
		await page.getByRole('button', { name: 'Kies op de kaart' }).click();
		// Picking moves focus to the map; Enter chooses its centre.
		await page.keyboard.press('Enter');
		await expect(page.getByTestId('near-place')).toHaveText('Rond het gekozen punt op de kaart');
		await expect(page).toHaveURL(/bij=52\.358/);
	});

	test('the browser’s location, shared or refused', async ({ page, context }) => {
		await page.goto('/');
		await waitForMarkers(page);
		// Not granted: the browser refuses, and the page says what else works.
		await page.getByRole('button', { name: 'Mijn locatie' }).click();
		await expect(page.getByTestId('near-problem')).toContainText('niet gedeeld');

		await context.grantPermissions(['geolocation']);
		await context.setGeolocation({ latitude: 52.3789, longitude: 4.8107 });
		await page.getByRole('button', { name: 'Mijn locatie' }).click();
		await expect(page.getByTestId('near-place')).toHaveText('Rond jouw locatie');
		await expect(page.getByTestId('near-problem')).toHaveCount(0);
		await expect(page.getByTestId('organisation-list').getByRole('link').first()).toContainText(
			'Plein'
		);
	});
});
