import {
	answerGeocoderFromFixtures,
	expect,
	expectNoAxeViolations,
	navigateTo,
	test,
	waitForMarkers
} from './fixtures';
import nl from '../../messages/nl.json' with { type: 'json' };
import en from '../../messages/en.json' with { type: 'json' };
import tr from '../../messages/tr.json' with { type: 'json' };
import ar from '../../messages/ar.json' with { type: 'json' };

test('works on a 360 px phone: map above, list below, detail as a bottom sheet', async ({
	page
}) => {
	await page.goto('/');
	await waitForMarkers(page);
	const map = await page.getByTestId('map').boundingBox();
	const list = await page.getByTestId('organisation-list').boundingBox();
	expect(map && list && map.y < list.y).toBe(true);
	expect(map?.width).toBeLessThanOrEqual(360);
	// Nothing of the map lies over the panel: its first field, the search, can be tapped.
	const search = page.getByRole('combobox', { name: 'Zoek een organisatie' });
	await expect(search).toBeVisible();
	const searchBox = (await search.boundingBox())!;
	expect(
		await page.evaluate(
			([x, y]) => document.elementFromPoint(x!, y!)?.getAttribute('role'),
			[searchBox.x + searchBox.width / 2, searchBox.y + searchBox.height / 2]
		)
	).toBe('combobox');
	// The legend starts folded on a phone, so it does not cover the small map.
	await expect(page.getByText('Legenda')).toBeVisible();
	await expect(page.getByText('Bewoners', { exact: true })).toBeHidden();

	await page.getByTestId('organisation-list').getByRole('link').first().click();
	await expect(page.getByTestId('organisation-detail')).toBeVisible();
	const widest = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(widest).toBeLessThanOrEqual(360);

	// The sheet runs to the bottom of the screen with the map above it, and grows on request.
	const sheet = page.getByTestId('panel');
	const mapBox = (await page.getByTestId('map').boundingBox())!;
	const sheetBox = (await sheet.boundingBox())!;
	expect(mapBox.height).toBeGreaterThan(120);
	expect(sheetBox.y).toBeGreaterThan(mapBox.y + 100);
	const grow = page.getByRole('button', { name: 'Detail groter' });
	await grow.click();
	await expect(page.getByRole('button', { name: 'Detail kleiner, meer kaart' })).toHaveAttribute(
		'aria-expanded',
		'true'
	);
	await expect.poll(async () => (await sheet.boundingBox())!.y).toBeLessThan(sheetBox.y);
	await expectNoAxeViolations(page);
});

test('near me on a phone: a postcode, then the nearest by walking distance', async ({ page }) => {
	await answerGeocoderFromFixtures(page);
	await page.goto('/');
	await waitForMarkers(page);
	const input = page.getByRole('combobox', { name: 'Postcode of adres' });
	await input.fill('1068');
	await page.getByRole('option', { name: 'Osdorpplein 1000, 1068TG Amsterdam' }).tap();
	await expect(page.getByTestId('near-place')).toContainText('Osdorpplein 1000');
	await expect(page.getByTestId('walk').first()).toHaveText(/^\d+ m, \d+ min lopen$/);
	const widest = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(widest).toBeLessThanOrEqual(360);
	await expectNoAxeViolations(page);
});

test('the network is a tab beside the map', async ({ page }) => {
	await page.goto('/');
	await waitForMarkers(page);
	await page.getByRole('tab', { name: 'Netwerk' }).click();
	const canvas = page.getByTestId('network-canvas');
	await expect(canvas).toHaveAttribute('data-layout', 'settled', { timeout: 30_000 });
	await expect(page.getByTestId('map')).toBeHidden();
	expect((await canvas.boundingBox())!.width).toBeLessThanOrEqual(360);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	await expectNoAxeViolations(page);

	await page.getByRole('tab', { name: 'Kaart' }).click();
	await expect(page.getByTestId('map')).toBeVisible();
	await expect(canvas).toHaveCount(0);
});

test('a newcomer skips every question and still gets places to join', async ({ page }) => {
	await page.goto('/');
	await waitForMarkers(page);
	await page.getByTestId('join-call').tap();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Waar zet je je graag voor in?');
	for (let question = 1; question <= 4; question++) {
		await expect(page.getByText(`Vraag ${question} van 5`)).toBeVisible();
		await page.getByRole('button', { name: 'Overslaan' }).tap();
	}
	await expect(page.getByText('Vraag 5 van 5')).toBeVisible();
	await page.getByRole('button', { name: 'Toon plekken' }).tap();
	await expect(page.getByText(/Je hebt niets ingevuld/)).toBeVisible();
	const suggestions = page.getByTestId('join-suggestions').getByRole('listitem');
	await expect(suggestions).toHaveCount(3);
	await expect(suggestions.first()).toContainText(/\d+ min lopen/);
	await expect(suggestions.first()).toContainText('Zo doe je mee');
	await expectNoAxeViolations(page);

	// Showing one on the map moves the map; the list, found around the old centre, stays put.
	const names = await suggestions.getByRole('heading').allInnerTexts();
	await suggestions.nth(2).getByRole('button', { name: 'Toon op de kaart' }).tap();
	await expect
		.poll(() => page.getByTestId('map').getAttribute('data-rendered-highlighted'))
		.toBe('1');
	await page.waitForTimeout(500);
	expect(await suggestions.getByRole('heading').allInnerTexts()).toEqual(names);
});

test('a newcomer who speaks Arabic and has Tuesday evenings finds three places, and why', async ({
	page
}) => {
	await answerGeocoderFromFixtures(page);
	await page.goto('/meedoen');
	await waitForMarkers(page);
	await page.getByRole('checkbox', { name: 'Werk en inkomen' }).tap();
	await page.getByRole('button', { name: 'Volgende' }).tap();
	await page.getByRole('checkbox', { name: 'Arabisch' }).tap();
	await page.getByRole('button', { name: 'Volgende' }).tap();
	await page.getByRole('checkbox', { name: "Doordeweeks 's avonds" }).tap();
	await page.getByRole('button', { name: 'Volgende' }).tap();
	await page.getByRole('radio', { name: 'Op de fiets (tot 5 km)' }).tap();
	await page.getByRole('button', { name: 'Volgende' }).tap();
	await page.getByRole('combobox', { name: 'Postcode of adres' }).fill('1068');
	await page.getByRole('option', { name: 'Osdorpplein 1000, 1068TG Amsterdam' }).tap();
	await expect(page.getByTestId('near-place')).toContainText('Osdorpplein 1000');
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Toon plekken' }).tap();

	const suggestions = page.getByTestId('join-suggestions').getByRole('listitem');
	await expect(suggestions).toHaveCount(3);
	const first = suggestions.first();
	await expect(first.locator('.reasons')).toHaveText(
		/^\d+ min fietsen · spreekt Arabisch · komt dinsdagavond samen · over werk en inkomen · zoekt .+$/
	);
	await expect(first).toContainText('Zo doe je mee');
	// A made-up place says so, and offers no one to contact.
	await expect(first.getByTestId('illustrative-badge')).toHaveText('Voorbeeld');
	await expect(first.getByTestId('join-illustrative')).toContainText('bestaat niet');
	await expect(first.locator('a[href^="mailto:"]')).toHaveCount(0);
	// Further down, a place that does not meet on weekday evenings says when it does meet.
	await page.getByRole('button', { name: /^Toon alle \d+$/ }).tap();
	await expect(
		suggestions
			.locator('.reasons')
			.filter({ hasText: /komt niet doordeweeks 's avonds samen, (wel op|tijden niet bekend)/ })
	).not.toHaveCount(0);
	await page.getByRole('button', { name: 'Toon alleen de beste drie' }).tap();
	await expect(suggestions).toHaveCount(3);
	await first.getByRole('button', { name: 'Toon op de kaart' }).tap();
	await expect
		.poll(() => page.getByTestId('map').getAttribute('data-rendered-highlighted'))
		.toBe('1');
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	await expectNoAxeViolations(page);

	// The name leads to the organisation, with the journey's place kept.
	const name = await first.getByRole('link').first().innerText();
	await first.getByRole('link').first().tap();
	await expect(
		page.getByTestId('organisation-detail').getByRole('heading', { level: 1 })
	).toHaveText(name);
	await expect(page).toHaveURL(/bij=/);
});

test('on a phone, a resident starts an organisation by its address, and the coordinator publishes it', async ({
	page
}) => {
	await answerGeocoderFromFixtures(page);
	await page.goto('/inloggen');
	await page.getByRole('button', { name: /Noor/ }).click();
	await expect(page).toHaveURL(/\/beheer$/);
	await page.getByRole('link', { name: 'Nieuwe organisatie' }).click();
	const form = page.getByTestId('organisation-form');
	await form.getByLabel('Naam', { exact: true }).fill('Buurtkeuken Osdorpplein');
	await form.getByLabel('Werk en inkomen').check();
	await form.getByRole('combobox', { name: 'Zoek het adres' }).fill('1068');
	await page.getByRole('option', { name: 'Osdorpplein 1000, 1068TG Amsterdam' }).click();
	await expect(form.getByLabel('Adres', { exact: true })).toHaveValue('Osdorpplein 1000');
	await expect(form.getByLabel('Postcode')).toHaveValue('1068 TG');
	await expect(form.getByLabel('Plaats')).toHaveValue('Amsterdam');
	await expect(form.getByTestId('location-chosen')).toContainText('Gekozen:');
	await form.getByLabel('Buurt of wijk').selectOption({ label: 'Osdorp-Oost' });
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	await expectNoAxeViolations(page);
	await form.getByRole('button', { name: 'Organisatie aanmaken' }).click();
	// A draft's address has a random tail, so it reveals no other draft's name.
	await expect(page).toHaveURL(/\/beheer\/buurtkeuken-osdorpplein-[0-9a-f]{6}(\?|$)/);
	const draftPath = new URL(page.url()).pathname;
	await expect(page.getByTestId('edit-status')).toHaveText('Concept');
	await expect(page.getByRole('button', { name: 'Publiceren' })).toHaveCount(0);

	await navigateTo(page, 'Beheer');
	await page.getByRole('button', { name: 'Uitloggen' }).click();
	await navigateTo(page, 'Inloggen');
	await page.getByRole('button', { name: /Sanne/ }).click();
	await expect(page).toHaveURL(/\/beheer$/);
	await page.getByRole('link', { name: 'Buurtkeuken Osdorpplein', exact: true }).click();
	await expect(page).toHaveURL(new RegExp(`${draftPath}(\\?|$)`));
	await page.getByRole('button', { name: 'Publiceren' }).click();
	await expect(page.getByTestId('edit-status')).toHaveText('Gepubliceerd');

	await page.getByRole('link', { name: 'Bekijk in de atlas' }).click();
	await waitForMarkers(page);
	await expect
		.poll(async () => Number(await page.getByTestId('map').getAttribute('data-rendered-selected')))
		.toBe(1);
});

test('on a phone the legend switches the network on the map', async ({ page }) => {
	await page.goto('/?kaart=12/52.365/4.80');
	await waitForMarkers(page);
	await page.getByText('Legenda').click();
	const toggle = page.getByRole('checkbox', { name: 'Samenwerkingen op de kaart' });
	await toggle.check();
	await expect(page).toHaveURL(/banden=alle/);
	await expect
		.poll(async () =>
			Number(await page.getByTestId('map').getAttribute('data-rendered-network-ties'))
		)
		.toBeGreaterThan(0);
	expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBe(0);
});

test('every page fits a 360 px phone in all four languages, without scrolling sideways', async ({
	page
}) => {
	const pages = [
		'/',
		'/organisaties/wij-zijn-plein-40-45',
		'/programmas/samen-nieuw-west',
		'/netwerk',
		'/meedoen',
		'/voorstellen',
		'/inloggen',
		'/inbedden',
		'/over'
	];
	const overflowing: string[] = [];
	test.setTimeout(180_000);
	for (const language of ['nl', 'en', 'tr', 'ar']) {
		for (const path of pages) {
			await page.goto(`${path}?lang=${language}`);
			await expect(page.locator('html')).toHaveAttribute('lang', language);
			await expect(page.locator('main h1, main h2').first()).toBeVisible();
			// What arrives after the first paint (the list, the network's figures) arrives first.
			const panel = page.getByTestId('panel');
			if ((await panel.count()) > 0) await expect(panel).toHaveAttribute('aria-busy', 'false');
			const width = await page.evaluate(() => document.documentElement.scrollWidth);
			if (width > 360) overflowing.push(`${path}?lang=${language}: ${width} px`);
		}
	}
	expect(overflowing).toEqual([]);
});

/** Every "loading" message of every language, as a page shows it while it waits. */
const loadingTexts = [nl, en, tr, ar].flatMap((messages) =>
	Object.entries(messages)
		.filter(([key, text]) => /(^|_)loading/.test(key) && typeof text === 'string')
		.map(([, text]) => text as string)
);

const signInFirst = {
	nl: nl.manage_sign_in_first,
	en: en.manage_sign_in_first,
	tr: tr.manage_sign_in_first,
	ar: ar.manage_sign_in_first
};

test('the pages that keep the atlas fit a 360 px phone in all four languages', async ({ page }) => {
	test.setTimeout(180_000);
	// The atlas's administrator sees every one of them.
	await page.goto('/inloggen');
	await page.getByRole('button', { name: /Beheer/ }).click();
	await expect(page).toHaveURL(/\/beheer$/);
	const pages = [
		'/beheer',
		'/beheer/nieuw',
		'/beheer/repair-cafe-osdorp',
		'/beheer/repair-cafe-osdorp/geschiedenis',
		'/beheer/importeren',
		'/beheer/gebieden',
		'/beheer/rollen',
		'/beheer/voorstellen'
	];
	const overflowing: string[] = [];
	for (const language of ['nl', 'en', 'tr', 'ar']) {
		for (const path of pages) {
			await page.goto(`${path}?lang=${language}`);
			await expect(page.locator('html')).toHaveAttribute('lang', language);
			await expect(page.locator('main h1').first()).toBeVisible();
			// What the page loads has arrived: none of its "… laden" messages is left.
			await expect
				.poll(() =>
					page.evaluate(
						(waiting) =>
							waiting.some((text) => document.querySelector('main')?.innerText.includes(text)),
						loadingTexts
					)
				)
				.toBe(false);
			// Still signed in: the page itself, not its invitation to sign in.
			await expect(page.getByText(signInFirst[language as keyof typeof signInFirst])).toHaveCount(
				0
			);
			const width = await page.evaluate(() => document.documentElement.scrollWidth);
			if (width > 360) overflowing.push(`${path}?lang=${language}: ${width} px`);
		}
	}
	expect(overflowing).toEqual([]);
});

test('in Arabic on a phone, the detail sheet and the map controls are mirrored', async ({
	page
}) => {
	await page.goto('/?lang=ar');
	await waitForMarkers(page);
	const map = (await page.getByTestId('map').boundingBox())!;
	const zoom = (await page.getByRole('button', { name: 'تكبير' }).boundingBox())!;
	expect(zoom.x - map.x).toBeLessThan(60);
	await page.getByTestId('organisation-list').getByRole('link').first().tap();
	const sheet = page.getByTestId('panel');
	await expect(page.getByTestId('organisation-detail')).toBeVisible();
	expect(await sheet.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
	// The back link starts at the right, as Arabic reads.
	const back = (await page.getByRole('link', { name: 'العودة إلى القائمة' }).boundingBox())!;
	expect(back.x + back.width).toBeGreaterThan(300);
	await page.getByRole('button', { name: 'تفاصيل أكبر' }).tap();
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	await expectNoAxeViolations(page);
});
