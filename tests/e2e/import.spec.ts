/**
 * A coordinator brings a district in from a Kumu workbook: 200 organisations
 * and 600 ties, with a row the geocoder finds, a misspelt address she fixes, a
 * row she places on the map, a website the atlas refuses, an organisation the
 * atlas already has, and a partner not in the atlas yet. She checks it in the
 * database, imports, sees it on the map and in the network, and undoes it.
 */
import {
	answerGeocoderFromFixtures,
	expect,
	expectNoAxeViolations,
	test,
	waitForMarkers
} from './fixtures';
import {
	kumuElementName,
	kumuWorkbook,
	specialRows,
	unknownPartner
} from '../fixtures/kumu-workbook';

test('a coordinator imports a Kumu workbook, sees it on map and network, and undoes it', async ({
	page
}) => {
	test.setTimeout(180_000);
	await answerGeocoderFromFixtures(page);
	const workbook = await kumuWorkbook({ organisations: 200, ties: 600 });

	await page.goto('/inloggen');
	await page.getByRole('button', { name: /Sanne/ }).click();
	await expect(page).toHaveURL(/\/beheer$/);
	const map = page.getByTestId('map');
	await waitForMarkers(page);
	const before = Number(await map.getAttribute('data-rendered-organisations'));
	await page.getByTestId('import-link').click();
	await expect(page.getByRole('heading', { level: 1, name: 'Importeren' })).toBeVisible();
	await expect(page.getByTestId('recent-imports')).toContainText('Nog geen imports.');

	await page.getByLabel('Kies een of twee bestanden').setInputFiles({
		name: 'nieuw-west.xlsx',
		mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		buffer: Buffer.from(workbook)
	});

	// Columns: proposed from Kumu's headers, every one shown, changeable.
	const columns = page.getByTestId('mapping-organisations');
	await expect(columns).toContainText('Organisaties uit Elements (200 rijen)');
	await expect(columns.getByLabel(/^Label/)).toHaveValue('name');
	await expect(columns.getByLabel(/^Tags/)).toHaveValue('themes');
	await expect(columns.getByLabel(/^Latitude/)).toHaveValue('lat');
	await expect(page.getByTestId('unmapped-organisations')).toContainText('Alle kolommen');
	await columns.getByLabel(/^Plaats/).selectOption('');
	await expect(page.getByTestId('unmapped-organisations')).toContainText('Niet gebruikt: Plaats');
	await columns.getByLabel(/^Plaats/).selectOption('city');
	await expectNoAxeViolations(page);
	await expect(page.getByTestId('mapping-ties')).toContainText(
		'Samenwerkingen uit Connections (600 rijen)'
	);

	// Places: two addresses to look up; one is found, one is misspelt.
	const places = page.getByTestId('places-step');
	await places.getByRole('button', { name: 'Adressen opzoeken' }).click();
	await expect(page.getByTestId('unplaced-row')).toHaveCount(2);
	const misspelt = page
		.getByTestId('unplaced-row')
		.filter({ hasText: `rij ${specialRows.misspelt}` });
	await expect(misspelt).toContainText('Adres niet gevonden');
	await misspelt.getByRole('textbox').fill('Osdorpplein 1000, Amsterdam');
	await misspelt.getByRole('button', { name: 'Zoek opnieuw' }).click();
	await expect(page.getByTestId('unplaced-row')).toHaveCount(1);
	// The last one is placed by hand, on an empty spot of the map.
	await page.getByTestId('unplaced-row').getByRole('button', { name: 'Kies op de kaart' }).click();
	const box = (await map.boundingBox())!;
	await page.mouse.click(box.x + box.width * 0.9, box.y + box.height * 0.15);
	await expect(page.getByTestId('unplaced-row')).toHaveCount(0);

	// The preview: counts, the row already in the atlas, the refused row with its reason.
	await expect(page.getByTestId('import-counts')).toHaveText(
		'Nieuw: 198 · bijwerken: 1 · overslaan: 0 · geweigerd: 1 · zonder plaats: 0'
	);
	await expect(page.getByTestId('match-row')).toContainText(
		'Stichting Repair Café Osdorp is Repair Café Osdorp in de atlas'
	);
	await expect(page.getByTestId('refusal')).toContainText(
		`Organisaties rij ${specialRows.badWebsite}: Een webadres dat begint met https://`
	);
	// Drawn before anything is written: the new organisations on the map, ringed.
	await expect
		.poll(async () => Number(await map.getAttribute('data-rendered-highlighted')))
		.toBeGreaterThan(0);

	await page.getByRole('button', { name: 'Controleer in de database' }).click();
	await expect(page.getByTestId('import-checked')).toContainText(
		'198 nieuw, 1 bijgewerkt, 0 ongewijzigd, 0 geweigerd'
	);
	await expect(page.getByTestId('recent-imports')).toContainText('Nog geen imports.');

	await page.getByRole('button', { name: 'Importeren', exact: true }).click();
	await expect(page.getByTestId('import-done')).toContainText('198 nieuw, 1 bijgewerkt');
	// Ties to the refused row and to a partner not in the atlas are kept as proposals.
	await expect(page.getByTestId('import-done')).toContainText(
		'593 samenwerkingen, 7 als voorstel bewaard'
	);
	await expect(page.getByTestId('recent-import')).toContainText('nieuw-west.xlsx');

	// On the map and in the network, as written, for a visitor too.
	await expect
		.poll(async () => Number(await map.getAttribute('data-rendered-organisations')))
		.toBeGreaterThan(before);
	await page.getByRole('button', { name: 'Netwerk naast de kaart' }).click();
	const canvas = page.getByTestId('network-canvas');
	await expect(canvas).toHaveAttribute('data-layout', 'settled', { timeout: 60_000 });
	const nodes = Number(await canvas.getAttribute('data-nodes'));
	expect(nodes).toBeGreaterThan(250);

	// The tie to a partner not in the atlas waits on the organisation's page.
	await page.getByRole('navigation').getByRole('link', { name: 'Beheer', exact: true }).click();
	await page.getByRole('link', { name: kumuElementName(0), exact: true }).click();
	await expect(page.getByTestId('pending-tie')).toContainText(
		`Met ${unknownPartner} (nog niet in de atlas) · Partnerschap`
	);
	// The way back, its arrow hidden from screen readers (it points the other way in Arabic).
	await page.getByRole('main').getByRole('link', { name: 'Beheer', exact: true }).click();
	await page.getByTestId('import-link').click();
	const toggle = page.getByRole('button', { name: 'Netwerk naast de kaart' });
	if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
	await expect(canvas).toHaveAttribute('data-nodes', String(nodes), { timeout: 60_000 });

	// Undone as a whole, from the list of imports.
	await page.getByRole('button', { name: 'Import ongedaan maken' }).click();
	await page.getByRole('button', { name: 'Ja, ongedaan maken' }).click();
	await expect(page.getByTestId('import-undone')).toHaveText('De import is ongedaan gemaakt.');
	await expect(page.getByTestId('recent-import')).toContainText('ongedaan gemaakt');
	await expect
		.poll(async () => Number(await canvas.getAttribute('data-nodes')), { timeout: 60_000 })
		.toBeLessThan(nodes - 190);
	await page
		.getByRole('combobox', { name: 'Zoek een organisatie' })
		.fill('Buurtgroep Osdorpplein 1');
	await expect(page.getByRole('listbox', { name: 'Suggesties' })).toContainText('Niets gevonden.');
});
