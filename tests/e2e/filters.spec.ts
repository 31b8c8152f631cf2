import { expect, expectNoAxeViolations, test, waitForFilters, waitForMarkers } from './fixtures';

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

	test('a shared link with filters shows nothing they exclude while the database starts', async ({
		page
	}) => {
		// The early answers (the build's first paint) are for no filters. Hold the database back
		// so that the time before it answers can be looked at.
		let release = () => {};
		const held = new Promise<void>((resolve) => (release = resolve));
		await page.route(/database-snapshot/, async (route) => {
			await held;
			await route.continue();
		});
		await page.goto('/?thema=energie');
		await expect(page.getByRole('checkbox', { name: 'Energie' })).toBeChecked();
		await expect(page.getByTestId('list-updating')).toBeVisible();
		await expect(page.getByTestId('organisation-list')).toHaveCount(0);
		await expect(page.getByTestId('list-count')).toHaveCount(0);
		await expect(page.getByText('Geen organisaties passen bij deze filters.')).toHaveCount(0);

		release();
		await expect(page.getByTestId('list-count')).toHaveText('2 van 2 in beeld');
		await expect(page.getByTestId('organisation-list').getByRole('link')).toHaveText([
			/!WOON/,
			/Energiecoöperatie Nieuw-West/
		]);
	});

	test('filters combine, an empty result offers to clear them, and a shared link opens filtered', async ({
		page
	}) => {
		await page.goto('/?soort=police&open=ja');
		await expect(page.getByText('Geen organisaties passen bij deze filters.')).toBeVisible();
		await page.getByRole('button', { name: 'Wis filters' }).first().click();
		await expect(page).toHaveURL(/\/$/);
		await expect(page.getByTestId('list-count')).toHaveText(/van 62 in beeld/);

		// A shared link with filters opens filtered.
		await page.goto('/?thema=taal-inburgering&soort=resident_initiative');
		await expect(page.getByTestId('organisation-list').getByRole('link')).toHaveText([
			/Taalcafé Geuzenveld/,
			/Vrouwengroep Overtoomse Veld/
		]);
	});

	test('a language and an area narrow the atlas; the area list counts what each would show', async ({
		page
	}) => {
		await page.goto('/');
		await waitForMarkers(page);
		const map = page.getByTestId('map');
		await page.getByText('Filters', { exact: true }).click();

		await page.getByRole('checkbox', { name: 'Arabisch' }).check();
		await expect(page).toHaveURL(/taal=ar/);
		await expect(page.getByTestId('list-count')).not.toHaveText(/van 62 in beeld/);
		await waitForFilters(page);
		const arabic = Number(
			(await page.getByTestId('list-count').innerText()).split(' van ')[1]!.split(' ')[0]
		);
		expect(arabic).toBeGreaterThan(1);
		expect(arabic).toBeLessThan(62);

		// Each wijk says how many it holds under the current filters; choosing one shows exactly those.
		const area = page.getByLabel('Gebied');
		const option = area.locator('option', { hasText: 'Geuzenveld' }).first();
		const label = (await option.innerText()).trim();
		const expected = Number(/\((\d+)\)$/.exec(label)?.[1]);
		expect(expected).toBeGreaterThan(0);
		await area.selectOption({ label: await option.innerText() });
		await expect(page).toHaveURL(/gebied=WK/);
		await expect(page.getByTestId('list-count')).toHaveText(`${expected} van ${expected} in beeld`);
		await expect
			.poll(async () => Number(await map.getAttribute('data-rendered-organisations')))
			.toBe(expected);

		// The stadsdeel holds every wijk.
		await area.selectOption({
			label: await area.locator('option', { hasText: 'Nieuw-West' }).first().innerText()
		});
		await expect(page.getByTestId('list-count')).toHaveText(new RegExp(`van ${arabic} in beeld`));
		await expectNoAxeViolations(page);
	});

	test('words in the search box filter list, map and network; the theme counts come along', async ({
		page
	}) => {
		await page.goto('/');
		await waitForMarkers(page);
		const map = page.getByTestId('map');
		const search = page.getByRole('combobox', { name: 'Zoek een organisatie' });
		await search.fill('moestuin');
		// Enter without choosing a suggestion searches: everything with the word, not one organisation.
		await search.press('Enter');
		await expect(page).toHaveURL(/zoek=moestuin/);
		await expect(page.getByTestId('filter-query')).toContainText('Met de woorden ‘moestuin’');
		await expect(page.getByTestId('list-count')).not.toHaveText(/van 62 in beeld/);
		await waitForFilters(page);
		const shown = page.getByTestId('organisation-list').getByRole('link');
		await expect(shown.filter({ hasText: 'Moestuin Sloterpark' })).toHaveCount(1);
		const count = await shown.count();
		expect(count).toBeLessThan(10);
		await expect
			.poll(async () => Number(await map.getAttribute('data-rendered-organisations')))
			.toBeLessThanOrEqual(count);
		// Next to each theme, what choosing it would show among these (the panel opens with a filter on).
		await expect(
			page.getByRole('checkbox', { name: /^Groen en duurzaamheid [1-9]\d*$/ })
		).toBeVisible();

		// The network page analyses the same selection, and its link keeps the words.
		await page.getByRole('navigation').getByRole('link', { name: 'Netwerk', exact: true }).click();
		await expect(page).toHaveURL(/\/netwerk\?.*zoek=moestuin/);
		await expect(page.getByTestId('network-scope')).toHaveText(
			new RegExp(`^Netwerk van ‘moestuin’: ${count} organisaties?$`)
		);

		await page.getByRole('navigation').getByRole('link', { name: 'Kaart', exact: true }).click();
		await page.getByRole('button', { name: 'Zoekwoorden ‘moestuin’ weghalen' }).click();
		await expect(page).not.toHaveURL(/zoek=/);
		await expect(page.getByTestId('list-count')).toHaveText(/van 62 in beeld/);
		await expectNoAxeViolations(page);
	});
});
