/**
 * Safe text: XSS payloads typed into every text field, by a member in the edit
 * form and by a visitor in the suggestion form, then shown everywhere the atlas
 * shows them: the detail, the list, the map's tooltip, search, the network (its
 * canvas labels and hover card) and the coordinators' queue. None may run: each
 * payload would raise window.__xss or open a dialog, and neither may happen.
 */
import type { Page } from '@playwright/test';
import { expect, largestPatchOf, navigateTo, test, waitForMarkers } from './fixtures';

const payloads = {
	name: '<img src=x onerror="window.__xss++">Repair',
	description: [
		'<script>window.__xss++</script>',
		'[klik](javascript:window.__xss++)',
		'<img src=x onerror="window.__xss++">',
		'<svg onload="window.__xss++"></svg>',
		'**vet** blijft'
	].join('\n\n'),
	address: '"><svg onload=window.__xss++>',
	city: '<iframe src="javascript:parent.__xss++">',
	helpWanted: '<b onmouseover=window.__xss++>koks</b>',
	meetingTimes: "{{constructor.constructor('window.__xss++')()}}",
	meetingPlace: '<details open ontoggle=window.__xss++>',
	joinNextStep: '<a href="javascript:window.__xss++">klik</a>',
	email: '<img/src=x/onerror=window.__xss++>@x.nl'
};

async function armTraps(page: Page): Promise<string[]> {
	const dialogs: string[] = [];
	page.on('dialog', (dialog) => {
		dialogs.push(dialog.message());
		void dialog.dismiss();
	});
	await page.addInitScript(() => {
		(window as unknown as { __xss: number }).__xss = 0;
	});
	return dialogs;
}

async function expectNothingRan(page: Page, dialogs: string[]): Promise<void> {
	expect(await page.evaluate(() => (window as unknown as { __xss: number }).__xss)).toBe(0);
	expect(dialogs).toEqual([]);
}

test('no payload typed into any field runs, wherever the atlas shows it', async ({ page }) => {
	const dialogs = await armTraps(page);
	await page.goto('/inloggen');
	await page.getByRole('button', { name: /Daan/ }).click();
	await expect(page).toHaveURL(/\/beheer$/);
	await page.getByRole('link', { name: 'Repair Café Osdorp', exact: true }).click();
	const form = page.getByTestId('organisation-form');
	await expect(form.getByLabel('Naam', { exact: true })).toHaveValue('Repair Café Osdorp');

	// Fields with a strict shape refuse a payload outright, as the database would.
	await form.getByLabel('Website').fill('javascript:window.__xss++');
	await form.getByRole('button', { name: 'Opslaan' }).click();
	await expect(
		form.getByText('Een webadres dat begint met https://, zonder spaties.')
	).toBeVisible();
	await form.getByLabel('Website').fill('');
	// An address of a valid shape may still carry markup; it must stay text.
	await form.getByLabel('E-mailadres').fill(payloads.email);

	await form.getByLabel('Naam', { exact: true }).fill(payloads.name);
	await form.getByLabel('Beschrijving').fill(payloads.description);
	await form.getByLabel('Adres', { exact: true }).fill(payloads.address);
	await form.getByLabel('Plaats').fill(payloads.city);
	await form.getByLabel('Zoekt hulp bij').fill(payloads.helpWanted);
	await form.getByLabel('Tijden in eigen woorden').fill(payloads.meetingTimes);
	await form.getByLabel('Waar komt de groep samen?').fill(payloads.meetingPlace);
	await form.getByLabel('Zo doe je mee').fill(payloads.joinNextStep);
	await form.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.getByTestId('saved')).toBeVisible();
	await expectNothingRan(page, dialogs);

	// The detail: every field as text, the description's formatting kept, nothing else.
	await page.getByRole('link', { name: 'Bekijk in de atlas' }).click();
	const detail = page.getByTestId('organisation-detail');
	await expect(detail.getByRole('heading', { level: 1 })).toHaveText(payloads.name);
	await expect(detail).toContainText(payloads.address);
	await expect(detail).toContainText(payloads.city);
	await expect(detail).toContainText(payloads.meetingTimes);
	await expect(detail).toContainText(payloads.email);
	const description = detail.getByTestId('description');
	await expect(description.locator('strong')).toHaveText('vet');
	await expect(description.locator('script, img, svg, iframe, [onerror], [onload]')).toHaveCount(0);
	await expect(description.locator('a[href^="javascript"]')).toHaveCount(0);
	await expect(detail.locator('script, iframe, details, img[onerror]')).toHaveCount(0);
	await expectNothingRan(page, dialogs);

	// The map's tooltip, over the selected point.
	await waitForMarkers(page);
	// Zoomed in on it, so no cluster of its neighbours lies over it.
	const seen = await largestPatchOf(page, '#ffd43b');
	await page.mouse.move(seen.x, seen.y);
	for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -400);
	await expect.poll(() => page.getByTestId('map').getAttribute('data-rendered-clusters')).toBe('0');
	await expect.poll(async () => (await largestPatchOf(page, '#ffd43b')).pixels).toBeGreaterThan(30);
	const ring = await largestPatchOf(page, '#ffd43b');
	await page.mouse.move(ring.x + 30, ring.y + 30);
	await page.mouse.move(ring.x, ring.y, { steps: 3 });
	await expect(page.locator('.ba-tooltip')).toContainText(payloads.name);
	await expect(page.locator('.ba-tooltip img')).toHaveCount(0);
	await expectNothingRan(page, dialogs);

	// The list and search.
	await page.getByRole('link', { name: /Terug naar de lijst/ }).click();
	// The navigation done first: SvelteKit resets focus when it ends, which would close the search list.
	await expect(page).not.toHaveURL(/\/organisaties\//);
	await expect(page.getByTestId('organisation-list')).toContainText(payloads.name);
	await page.getByRole('combobox', { name: 'Zoek een organisatie' }).fill('Repair');
	await expect(
		page.getByRole('listbox', { name: 'Suggesties' }).getByRole('option').first()
	).toContainText(payloads.name);
	await expect(page.getByRole('listbox').locator('img')).toHaveCount(0);
	await page.getByRole('combobox', { name: 'Zoek een organisatie' }).press('Escape');
	await expectNothingRan(page, dialogs);

	// The network: labels on the canvas, and its card when the node is selected.
	const search = page.getByRole('combobox', { name: 'Zoek een organisatie' });
	await search.fill('Repair');
	await expect(
		page.getByRole('listbox', { name: 'Suggesties' }).getByRole('option').first()
	).toContainText(payloads.name);
	await search.press('ArrowDown');
	await search.press('Enter');
	await expect(
		page.getByTestId('organisation-detail').getByRole('heading', { level: 1 })
	).toHaveText(payloads.name);
	await page.getByRole('button', { name: 'Netwerk naast de kaart' }).click();
	const canvas = page.getByTestId('network-canvas');
	await expect(canvas).toHaveAttribute('data-layout', 'settled');
	await expect(canvas).toHaveAttribute('data-selected', /.+/);
	await expectNothingRan(page, dialogs);

	// History names what changed, not the values.
	await navigateTo(page, 'Beheer');
	await page.getByRole('link', { name: payloads.name, exact: true }).click();
	await page.getByRole('link', { name: 'Geschiedenis' }).click();
	await expect(page.getByTestId('version').first()).toContainText('Gewijzigd');
	await expectNothingRan(page, dialogs);
});

test('no payload in a visitor’s suggestion runs in the coordinators’ queue', async ({ page }) => {
	const dialogs = await armTraps(page);
	await page.goto('/voorstellen');
	const form = page.getByTestId('suggest-form');
	await form.getByLabel('Naam', { exact: true }).fill(payloads.name);
	await form.getByLabel('Wat doet het initiatief?').fill(payloads.description);
	await form.getByLabel('Adres', { exact: true }).fill(payloads.address);
	await form.getByLabel(/Hoe kan de coördinator jou bereiken/).fill(payloads.meetingPlace);
	await form.getByRole('button', { name: 'Kies op de kaart' }).click();
	await waitForMarkers(page);
	const box = (await page.getByTestId('map').boundingBox())!;
	await page.mouse.click(box.x + box.width * 0.85, box.y + box.height * 0.25);
	await form.getByRole('button', { name: 'Versturen' }).click();
	await expect(page.getByTestId('suggestion-sent')).toBeVisible();
	await expectNothingRan(page, dialogs);

	await navigateTo(page, 'Inloggen');
	await page.getByRole('button', { name: /Sanne/ }).click();
	await page.getByTestId('moderation-link').click();
	const suggestion = page.getByTestId('suggestion').filter({ hasText: 'Repair' });
	await expect(suggestion.getByRole('heading')).toHaveText(payloads.name);
	await expect(suggestion).toContainText(payloads.address);
	await expect(suggestion.locator('strong')).toHaveText('vet');
	await expect(
		suggestion.locator('script, img, svg, iframe, details, a[href^="javascript"]')
	).toHaveCount(0);
	await expectNothingRan(page, dialogs);
});
