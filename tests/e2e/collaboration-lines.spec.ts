import { countMarkerPixels, expect, test, waitForMarkers } from './fixtures';

test('a selected organisation shows lines to its partners, coloured by kind', async ({ page }) => {
	await page.goto('/organisaties/stadsdeel-nieuw-west');
	await waitForMarkers(page);
	const map = page.getByTestId('map');
	await expect(page.getByTestId('organisation-detail')).toBeVisible();

	// The stadsdeel has many ties in Nieuw-West; each partner it lists is a line from it.
	const partners = await page.getByTestId('collaborations').getByRole('listitem').count();
	expect(partners).toBeGreaterThan(10);
	await expect
		.poll(async () => Number(await map.getAttribute('data-rendered-collaborations')))
		.toBe(partners);
	// Partnerships (green) and funding (brown) both reach the canvas.
	expect(await countMarkerPixels(page, '#2b8a3e')).toBeGreaterThan(50);
	expect(await countMarkerPixels(page, '#b35c00')).toBeGreaterThan(50);
	// Partners hidden in a cluster: their lines end at the cluster, not at a hidden point.
	await expect
		.poll(async () => Number(await map.getAttribute('data-partner-ends-moved')))
		.toBeGreaterThan(0);

	await page.getByRole('link', { name: /Terug naar de lijst/ }).click();
	await expect
		.poll(async () => Number(await map.getAttribute('data-rendered-collaborations')))
		.toBe(0);
});

test('up close, where no partner is clustered, every line ends at the partner itself', async ({
	page
}) => {
	await page.goto('/organisaties/stadsdeel-nieuw-west?kaart=16/52.37/4.80');
	await waitForMarkers(page);
	const map = page.getByTestId('map');
	await expect
		.poll(async () => Number(await map.getAttribute('data-rendered-collaborations')))
		.toBeGreaterThan(0);
	await expect(map).toHaveAttribute('data-partner-ends-moved', '0');
});

test('the network on the map draws the ties in view, counted between cells and one by one up close', async ({
	page
}) => {
	await page.goto('/?kaart=11/52.37/4.80');
	const map = page.getByTestId('map');
	await waitForMarkers(page);
	const attribute = async (name: string) => Number(await map.getAttribute(`data-rendered-${name}`));
	await expect.poll(() => attribute('cells')).toBeGreaterThan(0);
	expect(await attribute('network-ties')).toBe(0);

	const toggle = page.getByTestId('map-network-toggle');
	await toggle.click();
	await expect(toggle).toHaveAttribute('aria-pressed', 'true');
	await expect(page).toHaveURL(/banden=alle/);
	await expect(page.getByTestId('network-legend')).toBeVisible();
	await expect.poll(() => attribute('network-ties')).toBeGreaterThan(5);
	// Ties between cells are drawn in the brand's colour, wider as they are more.
	expect(await countMarkerPixels(page, '#1f4e5f')).toBeGreaterThan(0);

	// Up close: no cells, each tie between two organisations.
	const zoom = () => Number(new URL(page.url()).searchParams.get('kaart')?.split('/')[0]);
	while ((await zoom()) < 15) {
		const before = await zoom();
		await page.getByRole('button', { name: 'Inzoomen' }).click();
		await expect.poll(zoom).toBeGreaterThan(before);
	}
	await expect.poll(() => attribute('cells')).toBe(0);
	await expect.poll(() => attribute('network-ties')).toBeGreaterThan(0);

	await toggle.click();
	await expect.poll(() => attribute('network-ties')).toBe(0);
	await expect(page).not.toHaveURL(/banden=alle/);
});
