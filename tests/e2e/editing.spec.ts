/**
 * Keeping the atlas current, as people do it in a real browser on the embedded
 * database: each test starts from a fresh seeded database (a new browser
 * context has its own IndexedDB) and signs in through the local demo.
 */
import type { Page } from '@playwright/test';
import {
	browserTimeZone,
	countMarkerPixels,
	expect,
	navigateTo,
	openOrganisation,
	test,
	waitForMarkers
} from './fixtures';

/** Signs in through the local demo: the first step loads the app, later ones navigate in it. */
async function signInAs(page: Page, who: RegExp): Promise<void> {
	if (page.url() === 'about:blank') await page.goto('/inloggen');
	else await navigateTo(page, 'Inloggen');
	await expect(page.getByTestId('local-demo')).toContainText('Lokale demo');
	await page.getByRole('button', { name: who }).click();
	await expect(page).toHaveURL(/\/beheer$/);
	await expect(page.getByText(/Ingelogd als/)).toBeVisible();
}

async function signOut(page: Page): Promise<void> {
	await navigateTo(page, 'Beheer');
	await page.getByRole('button', { name: 'Uitloggen' }).click();
	await expect(page.getByRole('navigation').getByRole('link', { name: 'Inloggen' })).toBeVisible();
}

/** Opens an organisation's edit form from the list on /beheer, where signing in lands. */
async function openForEditing(page: Page, name: string): Promise<void> {
	if (!/\/beheer$/.test(page.url())) await navigateTo(page, 'Beheer');
	await page.getByTestId('manage-list').getByRole('link', { name, exact: true }).click();
	await expect(
		page.getByTestId('organisation-form').getByLabel('Naam', { exact: true })
	).toHaveValue(name);
}

/** A pixel of the map with nothing drawn near it, as a fraction of the map's box. */
async function clickEmptySpot(page: Page, fx = 0.85, fy = 0.25): Promise<{ x: number; y: number }> {
	const box = (await page.getByTestId('map').boundingBox())!;
	const point = { x: box.x + box.width * fx, y: box.y + box.height * fy };
	await page.mouse.click(point.x, point.y);
	return point;
}

async function mapAttribute(page: Page, name: string): Promise<number> {
	return Number(await page.getByTestId('map').getAttribute(name));
}

test('a member edits their organisation and sees it on the map', async ({ page }) => {
	await signInAs(page, /Daan/);
	await page.getByRole('link', { name: 'Repair Café Osdorp' }).click();
	const form = page.getByTestId('organisation-form');
	await expect(form.getByLabel('Naam', { exact: true })).toHaveValue('Repair Café Osdorp');
	await waitForMarkers(page);

	// A wrong postcode is named on its field, and nothing typed is lost.
	await form.getByLabel('Naam', { exact: true }).fill('Repair Café Osdorp-Oost');
	await form.getByLabel('Postcode').fill('10688');
	await form.getByRole('button', { name: 'Opslaan' }).click();
	await expect(form.getByText('Een postcode zoals 1068 NM.')).toBeVisible();
	await expect(form.getByLabel('Postcode')).toHaveAttribute('aria-invalid', 'true');
	await expect(form.getByLabel('Naam', { exact: true })).toHaveValue('Repair Café Osdorp-Oost');

	await form.getByLabel('Postcode').fill('1068nm');
	await form.getByLabel('Beschrijving').fill('Elke maand **samen repareren** in het wijkcentrum.');
	// A new place, picked on the map, in an empty corner of it.
	const before = await form.getByTestId('location-chosen').textContent();
	await form.getByRole('button', { name: 'Kies op de kaart' }).click();
	const spot = await clickEmptySpot(page);
	await expect(form.getByTestId('location-chosen')).not.toHaveText(before!);
	await form.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.getByTestId('saved')).toHaveText('Opgeslagen.');
	await expect(form.getByLabel('Postcode')).toHaveValue('1068 NM');

	// The map draws it, selected (a yellow ring), where it was put.
	const around = { x: spot.x - 15, y: spot.y - 15, width: 30, height: 30 };
	await expect.poll(() => countMarkerPixels(page, '#ffd43b', around)).toBeGreaterThan(20);

	await page.getByRole('link', { name: 'Bekijk in de atlas' }).click();
	const detail = page.getByTestId('organisation-detail');
	await expect(detail.getByRole('heading', { level: 1 })).toHaveText('Repair Café Osdorp-Oost');
	await expect(detail.getByTestId('description').locator('strong')).toHaveText('samen repareren');
	await expect.poll(() => mapAttribute(page, 'data-rendered-selected')).toBe(1);
});

test('a text written in Turkish stays Turkish, and the page says so to screen readers', async ({
	page
}) => {
	await signInAs(page, /Daan/);
	await page.getByRole('link', { name: 'Repair Café Osdorp' }).click();
	const form = page.getByTestId('organisation-form');
	const language = form.getByLabel('Geschreven in');
	await expect(language).toHaveValue('nl');
	await language.selectOption({ label: 'Turks' });
	await form.getByLabel('Beschrijving').fill('Her ay bozuk eşyaları birlikte tamir ediyoruz.');
	await expect(form.getByLabel('Beschrijving')).toHaveAttribute('lang', 'tr');
	await form.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.getByTestId('saved')).toHaveText('Opgeslagen.');

	await page.getByRole('link', { name: 'Bekijk in de atlas' }).click();
	const detail = page.getByTestId('organisation-detail');
	await expect(detail.getByTestId('description')).toHaveAttribute('lang', 'tr');
	await expect(detail.getByTestId('description')).toHaveText(/tamir ediyoruz/);
	// Around it, the page still speaks Dutch.
	await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
	await expect(detail.getByRole('heading', { name: 'Thema’s' })).toBeVisible();
});

test('an edit on a stale version is refused and the typed input stays', async ({
	page,
	context
}) => {
	await signInAs(page, /Daan/);
	await openForEditing(page, 'Repair Café Osdorp');
	const form = page.getByTestId('organisation-form');
	await expect(form.getByLabel('Naam', { exact: true })).toHaveValue('Repair Café Osdorp');

	// Meanwhile, in another tab of the same browser, the same organisation is saved.
	const other = await context.newPage();
	await other.goto('/beheer/repair-cafe-osdorp');
	const otherForm = other.getByTestId('organisation-form');
	await otherForm.getByLabel('Plaats').fill('Amsterdam Nieuw-West');
	await otherForm.getByRole('button', { name: 'Opslaan' }).click();
	await expect(other.getByTestId('saved')).toBeVisible();

	await form.getByLabel('Naam', { exact: true }).fill('Repair Café op de hoek');
	await form.getByLabel('Beschrijving').fill('Wat ik net typte');
	await form.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.getByTestId('form-notice')).toContainText(
		'Iemand anders heeft dit intussen opgeslagen'
	);
	await expect(form.getByLabel('Naam', { exact: true })).toHaveValue('Repair Café op de hoek');
	await expect(form.getByLabel('Beschrijving')).toHaveValue('Wat ik net typte');

	// Loading the newer version shows what the other tab saved.
	await page.getByRole('button', { name: /Laad de nieuwe versie/ }).click();
	await expect(form.getByLabel('Plaats')).toHaveValue('Amsterdam Nieuw-West');
	await expect(form.getByLabel('Naam', { exact: true })).toHaveValue('Repair Café Osdorp');
});

test('a proposed collaboration is dashed until the other side confirms it, then solid', async ({
	page
}) => {
	await signInAs(page, /Daan/);
	await openForEditing(page, 'Repair Café Osdorp');
	await page.getByLabel('Met', { exact: true }).selectOption({ label: 'Wij Zijn Plein ’40-’45' });
	await page.getByLabel('Soort samenwerking').selectOption({ label: 'Gezamenlijk project' });
	await page.getByRole('button', { name: 'Voorstellen', exact: true }).click();
	const proposal = page
		.getByTestId('collaboration')
		.filter({ hasText: 'Wij Zijn Plein ’40-’45' })
		.filter({ hasText: 'Gezamenlijk project' });
	await expect(proposal).toHaveAttribute('data-status', 'proposed');
	await expect(proposal).toContainText('wacht op bevestiging van de ander');
	// The side that proposed cannot confirm it.
	await expect(proposal.getByRole('button', { name: 'Bevestigen' })).toHaveCount(0);

	// On the map and in the graph, as any visitor sees them, it is dashed.
	await signOut(page);
	await navigateTo(page, 'Kaart');
	await openOrganisation(page, 'Wij Zijn Plein ’40-’45');
	await page.getByRole('button', { name: 'Netwerk naast de kaart' }).click();
	await waitForMarkers(page);
	await expect.poll(() => mapAttribute(page, 'data-rendered-dashed')).toBe(1);
	const canvas = page.getByTestId('network-canvas');
	await expect(canvas).toHaveAttribute('data-layout', 'settled');
	const dashedBefore = Number(await canvas.getAttribute('data-dashed-ties'));
	expect(dashedBefore).toBeGreaterThanOrEqual(1);

	await signInAs(page, /Fatima/);
	await expect(
		page.getByText('1 voorgestelde samenwerking wacht op jouw bevestiging')
	).toBeVisible();
	await page.getByRole('link', { name: 'Wij Zijn Plein ’40-’45' }).click();
	const incoming = page
		.getByTestId('collaboration')
		.filter({ hasText: 'Repair Café Osdorp' })
		.filter({ hasText: 'Gezamenlijk project' });
	await expect(incoming).toContainText('voorgesteld door de ander');
	await incoming.getByRole('button', { name: 'Bevestigen' }).click();
	await expect(incoming).toHaveAttribute('data-status', 'active');

	await signOut(page);
	await navigateTo(page, 'Kaart');
	await openOrganisation(page, 'Wij Zijn Plein ’40-’45');
	await page.getByRole('button', { name: 'Netwerk naast de kaart' }).click();
	await waitForMarkers(page);
	await expect.poll(() => mapAttribute(page, 'data-rendered-collaborations')).toBeGreaterThan(0);
	await expect.poll(() => mapAttribute(page, 'data-rendered-dashed')).toBe(0);
	await expect(page.getByTestId('network-canvas')).toHaveAttribute(
		'data-dashed-ties',
		String(dashedBefore - 1)
	);
	await expect(
		page
			.getByTestId('collaborations')
			.getByRole('listitem')
			.filter({ hasText: 'Repair Café Osdorp' })
	).not.toContainText('Nog niet bevestigd');
});

test('an anonymous suggestion, accepted by a coordinator, appears on the map', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('link', { name: 'Initiatief aanmelden' }).click();
	const form = page.getByTestId('suggest-form');
	// Without a name or a place nothing is sent, and the form says why.
	await form.getByRole('button', { name: 'Versturen' }).click();
	await expect(form.getByText('Geef een naam van 2 tot 160 tekens.')).toBeVisible();
	await form.getByLabel('Naam', { exact: true }).fill('Boekenkast Sloterplas');
	await form.getByLabel('Wat doet het initiatief?').fill('Ruilen van boeken bij de speeltuin.');
	await form.getByLabel('Cultuur en ontmoeting').check();
	await form.getByRole('button', { name: 'Kies op de kaart' }).click();
	await waitForMarkers(page);
	await clickEmptySpot(page);
	await expect(form.getByTestId('location-chosen')).toContainText('Gekozen:');
	await form.getByRole('button', { name: 'Versturen' }).click();
	await expect(page.getByTestId('suggestion-sent')).toContainText('Dank je!');

	// Not public until accepted.
	await navigateTo(page, 'Kaart');
	await page.getByRole('combobox', { name: 'Zoek een organisatie' }).fill('Boekenkast');
	await expect(page.getByRole('listbox', { name: 'Suggesties' })).toContainText('Niets gevonden.');

	await signInAs(page, /Sanne/);
	await page.getByTestId('moderation-link').click();
	const suggestion = page.getByTestId('suggestion').filter({ hasText: 'Boekenkast Sloterplas' });
	await suggestion.getByRole('button', { name: 'Accepteren en op de kaart zetten' }).click();
	await expect(page).toHaveURL(/\/organisaties\/boekenkast-sloterplas/);
	await expect(
		page.getByTestId('organisation-detail').getByRole('heading', { level: 1 })
	).toHaveText('Boekenkast Sloterplas');

	// As any visitor: on the map, and found by search.
	await signOut(page);
	await navigateTo(page, 'Kaart');
	await openOrganisation(page, 'Boekenkast Sloterplas');
	await waitForMarkers(page);
	await expect.poll(() => mapAttribute(page, 'data-rendered-selected')).toBe(1);
	await page.getByRole('combobox', { name: 'Zoek een organisatie' }).fill('Boekenkast');
	await expect(page.getByRole('option', { name: /Boekenkast Sloterplas/ })).toBeVisible();
});

test('a coordinator rejects a suggestion only with a reason', async ({ page }) => {
	await signInAs(page, /Sanne/);
	await page.getByTestId('moderation-link').click();
	const suggestion = page
		.getByTestId('suggestion')
		.filter({ hasText: 'Buurtbibliotheek Sloterplas' });
	await suggestion.getByRole('button', { name: 'Afwijzen' }).click();
	await suggestion.getByRole('button', { name: 'Afwijzen met deze reden' }).click();
	await expect(suggestion.getByText('Geef een reden van minstens 3 tekens.')).toBeVisible();
	await suggestion.getByLabel('Waarom wijs je het af?').fill('Staat er al in als Boekenruil');
	await suggestion.getByRole('button', { name: 'Afwijzen met deze reden' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'is afgewezen' })).toBeVisible();
	await expect(page.getByTestId('suggestion')).toHaveCount(0);
});

test('a coordinator restores an earlier version from the history', async ({ page }) => {
	await signInAs(page, /Sanne/);
	await openForEditing(page, 'Repair Café Osdorp');
	const form = page.getByTestId('organisation-form');
	await form.getByLabel('Naam', { exact: true }).fill('Weg ermee');
	await form.getByLabel('Beschrijving').fill('');
	await form.getByLabel('Groen en duurzaamheid').uncheck();
	await form.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.getByTestId('saved')).toBeVisible();

	await page.getByRole('link', { name: 'Geschiedenis' }).click();
	const versions = page.getByTestId('version');
	await expect(versions.first()).toContainText('Sanne (demo), gebiedsmakelaar');
	await expect(versions.first()).toContainText('Gewijzigd: Naam en Beschrijving');
	await expect(versions.first()).toContainText('Thema’s eraf: Groen en duurzaamheid');
	await expect(versions.first()).toContainText('Huidige versie');
	const seeded = versions.filter({ hasText: 'startgegevens van de atlas' });
	await seeded.getByRole('button', { name: 'Deze versie terugzetten' }).click();
	await expect(page.getByTestId('restored')).toContainText('Teruggezet');
	// The restore is a version of its own: nothing was lost.
	await expect(versions).toHaveCount(3);

	await page.getByRole('link', { name: 'Terug naar bewerken' }).click();
	await expect(form.getByLabel('Naam', { exact: true })).toHaveValue('Repair Café Osdorp');
	await expect(form.getByLabel('Groen en duurzaamheid')).toBeChecked();
	await expect(form.getByLabel('Beschrijving')).not.toHaveValue('');
});

test('a member archives their organisation instead of deleting it, and brings it back', async ({
	page
}) => {
	await signInAs(page, /Daan/);
	await openForEditing(page, 'Repair Café Osdorp');
	await page.getByRole('button', { name: 'Archiveren' }).click();
	await expect(
		page.getByRole('alert').filter({ hasText: 'Je kunt haar later terughalen' })
	).toBeVisible();
	await page.getByRole('button', { name: 'Ja, archiveren' }).click();
	await expect(page.getByTestId('edit-status')).toHaveText('Gearchiveerd');
	// Off the map and out of search for everyone, members included.
	await navigateTo(page, 'Kaart');
	await page.getByRole('combobox', { name: 'Zoek een organisatie' }).fill('Repair Café Osdorp');
	await expect(page.getByRole('listbox', { name: 'Suggesties' })).toContainText('Niets gevonden.');
	await navigateTo(page, 'Beheer');
	await page.getByRole('link', { name: 'Repair Café Osdorp', exact: true }).click();
	await page.getByRole('button', { name: 'Terughalen als concept' }).click();
	await expect(page.getByTestId('edit-status')).toHaveText('Concept');
	// Publishing again is the coordinator's.
	await expect(page.getByRole('button', { name: 'Publiceren' })).toHaveCount(0);
});

test('a coordinator sees what in her area goes stale, and its editor confirms it in one click', async ({
	page
}) => {
	await signInAs(page, /Sanne/);
	const rows = page.getByTestId('stale-list').getByTestId('stale-row');
	// Oldest first: the seed's made-up entries that went 27, 19, 14, 13 and 11 months unconfirmed.
	await expect(rows).toHaveCount(5);
	await expect(rows.first()).toContainText('Schaakclub Westlandgracht');
	await expect(rows.first()).toContainText('niet meer voorgesteld');
	const repairRow = rows.filter({ hasText: 'Repair Café Osdorp' });
	await expect(repairRow.getByTestId('illustrative-badge')).toHaveText('Voorbeeld');
	const mail = (await repairRow.getByTestId('stale-remind').getAttribute('href'))!;
	expect(mail).toMatch(/^mailto:daan@demo\.buurtatlas\.invalid\?subject=/);
	const body = new URLSearchParams(mail.slice(mail.indexOf('?') + 1)).get('body')!;
	expect(body).toContain('Repair Café Osdorp');
	expect(body).toMatch(/\/organisaties\/repair-cafe-osdorp\n/);
	await signOut(page);

	await signInAs(page, /Daan/);
	await page.getByRole('link', { name: 'Repair Café Osdorp', exact: true }).click();
	const confirm = page.getByTestId('confirm-current');
	await expect(confirm).toContainText('Meer dan een jaar niet bevestigd');
	// What is typed stays through a confirmation, and still saves after it.
	const form = page.getByTestId('organisation-form');
	await form.getByLabel('Beschrijving').fill('Nog altijd elke derde zaterdag.');
	await confirm.getByRole('button', { name: 'Alles klopt nog' }).click();
	await expect(confirm.getByTestId('confirm-done')).toHaveText('Bevestigd. Dank je wel!');
	await expect(confirm).not.toContainText('Meer dan een jaar');
	await expect(form.getByLabel('Beschrijving')).toHaveValue('Nog altijd elke derde zaterdag.');
	await form.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.getByTestId('saved')).toHaveText('Opgeslagen.');

	await page.getByRole('link', { name: 'Geschiedenis' }).click();
	await expect(page.getByText('Bevestigd als juist')).toBeVisible();
	await expect(
		page.getByText(/Samenwerking bevestigd als lopend: .*Naaiatelier Osdorp/)
	).toBeVisible();

	await openOrganisation(page, 'Repair Café Osdorp');
	const detail = page.getByTestId('organisation-detail');
	const badges = detail.getByTestId('detail-badges');
	await expect(badges.getByTestId('illustrative-badge')).toBeVisible();
	await expect(badges.getByTestId('stale-badge')).toHaveCount(0);
	// Today where the browser is (playwright.config.ts), not where the tests run: from 23:00
	// UTC it is already tomorrow in Amsterdam.
	const today = new Intl.DateTimeFormat('nl', {
		dateStyle: 'long',
		timeZone: browserTimeZone
	}).format(new Date());
	await expect(detail.getByTestId('confirmed-on')).toHaveText(`Laatst bevestigd: ${today}`);
	await signOut(page);

	await signInAs(page, /Sanne/);
	await expect(rows).toHaveCount(4);
	await expect(rows.filter({ hasText: 'Repair Café Osdorp' })).toHaveCount(0);
});

test('a visitor reads that an entry has not been confirmed for over a year', async ({ page }) => {
	await page.goto('/organisaties/seniorenclub-riekerpolder');
	const detail = page.getByTestId('organisation-detail');
	const badges = detail.getByTestId('detail-badges');
	await expect(badges.getByTestId('stale-badge')).toHaveText('Niet recent bevestigd');
	await expect(detail.getByTestId('stale-note')).toContainText('niemand heeft deze gegevens sinds');
	await expect(badges.getByTestId('illustrative-badge')).toHaveText('Voorbeeld');
});

test('an editor says when a collaboration began, as a month, and a wrong date keeps what was typed', async ({
	page
}) => {
	await signInAs(page, /Daan/);
	await page.getByRole('link', { name: 'Repair Café Osdorp', exact: true }).click();
	const row = page.getByTestId('collaboration').filter({ hasText: 'Naaiatelier Osdorp' });
	await row
		.getByRole('button', { name: 'Wanneer liep de samenwerking met Naaiatelier Osdorp?' })
		.click();
	const dates = row.getByTestId('collaboration-dates');
	await dates.getByLabel('Begonnen').fill('maart');
	await dates.getByRole('button', { name: 'Datums opslaan' }).click();
	await expect(dates.getByText(/^Geen datum/)).toBeVisible();
	await expect(dates.getByLabel('Begonnen')).toHaveAttribute('aria-invalid', 'true');
	await expect(dates.getByLabel('Begonnen')).toHaveValue('maart');

	await dates.getByLabel('Begonnen').fill('3-2019');
	await dates.getByRole('button', { name: 'Datums opslaan' }).click();
	await expect(dates).toHaveCount(0);
	await expect(row.getByTestId('collaboration-period')).toHaveText('sinds maart 2019');

	// The organisation itself: a start next year is named on its field, and the form keeps it.
	const form = page.getByTestId('organisation-form');
	const thisYear = new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: browserTimeZone });
	const nextYear = String(Number(thisYear.format(new Date())) + 1);
	await form.getByLabel('Begonnen').fill(nextYear);
	await form.getByRole('button', { name: 'Opslaan' }).click();
	await expect(form.getByText('Dat ligt in de toekomst.')).toBeVisible();
	await expect(form.getByLabel('Begonnen')).toHaveValue(nextYear);
	await form.getByLabel('Begonnen').fill('2016');
	await form.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.getByTestId('saved')).toHaveText('Opgeslagen.');
	await page.getByRole('link', { name: 'Bekijk in de atlas' }).click();
	await expect(page.getByTestId('organisation-period')).toHaveText('Actief sinds 2016');
});

test('a coordinator adds a member, who can then edit; an admin makes someone coordinator and withdraws it; both in the history', async ({
	page
}) => {
	await signInAs(page, /Sanne/);
	await openForEditing(page, 'Repair Café Osdorp');
	const people = page.getByTestId('members');
	await expect(people.getByTestId('member')).toHaveText([/Daan \(demo\)\s*beheerder/]);
	await people.getByLabel('Persoon').selectOption({ label: 'Noor (demo)' });
	await people.getByRole('button', { name: 'Toevoegen' }).click();
	await expect(people.getByTestId('member-added')).toHaveText('Noor (demo) kan dit nu bewerken.');
	await expect(people.getByTestId('member')).toHaveCount(2);
	await page.getByRole('link', { name: 'Geschiedenis' }).click();
	await expect(page.getByText('Lid toegevoegd', { exact: false }).first()).toBeVisible();
	await signOut(page);

	await signInAs(page, /Noor/);
	await openForEditing(page, 'Repair Café Osdorp');
	const form = page.getByTestId('organisation-form');
	await form.getByLabel('Beschrijving').fill('Ook Noor helpt nu mee.');
	await form.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.getByTestId('saved')).toHaveText('Opgeslagen.');
	await signOut(page);

	await signInAs(page, /Beheer/);
	await page.getByTestId('roles-link').click();
	const roles = page.getByTestId('roles');
	await page.getByLabel('Persoon').selectOption({ label: 'Noor (demo)' });
	await page.getByLabel('Gebied').selectOption({ label: 'Osdorp-Oost (wijk)' });
	await page.getByRole('button', { name: 'Coördinator maken' }).click();
	const noorsRole = roles.getByTestId('role').filter({ hasText: 'Noor (demo)' });
	await expect(noorsRole).toContainText('coördinator van Osdorp-Oost');
	await noorsRole.getByRole('button', { name: 'Intrekken' }).click();
	await noorsRole.getByRole('button', { name: 'Ja, intrekken' }).click();
	await expect(noorsRole).toHaveCount(0);
	const history = page.getByTestId('role-history');
	await expect(history.getByRole('listitem').first()).toContainText(
		'Beheer (demo) trok de rol coördinator van Osdorp-Oost van Noor (demo) in'
	);
	await expect(history.getByRole('listitem').nth(1)).toContainText(
		'Beheer (demo) maakte Noor (demo) coördinator van Osdorp-Oost'
	);
});

test('an organisation’s admin invites a co-editor by address, who can edit once she signs in', async ({
	page
}) => {
	await signInAs(page, /Daan/);
	await openForEditing(page, 'Repair Café Osdorp');
	const people = page.getByTestId('members');
	const invite = people.getByTestId('invite');
	await invite.getByLabel('E-mailadres').fill('noor@demo');
	await invite.getByRole('button', { name: 'Uitnodigen' }).click();
	await expect(people.getByRole('alert')).toHaveText('Een e-mailadres zoals naam@voorbeeld.nl.');
	await expect(invite.getByLabel('E-mailadres')).toHaveValue('noor@demo');

	await invite.getByLabel('E-mailadres').fill('noor@demo.buurtatlas.invalid');
	await invite.getByRole('button', { name: 'Uitnodigen' }).click();
	await expect(people.getByTestId('member-invited')).toHaveText(
		'noor@demo.buurtatlas.invalid is uitgenodigd.'
	);
	const row = people.getByTestId('invitation');
	await expect(row).toContainText('noor@demo.buurtatlas.invalid');
	// The atlas sends no mail: the inviter sends this one, with the way in.
	const mail = (await row
		.getByRole('link', { name: 'Stuur de uitnodiging' })
		.getAttribute('href'))!;
	expect(mail).toMatch(/^mailto:noor@demo\.buurtatlas\.invalid\?subject=/);
	expect(decodeURIComponent(mail)).toMatch(/\/inloggen\n/);
	await signOut(page);

	await signInAs(page, /Noor/);
	await openForEditing(page, 'Repair Café Osdorp');
	await expect(page.getByTestId('members').getByTestId('member')).toHaveText([
		/Daan \(demo\)\s*beheerder/,
		/Noor \(demo\)\s*lid/
	]);
});
