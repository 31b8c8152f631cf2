/**
 * The time control: the map and the network as they stood at the end of a
 * year, counted alike, played year by year, and stepped with reduced motion.
 */
import type { Page } from '@playwright/test';
import { expect, test, waitForMarkers } from './fixtures';

/** "61 organisaties, 20 samenwerkingen" as the network view says it. */
async function networkTies(page: Page): Promise<number> {
	const text = await page.getByTestId('network-status').innerText();
	return Number(/(\d+) samenwerkingen/.exec(text)?.[1] ?? NaN);
}

async function mapTies(page: Page): Promise<number> {
	return Number(await page.getByTestId('map').getAttribute('data-rendered-network-ties'));
}

const settled = (page: Page) =>
	expect(page.getByTestId('network-canvas')).toHaveAttribute('data-layout', 'settled', {
		timeout: 30_000
	});

test('moving the time control shows the network of that year on map and network, counted alike', async ({
	page
}) => {
	await page.goto('/?weergave=netwerk&banden=alle&kaart=12/52.365/4.80');
	await waitForMarkers(page);
	await settled(page);
	await expect.poll(() => networkTies(page)).toBeGreaterThan(100);
	const today = await networkTies(page);
	await expect.poll(() => mapTies(page)).toBeGreaterThan(0);
	const mapToday = await mapTies(page);

	// The slider starts at the first year a tie is known, today and in a link with a date alike.
	const firstYear = await page.getByTestId('time-slider').getAttribute('min');
	expect(Number(firstYear)).toBeLessThan(2018);
	await page.getByTestId('time-slider').fill('2018');
	await expect(page).toHaveURL(/datum=2018/);
	const summary = page.getByTestId('time-summary');
	await expect(summary).toContainText(/^Eind 2018: \d+ lopend · \d+ nieuw · \d+ beëindigd/);
	await expect(summary).toContainText('niemand weet wanneer ze begonnen');
	await settled(page);
	const [, running, , ended] = /(\d+) lopend · (\d+) nieuw · (\d+) beëindigd/
		.exec(await summary.innerText())!
		.map(Number);
	// The network draws what ran and, faintly, what ended in the year before: the same ties.
	await expect.poll(() => networkTies(page)).toBe(running! + ended!);
	expect(running).toBeLessThan(today);
	// The map's network reads the same year: fewer ties there too.
	await expect.poll(() => mapTies(page)).toBeLessThan(mapToday);

	// What began in 2018 is marked on both views.
	await page.getByTestId('time-mark-new').click();
	await expect(page.getByTestId('time-mark-new')).toHaveAttribute('aria-pressed', 'true');
	await expect
		.poll(async () =>
			Number(await page.getByTestId('map').getAttribute('data-rendered-highlighted'))
		)
		.toBeGreaterThan(0);

	// A link keeps the year; back to now restores today's network.
	await page.reload();
	await expect(page.getByTestId('time-when')).toHaveText('Eind 2018');
	await expect(page.getByTestId('time-slider')).toHaveAttribute('min', firstYear!);
	await page.getByRole('button', { name: 'Terug naar nu' }).click();
	await expect(page).not.toHaveURL(/datum=/);
	await expect(page.getByTestId('time-when')).toHaveText('Nu');
	await expect.poll(() => networkTies(page)).toBe(today);
});

test('the time control plays how the network grew, and steps a year per press with reduced motion', async ({
	page
}) => {
	await page.goto('/');
	await waitForMarkers(page);
	await page.getByRole('button', { name: 'Afspelen' }).click();
	const year = () => Number(new URL(page.url()).searchParams.get('datum'));
	await expect.poll(year).toBeGreaterThan(2000);
	const first = await year();
	await expect.poll(year, { timeout: 15_000 }).toBeGreaterThan(first);
	await page.getByRole('button', { name: 'Pauzeren' }).click();
	const paused = await year();
	await page.waitForTimeout(2000);
	expect(await year()).toBe(paused);

	await page.emulateMedia({ reducedMotion: 'reduce' });
	await page.goto('/?datum=2020');
	await waitForMarkers(page);
	await expect(page.getByRole('button', { name: 'Afspelen' })).toHaveCount(0);
	await page.getByRole('button', { name: 'Volgend jaar' }).click();
	await expect(page).toHaveURL(/datum=2021/);
	await expect(page.getByTestId('time-when')).toHaveText('Eind 2021');
});

test('the coordinator’s page keeps the year and says what changed since', async ({ page }) => {
	await page.goto('/?datum=2019');
	await waitForMarkers(page);
	await page.getByRole('navigation').getByRole('link', { name: 'Netwerk' }).click();
	await expect(page).toHaveURL(/\/netwerk\?.*datum=2019/);
	const change = page.getByTestId('network-change');
	await expect(change.getByRole('heading')).toHaveText('Sinds eind 2019');
	await expect(change).toContainText(/\d+ nieuwe samenwerkingen/);
	await expect(change).toContainText(/Niet meer alleen: .+/);
	await expect(change).toContainText(
		/Nu de enige schakel naar een deel van het netwerk: .*LSA bewoners/
	);
});
