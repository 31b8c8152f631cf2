/**
 * The atlas in Turkish and Arabic, as a resident and a newcomer use it: the
 * language from the switch or the link, Arabic right to left with the map's
 * controls on the mirrored side, numbers and distances formatted in the
 * language, and the organisations' own texts kept in the language they were
 * written in. The words come from the catalogues, so a test reads what a
 * visitor reads.
 */
import type { Locator, Page } from '@playwright/test';
import ar from '../../messages/ar.json' with { type: 'json' };
import tr from '../../messages/tr.json' with { type: 'json' };
import {
	answerGeocoderFromFixtures,
	expect,
	expectNoAxeViolations,
	test,
	waitForFilters,
	waitForMarkers
} from './fixtures';

const box = async (locator: Locator) => (await locator.boundingBox())!;

/** Opens an organisation through the search, in whatever language the page speaks. */
async function openBySearch(page: Page, words: typeof ar | typeof tr, name: string) {
	const search = page.getByRole('combobox', { name: words.search_label });
	await search.click();
	await search.fill(name);
	await page
		.getByRole('listbox', { name: words.search_suggestions })
		.getByRole('option', { name: new RegExp(name) })
		.first()
		.click();
	await expect(
		page.getByTestId('organisation-detail').getByRole('heading', { level: 1 })
	).toHaveText(name);
}

test('the switch offers every language by its own name, puts it in the link and remembers it', async ({
	page
}) => {
	await page.goto('/');
	const languages = page.getByRole('combobox', { name: 'Taal' });
	await expect(languages.getByRole('option')).toHaveText([
		'Nederlands',
		'English',
		'Türkçe',
		'العربية'
	]);
	await languages.selectOption({ label: 'Türkçe' });
	await expect(page.getByRole('heading', { name: 'Kuruluşlar' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'tr');
	await expect(page).toHaveURL(/[?&]lang=tr/);

	// Moving on inside the app keeps the language in the address, to share as it is.
	await page.getByRole('navigation').getByRole('link', { name: tr.nav_about }).click();
	await expect(page.getByRole('heading', { name: tr.about_title })).toBeVisible();
	await expect(page).toHaveURL(/\/over\?lang=tr$/);

	// Remembered: a link without the language opens in the one chosen.
	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Kuruluşlar' })).toBeVisible();
	await expect(page).toHaveURL(/[?&]lang=tr/);

	// A link that names a language wins over the remembered one, and is remembered in turn.
	await page.goto('/?lang=en');
	await expect(page.getByRole('heading', { name: 'Organisations' })).toBeVisible();
	await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Nederlands' });
	await expect(page.getByRole('heading', { name: 'Organisaties' })).toBeVisible();
	await expect(page).not.toHaveURL(/lang=/);
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Organisaties' })).toBeVisible();
});

test('a resident in Arabic: the page right to left, the map controls mirrored, Dutch texts kept Dutch', async ({
	page
}) => {
	await answerGeocoderFromFixtures(page);
	await page.goto('/?lang=ar');
	await waitForMarkers(page);
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
	await expect(page.getByRole('heading', { name: ar.list_heading, exact: true })).toBeVisible();

	// Mirrored: the list beside the map on the right, zoom and credits at the map's left edge.
	const map = await box(page.getByTestId('map'));
	expect((await box(page.getByTestId('panel'))).x).toBeGreaterThan(map.x);
	const zoom = await box(page.getByRole('button', { name: ar.map_zoom_in }));
	expect(zoom.x - map.x).toBeLessThan(60);
	await expect(page.locator('.maplibregl-ctrl-bottom-left .maplibregl-ctrl-attrib')).toHaveCount(1);

	// Counts in Western digits inside Arabic sentences.
	await expect(page.getByTestId('list-count')).toHaveText(/^\d+ من \d+ في العرض$/);

	// The filters, in Arabic: one theme narrows the list.
	await page.getByText(ar.filters_heading, { exact: true }).click();
	const before = await page.getByTestId('organisation-list').getByRole('listitem').count();
	await page.getByRole('checkbox', { name: new RegExp(`^${ar.theme_wonen} \\d+$`) }).check();
	await waitForFilters(page);
	await expect
		.poll(() => page.getByTestId('organisation-list').getByRole('listitem').count())
		.toBeLessThan(before);
	await expect(page).toHaveURL(/thema=wonen/);
	await expect(page).toHaveURL(/lang=ar/);
	await page.getByRole('button', { name: ar.filters_clear }).click();
	await waitForFilters(page);

	// Near me: walking distances in Arabic words.
	await page.getByRole('combobox', { name: ar.near_input_label }).fill('1068');
	await page.getByRole('option', { name: 'Osdorpplein 1000, 1068TG Amsterdam' }).click();
	await expect(page.getByTestId('near-place')).toContainText('Osdorpplein 1000');
	await expect(page.getByTestId('walk').first()).toHaveText(/^\d+ .+، \d+ دقيقة مشيًا$/);
	await expectNoAxeViolations(page);

	// The organisation's page: Arabic around it, its own texts Dutch, read left to right.
	await openBySearch(page, ar, 'Wij Zijn Plein ’40-’45');
	const detail = page.getByTestId('organisation-detail');
	const heading = detail.getByRole('heading', { level: 1 });
	await expect(heading).toHaveAttribute('lang', 'nl');
	const description = detail.getByTestId('description');
	await expect(description).toHaveAttribute('lang', 'nl');
	expect(await description.evaluate((element) => getComputedStyle(element).direction)).toBe('ltr');
	await expect(detail.getByRole('link', { name: ar.detail_back })).toBeVisible();
	await expect(detail.getByRole('heading', { name: ar.detail_collaborations })).toBeVisible();
	expect(
		await detail
			.getByRole('heading', { name: ar.detail_themes })
			.evaluate((element) => getComputedStyle(element).direction)
	).toBe('rtl');
	await expect(page).toHaveURL(/lang=ar/);
	await expectNoAxeViolations(page);
});

test('a newcomer in Arabic finds places to join, with the reasons in Arabic', async ({ page }) => {
	await answerGeocoderFromFixtures(page);
	await page.goto('/meedoen?lang=ar');
	await waitForMarkers(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(ar.join_q_themes);
	await page.getByRole('checkbox', { name: ar.theme_werk_inkomen }).check();
	await page.getByRole('button', { name: ar.join_next }).click();
	await page.getByRole('checkbox', { name: ar.lang_ar }).check();
	await page.getByRole('button', { name: ar.join_next }).click();
	await page.getByRole('checkbox', { name: ar.join_time_weekday_evening }).check();
	await page.getByRole('button', { name: ar.join_next }).click();
	await page.getByRole('radio', { name: ar.join_travel_cycle }).check();
	await page.getByRole('button', { name: ar.join_next }).click();
	await page.getByRole('combobox', { name: ar.near_input_label }).fill('1068');
	await page.getByRole('option', { name: 'Osdorpplein 1000, 1068TG Amsterdam' }).click();
	await page.getByRole('button', { name: ar.join_show_places }).click();

	const suggestions = page.getByTestId('join-suggestions').getByRole('listitem');
	await expect(suggestions).toHaveCount(3);
	const first = suggestions.first();
	// "12 دقيقة بالدراجة · يتحدثون العربية · يلتقون …": the weekday in Arabic, by Intl.
	await expect(first.locator('.reasons')).toHaveText(
		/^\d+ دقيقة بالدراجة · يتحدثون العربية · يلتقون .*(الثلاثاء).* · عن العمل والدخل · يبحثون عن .+$/
	);
	await expect(first).toContainText(ar.join_next_step);
	// What the organisation wrote stays Dutch, marked so that a screen reader reads it in Dutch.
	const ownWords = first.locator('dd[lang="nl"]');
	await expect(ownWords).toHaveCount(2);
	await expect(ownWords.first()).toContainText('Loop op dinsdagavond binnen');
	await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
	await expect(first.getByTestId('illustrative-badge')).toHaveText(ar.illustrative_badge);
	await expect(first.getByTestId('join-illustrative')).toHaveText(ar.join_illustrative_note);
	await expectNoAxeViolations(page);
});

test('a resident and a newcomer in Turkish', async ({ page }) => {
	await answerGeocoderFromFixtures(page);
	await page.goto('/?lang=tr');
	await waitForMarkers(page);
	await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
	await expect(page.getByTestId('list-count')).toHaveText(/^Görünümde \d+ kuruluştan \d+ tanesi$/);
	await page.getByRole('combobox', { name: tr.near_input_label }).fill('1068');
	await page.getByRole('option', { name: 'Osdorpplein 1000, 1068TG Amsterdam' }).click();
	await expect(page.getByTestId('walk').first()).toHaveText(/^[\d.,]+ (m|km), \d+ dk yürüme$/);

	await openBySearch(page, tr, 'Wij Zijn Plein ’40-’45');
	const detail = page.getByTestId('organisation-detail');
	await expect(detail.getByRole('heading', { name: tr.detail_themes })).toBeVisible();
	await expect(detail.getByRole('heading', { level: 1 })).toHaveAttribute('lang', 'nl');
	await expectNoAxeViolations(page);

	await detail.getByRole('link', { name: tr.detail_back }).click();
	await page.getByTestId('join-call').click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(tr.join_q_themes);
	await expect(page.getByText('Soru 1 / 5')).toBeVisible();
	for (let question = 1; question <= 4; question++) {
		await page.getByRole('button', { name: tr.join_skip }).click();
	}
	await page.getByRole('button', { name: tr.join_show_places }).click();
	const suggestions = page.getByTestId('join-suggestions').getByRole('listitem');
	await expect(suggestions).toHaveCount(3);
	await expect(suggestions.first()).toContainText(/\d+ dk yürüme/);
	await expect(page).toHaveURL(/lang=tr/);
	await expectNoAxeViolations(page);
});
