/**
 * A coordinator brings in CBS's outlines and key figures for her district: the
 * wijk- en buurtkaart (wijken and buurten, GeoJSON) and the Kerncijfers wijken
 * en buurten (StatLine CSV), as CBS publishes them (tests/fixtures/cbs). The
 * network page then shows coverage per buurt, as a list and on the map; she
 * undoes the import and coverage says again that there are no figures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, expectNoAxeViolations, navigateTo, test, waitForMarkers } from './fixtures';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'cbs');
const files = [
	'wijken_2023.geojson',
	'buurten_2023.geojson',
	'kerncijfers-wijken-en-buurten-2023.csv'
].map((name) => ({
	name,
	mimeType: name.endsWith('.csv') ? 'text/csv' : 'application/geo+json',
	buffer: readFileSync(join(fixtures, name))
}));

test('a coordinator imports CBS areas and figures, sees coverage on list and map, and undoes it', async ({
	page
}) => {
	test.setTimeout(120_000);
	await page.goto('/netwerk');
	const coverage = page.getByTestId('coverage');
	// The seed has no figures, and coverage says so rather than counting zero.
	await expect(page.getByTestId('coverage-no-figures')).toContainText(
		'Er zijn nog geen inwonersaantallen'
	);

	await navigateTo(page, 'Inloggen');
	await page.getByRole('button', { name: /Sanne/ }).click();
	await expect(page).toHaveURL(/\/beheer$/);
	await page.getByTestId('areas-link').click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Gebieden en kerncijfers' })
	).toBeVisible();
	await page.getByLabel('Kies bestanden').setInputFiles(files);

	const summary = page.getByTestId('area-files');
	await expect(summary).toContainText('wijken_2023.geojson: grenzen van 2 gebieden');
	await expect(summary).toContainText('buurten_2023.geojson: grenzen van 5 gebieden');
	await expect(summary).toContainText(
		'kerncijfers-wijken-en-buurten-2023.csv: kerncijfers van 7 gebieden'
	);
	// StatLine names the table by year; the year is taken from the file's name and can be changed.
	await expect(page.getByLabel(/Jaar van de cijfers/)).toHaveValue('2023');
	await expect(page.getByText(/Cijfers van 2 gebieden die niet in de atlas staan/)).toBeVisible();

	// The database's own check: her buurten go in, Haarlemmermeer is not hers.
	const counts = page.getByTestId('areas-counts');
	await expect(counts).toContainText('Grenzen: 4 nieuw, 1 bijgewerkt, 0 ongewijzigd');
	await expect(counts).toContainText('Kerncijfers: 5 nieuw, 0 bijgewerkt, 0 ongewijzigd');
	await expect(counts).toContainText('5 organisaties komen in de buurt te staan waarin ze liggen.');
	const refused = page.getByTestId('areas-refused');
	await expect(refused.getByRole('listitem')).toHaveCount(2);
	await expect(refused).toContainText(
		'WK039401 (grenzen, rij 2): De wijk of gemeente waar dit gebied onder valt'
	);
	await expectNoAxeViolations(page);

	await page.getByTestId('areas-import').click();
	await expect(page.getByTestId('areas-written')).toContainText('Geïmporteerd.');
	await expect(page.getByTestId('recent-import').first()).toContainText('wijken_2023.geojson');

	// Coverage per buurt: the buurt without any initiative first.
	await navigateTo(page, 'Netwerk');
	await expect(coverage).toContainText('per buurt (CBS-kerncijfers 2023)');
	const rows = page.getByTestId('coverage-rows').getByRole('listitem');
	await expect(rows).toHaveCount(4);
	await expect(rows.first()).toContainText('Slotermeer-Noordoost Oost: geen initiatief');
	await expect(rows.first()).toContainText('0 initiatieven · 3.480 inwoners');
	await expect(rows.last()).toContainText('Plein ’40-’45 e.o.: 0,9 per 1.000 inwoners');
	await expect(
		page.getByTestId('coverage-uncovered-older').getByRole('listitem').first()
	).toHaveText('Slotermeer-Noordoost Oost: 580 inwoners van 65 jaar en ouder');
	await expect(page.getByTestId('coverage-uncovered-low-income')).toContainText(
		'Slotermeer-Noordoost Oost: ongeveer 300 huishoudens met een laag inkomen'
	);

	// On the map, as a choropleth with its legend.
	await waitForMarkers(page);
	await page.getByTestId('coverage-on-map').click();
	await expect(page.getByTestId('coverage-on-map')).toHaveAttribute('aria-pressed', 'true');
	await expect(page.getByTestId('coverage-legend')).toContainText(
		'Initiatieven per 1.000 inwoners'
	);
	await expect(page.getByTestId('map')).toHaveAttribute('data-rendered-coverage-areas', '4');
	await expectNoAxeViolations(page);

	// A buurt is an area of the filter: choosing it shows what lies in it.
	await rows.last().getByRole('link').click();
	await expect(page).toHaveURL(/gebied=BU03637600/);

	// Undo: outlines, figures and the organisations' buurten go back.
	await navigateTo(page, 'Beheer');
	await page.getByTestId('areas-link').click();
	const latest = page.getByTestId('recent-import').first();
	await latest.getByRole('button', { name: 'Import ongedaan maken' }).click();
	await latest.getByRole('button', { name: 'Ja, ongedaan maken' }).click();
	await expect(page.getByTestId('import-undone')).toBeVisible();
	await navigateTo(page, 'Netwerk');
	await expect(page.getByTestId('coverage-no-figures')).toBeVisible();
	await expect(page.getByTestId('coverage-legend')).toHaveCount(0);
});
