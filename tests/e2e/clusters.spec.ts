import { expect, largestPatchOf, test, waitForMarkers } from './fixtures';
import { kindGroupColour } from '../../src/lib/kinds/kind-style';

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
	const [named] = (await tooltip.innerText()).split(' · ');
	// A made-up one says so: "Wijkfonds Nieuw-West (voorbeeld)".
	const name = named!.replace(/ \(voorbeeld\)$/, '');
	await page.mouse.click(point.x, point.y);
	const detail = page.getByTestId('organisation-detail');
	await expect(detail.getByRole('heading', { level: 1 })).toHaveText(name);
	await expect(detail.getByTestId('detail-badges').getByTestId('illustrative-badge')).toHaveCount(
		named === name ? 0 : 1
	);
	await expect(page).toHaveURL(/\/organisaties\//);
});

test('zoomed out, the database counts organisations in cells; zoomed in, it answers each; the map never empties', async ({
	page
}) => {
	await page.goto('/?kaart=7/52.2/5.3');
	const map = page.getByTestId('map');
	await waitForMarkers(page);
	const attribute = async (name: string) => Number(await map.getAttribute(`data-rendered-${name}`));
	// The whole seed lies in view, all of it in the database's cells.
	const total = Number((await page.getByTestId('list-count').innerText()).match(/van (\d+)/)?.[1]);
	expect(total).toBeGreaterThan(40);
	await expect.poll(() => attribute('cells')).toBeGreaterThan(0);
	await expect.poll(() => attribute('organisations')).toBe(total);

	// From here on, every count of what is drawn is recorded: none may be an empty map.
	await map.evaluate((element) => {
		const seen: number[] = [];
		Object.assign(window, { renderedCounts: seen });
		new MutationObserver(() =>
			seen.push(Number(element.getAttribute('data-rendered-organisations')))
		).observe(element, { attributeFilter: ['data-rendered-organisations'] });
	});

	// A cell opens towards its organisations.
	const cluster = await largestPatchOf(page, kindGroupColour.resident_led);
	const zoomBefore = Number(new URL(page.url()).searchParams.get('kaart')?.split('/')[0]);
	await page.mouse.click(cluster.x, cluster.y);
	await expect
		.poll(() => Number(new URL(page.url()).searchParams.get('kaart')?.split('/')[0]))
		.toBeGreaterThan(zoomBefore + 2);

	// Street level: each organisation by itself, none counted in a cell.
	const zoom = () => Number(new URL(page.url()).searchParams.get('kaart')?.split('/')[0]);
	while ((await zoom()) < 15) {
		const before = await zoom();
		await page.getByRole('button', { name: 'Inzoomen' }).click();
		await expect.poll(zoom).toBeGreaterThan(before);
	}
	await expect.poll(() => attribute('cells')).toBe(0);
	await expect.poll(() => attribute('organisations')).toBeGreaterThan(0);
	const counts = await page.evaluate(
		() => (window as unknown as { renderedCounts: number[] }).renderedCounts
	);
	expect(counts.length).toBeGreaterThan(0);
	expect(Math.min(...counts)).toBeGreaterThan(0);
});
