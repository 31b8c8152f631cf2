/**
 * Taking the atlas out: a visitor exports what the filters show as HSDS 3.0,
 * which validates against the official schema; a coordinator exports CSV and
 * reads it back in through the import, which finds every row already there,
 * unchanged: the export holds the atlas as it is.
 */
import type { Download, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { PNG } from 'pngjs';
import { kindGroupColour } from '../../src/lib/kinds/kind-style';
import { expect, test, waitForFilters, waitForMarkers } from './fixtures';
import { standardValidators } from '../standards';

async function downloadsOf(page: Page, format: RegExp, count: number): Promise<Download[]> {
	const downloads: Download[] = [];
	page.on('download', (download) => downloads.push(download));
	const menu = page.getByTestId('export-menu');
	await menu.getByRole('button', { name: 'Exporteren' }).click();
	await menu.getByRole('button', { name: format }).click();
	await expect.poll(() => downloads.length).toBe(count);
	return downloads;
}

const text = async (download: Download) => readFile((await download.path())!, 'utf8');

/** How many organisations the export menu says it will export: what the filters show. */
async function exportCount(page: Page): Promise<number> {
	const menu = page.getByTestId('export-menu');
	await menu.getByRole('button', { name: 'Exporteren' }).click();
	const count = Number(/(\d+) organisaties/.exec((await menu.textContent()) ?? '')?.[1]);
	await menu.getByRole('button', { name: 'Exporteren' }).click();
	return count;
}

test('a visitor exports what the filters show as HSDS 3.0, valid against the schema', async ({
	page
}) => {
	await page.goto('/');
	await waitForMarkers(page);
	await page.getByText('Filters', { exact: true }).click();
	await page.getByRole('checkbox', { name: 'Taal en inburgering' }).check();
	await expect(page).toHaveURL(/thema=taal-inburgering/);
	// The markers may be the early answers; what the filter shows is the database's to say.
	await waitForFilters(page);
	const shown = await exportCount(page);
	expect(shown).toBeGreaterThan(0);

	const [hsdsFile] = await downloadsOf(page, /HSDS/, 1);
	expect(hsdsFile!.suggestedFilename()).toMatch(/^buurtatlas-hsds-\d{4}-\d\d-\d\d\.json$/);
	const organisations = JSON.parse(await text(hsdsFile!)) as Record<string, unknown>[];
	expect(organisations).toHaveLength(shown);
	const { hsds } = standardValidators();
	for (const organisation of organisations) {
		hsds(organisation);
		expect(hsds.errors ?? [], String(organisation['name'])).toEqual([]);
	}
});

test('a CSV export reads back in through the import, every row unchanged', async ({ page }) => {
	await page.goto('/inloggen');
	await page.getByRole('button', { name: /Sanne/ }).click();
	await expect(page).toHaveURL(/\/beheer$/);
	await waitForMarkers(page);
	const files = await downloadsOf(page, /CSV/, 2);
	files.sort((a, b) => a.suggestedFilename().localeCompare(b.suggestedFilename()));
	expect(files[0]!.suggestedFilename()).toMatch(/^buurtatlas-organisaties-/);
	expect(files[1]!.suggestedFilename()).toMatch(/^buurtatlas-samenwerkingen-/);
	// Counted in the file, not in the menu: signing in widens what the atlas
	// shows (her own drafts) and the menu may have counted the moment before.
	const rows = Papa.parse(await text(files[0]!), { header: true, skipEmptyLines: true }).data
		.length;
	expect(rows).toBeGreaterThan(50);

	await page.getByTestId('import-link').click();
	await page.getByLabel('Kies een of twee bestanden').setInputFiles(
		await Promise.all(
			files.map(async (file) => ({
				name: file.suggestedFilename(),
				mimeType: 'text/csv',
				buffer: Buffer.from(await text(file))
			}))
		)
	);
	await expect(page.getByTestId('unmapped-organisations')).toHaveText(
		'Alle kolommen worden gebruikt.'
	);
	await expect(page.getByTestId('import-counts')).toContainText(`Nieuw: 0 · bijwerken: ${rows}`);
	await page.getByRole('button', { name: 'Controleer in de database' }).click();
	await expect(page.getByTestId('import-checked')).toContainText(
		`0 nieuw, 0 bijgewerkt, ${rows} ongewijzigd, 0 geweigerd; 0 samenwerkingen, 0 als voorstel bewaard`
	);
});

test('the map as a picture: twice the resolution, its markers, and a caption with the legend', async ({
	page
}) => {
	await page.goto('/');
	await waitForMarkers(page);
	const [download] = await downloadsOf(page, /Kaart als afbeelding/, 1);
	expect(download!.suggestedFilename()).toMatch(/^buurtatlas-kaart-\d{4}-\d\d-\d\d\.png$/);
	const png = PNG.sync.read(await readFile((await download!.path())!));
	const box = (await page.getByTestId('map').locator('canvas').boundingBox())!;
	expect(png.width).toBe(Math.round(box.width * 2));
	const drawing = Math.round(box.height * 2);
	expect(png.height).toBeGreaterThan(drawing + 100);
	const count = (from: number, to: number, hex: string) => {
		const want = [1, 3, 5].map((n) => parseInt(hex.slice(n, n + 2), 16));
		let n = 0;
		for (let y = from; y < to; y++)
			for (let x = 0; x < png.width; x++) {
				const i = (y * png.width + x) * 4;
				if (want.every((c, k) => Math.abs(png.data[i + k]! - c) < 12)) n += 1;
			}
		return n;
	};
	// Markers in the drawing, each kind's swatch in the legend under it.
	expect(count(0, drawing, kindGroupColour.resident_led)).toBeGreaterThan(200);
	for (const colour of Object.values(kindGroupColour))
		expect(count(drawing, png.height, colour)).toBeGreaterThan(40);
});
