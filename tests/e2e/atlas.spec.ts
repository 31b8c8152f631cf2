import {
	basemapHosts,
	countMarkerPixels,
	expect,
	expectNoAxeViolations,
	navigateTo,
	openOrganisation,
	test,
	waitForMarkers
} from './fixtures';

test.describe('the atlas on the embedded database', () => {
	test('shows organisations of Nieuw-West on the map and in the list', async ({ page }) => {
		const requested: string[] = [];
		page.on('request', (request) => requested.push(new URL(request.url()).pathname));
		await page.goto('/');
		await expect(page.getByRole('heading', { name: 'Organisaties' })).toBeVisible();

		const rendered = await waitForMarkers(page);
		expect(rendered).toBeGreaterThan(30);
		// Resident-led orange and institution blue are both drawn on the canvas.
		expect(await countMarkerPixels(page, '#d9480f')).toBeGreaterThan(200);
		expect(await countMarkerPixels(page, '#1864ab')).toBeGreaterThan(200);

		const list = page.getByTestId('organisation-list');
		await expect(list.getByRole('link', { name: /Wij Zijn Plein ’40-’45/ })).toBeVisible();
		await expect(list.getByRole('link', { name: /Coöperatie Samen aan de Slag/ })).toBeVisible();
		// Places outside Nieuw-West are in the atlas but not in view.
		await expect(list.getByRole('link', { name: /Heechterp Schieringen/ })).toHaveCount(0);
		await expect(page.getByTestId('list-count')).toHaveText(/^\d+ van 62 in beeld$/);

		// The live database answered and replaced the seeded first answer.
		await expect(page.getByTestId('backend')).toHaveText('Lokale demodatabase in je browser');
		await expect(page.getByTestId('list-updating')).toHaveCount(0);
		await expect(page.getByTestId('map')).toHaveAttribute('data-basemap', 'offline');

		// Postgres and MapLibre are each loaded once, lazily, and Postgres only in its worker.
		const count = (pattern: RegExp) => requested.filter((path) => pattern.test(path)).length;
		expect(count(/pglite-[^/]*\.wasm$/)).toBe(1);
		expect(count(/pglite-[^/]*\.data$/)).toBe(1);
		expect(count(/pglite\.worker-[^/]*\.js$/)).toBe(1);
		expect(count(/maplibre-gl-worker[^/]*\.mjs$/)).toBe(1);
		await expect(page.getByText('De achtergrondkaart is niet bereikbaar')).toBeVisible();
		// Read once, it can be closed: it no longer covers the markers under it.
		await page.getByRole('button', { name: 'Melding sluiten' }).click();
		await expect(page.getByText('De achtergrondkaart is niet bereikbaar')).toHaveCount(0);
		await expect(page.getByTestId('map')).toHaveAttribute('data-basemap', 'offline');
	});

	test('opens an organisation from the list and follows a collaboration to the partner', async ({
		page
	}) => {
		await page.goto('/');
		await page
			.getByTestId('organisation-list')
			.getByRole('link', { name: /Wij Zijn Plein ’40-’45/ })
			.click();

		const detail = page.getByTestId('organisation-detail');
		await expect(detail.getByRole('heading', { level: 1 })).toHaveText('Wij Zijn Plein ’40-’45');
		await expect(page).toHaveURL(/\/organisaties\/wij-zijn-plein-40-45$/);
		await expect(detail.getByText('Wijk: Slotermeer-Noordoost')).toBeVisible();

		await detail
			.getByTestId('collaborations')
			.getByRole('link', { name: 'Gemeente Amsterdam, stadsdeel Nieuw-West' })
			.click();
		await expect(detail.getByRole('heading', { level: 1 })).toHaveText(
			'Gemeente Amsterdam, stadsdeel Nieuw-West'
		);
		await expect(
			detail.getByRole('link', { name: 'https://www.amsterdam.nl/nieuw-west/' })
		).toBeVisible();
	});

	test('reloads a deep link to an organisation', async ({ page }) => {
		await page.goto('/organisaties/cooperatie-samen-aan-de-slag');
		const heading = page.getByTestId('organisation-detail').getByRole('heading', { level: 1 });
		await expect(heading).toHaveText('Coöperatie Samen aan de Slag');
		await page.reload();
		await expect(heading).toHaveText('Coöperatie Samen aan de Slag');
		await waitForMarkers(page);
	});

	test('says so when an organisation does not exist or is not public', async ({
		page,
		consoleErrors
	}) => {
		await page.goto('/organisaties/buurtmoestuin-ookmeer-in-oprichting');
		await expect(page.getByRole('heading', { name: 'Niet gevonden' })).toBeVisible();
		await page.goto('/bestaat/niet');
		await expect(page.getByRole('heading', { name: 'Pagina niet gevonden' })).toBeVisible();
		// The server answers an unknown address with 404, as it should; nothing else may fail.
		expect(consoleErrors).toEqual([
			'Failed to load resource: the server responded with a status of 404 (Not Found)'
		]);
		consoleErrors.splice(0);
	});

	test('draws the atlas before the database has started, then brings it up to date', async ({
		page,
		context
	}) => {
		// Hold the database worker back: what is drawn meanwhile cannot come from it.
		let release = () => {};
		const held = new Promise<void>((resolve) => (release = resolve));
		await context.route(/pglite\.worker-[^/]*\.js$/, async (route) => {
			await held;
			await route.continue();
		});
		await page.goto('/');
		await waitForMarkers(page);
		await expect(page.getByTestId('list-updating')).toHaveText('Bijwerken…');
		await expect(page.getByTestId('list-count')).toHaveText(/van 62 in beeld/);
		// A detail needs the database; until it is there, the panel says it is loading.
		await page
			.getByTestId('organisation-list')
			.getByRole('link', { name: /Taalcafé Geuzenveld/ })
			.click();
		await expect(page.getByText('Gegevens laden…')).toBeVisible();
		release();
		const detail = page.getByTestId('organisation-detail');
		await expect(detail.getByRole('heading', { level: 1 })).toHaveText('Taalcafé Geuzenveld');
		await page.goBack();
		await expect(page.getByTestId('list-updating')).toHaveCount(0);
	});

	test('draws the first markers before it downloads the database, and remembers the view for a reload', async ({
		page
	}) => {
		const requested: { url: string; at: number }[] = [];
		page.on('request', (request) => requested.push({ url: request.url(), at: Date.now() }));
		// Hold MapLibre's worker back, so that MapLibre cannot draw before the poster is seen.
		let release = () => {};
		const held = new Promise<void>((resolve) => (release = resolve));
		await page.route(/maplibre-gl-worker/, async (route) => {
			await held;
			await route.continue();
		});
		await page.goto('/');
		// The poster: the build's answers for the opening view, as SVG, before MapLibre and PGlite.
		const poster = page.getByTestId('map-poster');
		await expect(poster.locator('circle').first()).toBeVisible();
		expect(await poster.locator('circle').count()).toBeGreaterThan(20);
		release();
		await waitForMarkers(page);
		await expect(poster).toHaveCount(0);
		const marked = await page.evaluate(
			() =>
				performance.timeOrigin +
				performance.getEntriesByName('buurtatlas:first-markers')[0]!.startTime
		);
		const database = requested.filter((r) => /pglite|database-snapshot/.test(r.url));
		expect(database.length).toBeGreaterThan(0);
		expect(database.filter((r) => r.at < marked)).toEqual([]);
		await expect(page.getByTestId('list-updating')).toHaveCount(0);

		// What a reload draws first is small: the view's answer and the reference data. The view
		// is kept when the map's live answer arrives, which can be just after the atlas's.
		const storedAtlas = () =>
			page.evaluate(() =>
				Object.entries(localStorage)
					.filter(([key]) => key.startsWith('buurtatlas:atlas:'))
					.map(([key, value]) => ({ key, size: value.length }))
			);
		await expect
			.poll(async () => (await storedAtlas()).map((s) => s.key).sort())
			.toEqual(['buurtatlas:atlas:embedded:browser', 'buurtatlas:atlas:embedded:browser:view']);
		for (const { size } of await storedAtlas()) expect(size).toBeLessThan(100_000);
	});

	test('recovers from a first setup that a reload cut short', async ({ page }) => {
		// What a reload in the middle of the first setup left: the mark that setup was under
		// way, and an IndexedDB database with none of its files written yet.
		await page.goto('/over');
		await page.evaluate(async () => {
			const open = (name: string, store?: string) =>
				new Promise<void>((resolve, reject) => {
					const request = indexedDB.open(name, 21);
					request.onupgradeneeded = () => {
						if (store) request.result.createObjectStore(store);
					};
					request.onsuccess = () => {
						request.result.close();
						resolve();
					};
					request.onerror = () => reject(request.error);
				});
			await open('buurtatlas-setup-under-way');
			await open('/pglite/buurtatlas', 'FILE_DATA');
		});
		const snapshot = page.waitForRequest(/database-snapshot/);
		await page.goto('/');
		// The half database is dropped and the shipped one loaded, not an empty one set up.
		await snapshot;
		await expect(page.getByTestId('list-updating')).toHaveCount(0);
		await expect(page.getByTestId('list-count')).toHaveText(/van 62 in beeld/);
		// Once all of it is in IndexedDB, the mark goes.
		await expect
			.poll(() => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name)))
			.not.toContain('buurtatlas-setup-under-way');
	});

	test('keeps the database across reloads and shares it between two tabs', async ({
		page,
		context
	}) => {
		await page.goto('/');
		await waitForMarkers(page);
		const count = await page.getByTestId('list-count').textContent();

		const second = await context.newPage();
		await second.goto('/over');
		await second.goto('/');
		await waitForMarkers(second);
		await expect(second.getByTestId('list-count')).toHaveText(count ?? '');

		await page.reload();
		await waitForMarkers(page);
		await expect(page.getByTestId('list-count')).toHaveText(count ?? '');
		// Reloading did not seed a second time.
		await expect(page.getByTestId('list-count')).toHaveText(/van 62 in beeld/);
		await second.close();
	});

	test('finds no accessibility violations on the atlas, a detail and the about page', async ({
		page
	}) => {
		await page.goto('/');
		await waitForMarkers(page);
		await expectNoAxeViolations(page);
		await openOrganisation(page, 'Wij Zijn Plein ’40-’45');
		await expectNoAxeViolations(page);
		await navigateTo(page, 'Over');
		await expect(page.getByRole('heading', { name: 'Over Buurtatlas' })).toBeVisible();
		await expectNoAxeViolations(page);
	});

	test('explains in Dutch when the database cannot start, and offers to retry', async ({
		page,
		context,
		consoleErrors
	}) => {
		// The database worker cannot be downloaded, as on a flaky connection.
		await context.route(/pglite\.worker-[^/]*\.js$/, (route) => route.abort('failed'));
		await page.goto('/');
		const alert = page.getByTestId('load-error');
		await expect(alert).toContainText('De database in je browser kon niet starten');
		// The failed download and the logged cause are what this test provokes.
		expect(consoleErrors.length).toBeGreaterThan(0);
		consoleErrors.splice(0);

		// Once the connection is back, retrying loads the atlas without a reload.
		await context.unrouteAll();
		await context.route(basemapHosts, (route) => route.abort('internetdisconnected'));
		await alert.getByRole('button', { name: 'Opnieuw proberen' }).click();
		await expect(page.getByTestId('organisation-list')).toBeVisible();
		await expect(page.getByTestId('backend')).toHaveText('Lokale demodatabase in je browser');
		await expect(page.getByTestId('list-updating')).toHaveCount(0);
	});
});

test('offline, the atlas says so and what still works, and the database in the browser keeps answering', async ({
	page,
	context,
	consoleErrors
}) => {
	await page.goto('/');
	await waitForMarkers(page);
	await expect(page.getByTestId('list-updating')).toHaveCount(0);
	const before = await page.getByTestId('list-count').innerText();

	await context.setOffline(true);
	const notice = page.getByTestId('offline-notice');
	await expect(notice).toContainText('Je bent offline.');
	await expect(notice).toContainText('werken gewoon door');
	// A filter still narrows the list: answered in the browser, not over the network.
	await page.getByText('Filters', { exact: true }).click();
	await page.getByRole('checkbox', { name: 'Taal en inburgering' }).check();
	await expect(page.getByTestId('list-count')).not.toHaveText(before);

	await context.setOffline(false);
	await expect(notice).toHaveCount(0);
	// Offline, the browser's own fetch of the favicon on each change of URL fails; that is all.
	const offlineFetches = /ERR_INTERNET_DISCONNECTED/;
	consoleErrors.splice(0, Infinity, ...consoleErrors.filter((e) => !offlineFetches.test(e)));
});
