import { expect, largestPatchOf, test, waitForMarkers } from './fixtures';
import { kindGroupColour } from '../../src/lib/map/kind-style';

test('nearby organisations form a cluster that names its size on hover and opens on click', async ({
	page
}) => {
	await page.goto('/');
	await waitForMarkers(page);
	const map = page.getByTestId('map');
	await expect
		.poll(async () => Number(await map.getAttribute('data-rendered-clusters')))
		.toBeGreaterThan(0);
	const clustersBefore = Number(await map.getAttribute('data-rendered-clusters'));
	const zoomBefore = Number(new URL(page.url()).searchParams.get('kaart')?.split('/')[0] ?? 0);

	// The biggest blue patch is a cluster of institutions: bigger than any single point.
	const cluster = await largestPatchOf(page, kindGroupColour.institution);
	await page.mouse.move(cluster.x, cluster.y);
	await expect(page.locator('.ba-tooltip')).toContainText(/\d+ organisaties hier/);

	await page.mouse.click(cluster.x, cluster.y);
	await expect
		.poll(() => Number(new URL(page.url()).searchParams.get('kaart')?.split('/')[0] ?? 0))
		.toBeGreaterThan(zoomBefore);
	await expect
		.poll(async () => Number(await map.getAttribute('data-rendered-clusters')))
		.toBeLessThan(clustersBefore);
});

test('hovering a single organisation names it, and a click opens its detail', async ({ page }) => {
	await page.goto('/?kaart=16/52.3583/4.8017');
	await waitForMarkers(page);
	const point = await largestPatchOf(page, kindGroupColour.institution);
	expect(point.pixels).toBeGreaterThan(20);
	await page.mouse.move(point.x, point.y);
	const tooltip = page.locator('.ba-tooltip');
	await expect(tooltip).toContainText(' · ');
	const [name] = (await tooltip.innerText()).split(' · ');
	await page.mouse.click(point.x, point.y);
	await expect(
		page.getByTestId('organisation-detail').getByRole('heading', { level: 1 })
	).toHaveText(name!);
	await expect(page).toHaveURL(/\/organisaties\//);
});
