/**
 * Embedding: a site composes an embed on /inbedden, pastes it, and the atlas
 * runs in a sandboxed frame on that site's own origin, without its top bar,
 * telling the page how tall it is, with a way to the full view. Any other
 * page of the atlas, put in a frame, refuses and offers a link out.
 * The other site is a page Playwright serves on another origin.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { chromiumArgs, chromiumExecutable } from '../chromium';

// The other site's page is fulfilled by Playwright, so Chrome knows no address for it and
// treats it as public, and Private Network Access keeps public pages from framing
// localhost. A real site and a real atlas are both public; here both are this machine.
test.use({
	launchOptions: {
		executablePath: chromiumExecutable,
		args: [
			...chromiumArgs,
			'--disable-features=PrivateNetworkAccessForNavigations,BlockInsecurePrivateNetworkRequests,LocalNetworkAccessChecks'
		]
	}
});

/**
 * Another origin than the atlas's (localhost:4173): same machine, other host
 * name. (A made-up public name would not do: Chrome keeps public pages from
 * framing local ones.)
 */
const hostOrigin = 'http://127.0.0.1:4173';

/** A neighbourhood site on another origin, with this HTML in its body. */
async function hostPage(page: Page, body: string): Promise<void> {
	await page.route(`${hostOrigin}/buurtplatform`, (route) =>
		route.fulfill({
			contentType: 'text/html',
			body: `<!doctype html><html lang="nl"><head><title>Buurtplatform</title></head><body><h1>Ons buurtplatform</h1>${body}</body></html>`
		})
	);
	await page.goto(`${hostOrigin}/buurtplatform`);
}

test('a site composes an embed, pastes it, and the atlas runs in its sandboxed frame', async ({
	page
}) => {
	await page.goto('/inbedden');
	await page.getByLabel('Netwerk').check();
	const programme = page.getByTestId('embed-programme');
	await expect(programme.locator('option', { hasText: 'Samen Nieuw-West' })).toHaveCount(1);
	await programme.selectOption({ label: 'Nationaal Programma Samen Nieuw-West' });
	const code = await page.getByTestId('embed-code').inputValue();
	expect(code).toMatch(
		/src="http:\/\/localhost:4173\/ingebed\/\?programma=samen-nieuw-west&amp;weergave=netwerk"/
	);
	expect(code).toContain('sandbox="allow-scripts allow-same-origin');
	// The preview is the embed itself.
	const preview = page.frameLocator('[data-testid="embed-preview"]');
	await expect(preview.getByTestId('network-canvas')).toBeVisible({ timeout: 30_000 });

	// A height outside the bounds is refused with a reason, and the code keeps the last good one.
	await page.getByLabel('Hoogte in pixels').fill('90');
	await expect(page.getByRole('alert')).toContainText('Tussen 300 en 1600 pixels');
	expect(await page.getByTestId('embed-code').inputValue()).toContain('height="600"');

	// Pasted on the neighbourhood site, which listens for the embed's height.
	await hostPage(
		page,
		`${code}<script>addEventListener('message', (e) => { if (e.data?.type === 'buurtatlas:height') document.body.dataset.embedHeight = e.data.height; });</script>`
	);
	const frame = page.frameLocator('iframe');
	// Samen Nieuw-West's members and the programme itself, once the database in the frame answers.
	await expect
		.poll(
			async () => Number(await frame.getByTestId('network-canvas').getAttribute('data-nodes')),
			{
				timeout: 30_000
			}
		)
		.toBeGreaterThan(5);
	await expect(page.locator('body')).toHaveAttribute('data-embed-height', /^\d{3,4}$/);
	// No top bar and no sign-in; a link to the same view, whole.
	await expect(frame.locator('.top-bar')).toHaveCount(0);
	await expect(frame.getByRole('link', { name: 'Netwerk', exact: true })).toHaveCount(0);
	await expect(frame.getByRole('link', { name: 'Inloggen' })).toHaveCount(0);
	const full = frame.getByTestId('full-view-link');
	await expect(full).toHaveAttribute('target', '_blank');
	await expect(full).toHaveAttribute('href', '/?programma=samen-nieuw-west&weergave=netwerk');

	// Inside the frame, following a link stays in the embed, with its state in its own URL.
	await frame.getByTestId('organisation-list').getByRole('link').first().click();
	await expect(frame.getByTestId('organisation-detail')).toBeVisible();
	await expect
		.poll(
			() =>
				page
					.frames()
					.find((f) => f.url().includes('/organisaties/'))
					?.url() ?? ''
		)
		.toMatch(
			/^http:\/\/localhost:4173\/ingebed\/organisaties\/[a-z0-9-]+\?programma=samen-nieuw-west/
		);
});

test('any other page of the atlas in a frame refuses, and offers the full app', async ({
	page
}) => {
	await hostPage(
		page,
		'<iframe src="http://localhost:4173/netwerk" width="600" height="400"></iframe>'
	);
	const frame = page.frameLocator('iframe');
	await expect(frame.getByTestId('framed-refusal')).toContainText(
		'Buurtatlas opent niet binnen een andere website'
	);
	const open = frame.getByRole('link', { name: 'Open Buurtatlas' });
	await expect(open).toHaveAttribute('target', '_blank');
	await expect(open).toHaveAttribute('href', 'http://localhost:4173/netwerk');
	await expect(frame.getByTestId('map')).toHaveCount(0);
});

test('an embed speaks the language its site chose, and leaves the visitor’s own choice alone', async ({
	page
}) => {
	await page.goto('/inbedden');
	await page.getByLabel('Alleen de lijst').check();
	await page.getByTestId('embed-language').selectOption({ label: 'العربية' });
	const code = await page.getByTestId('embed-code').inputValue();
	expect(code).toMatch(/src="http:\/\/localhost:4173\/ingebed\/\?weergave=lijst&amp;lang=ar"/);
	// The frame's title is read out in the embed's language.
	expect(code).toContain('title="Buurtatlas: القائمة فقط، كل المنظمات"');

	await hostPage(page, code);
	const frame = page.frameLocator('iframe');
	await expect(frame.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(frame.getByRole('heading', { name: 'المنظمات', exact: true })).toBeVisible();
	await expect(frame.getByTestId('full-view-link')).toHaveAttribute(
		'href',
		'/?weergave=lijst&lang=ar'
	);

	// The composer, framed as a preview in the same browser, did not change the atlas's language.
	await page.goto('/inbedden');
	await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inbedden op je eigen site');
});
