/**
 * Programmes and coalitions, as people use them in a real browser on the
 * embedded database: a resident opens Samen Nieuw-West and sees its members
 * outlined together on the map and grouped in the network; a coordinator
 * counts shared membership as a tie only when she asks; the programme's
 * keeper adds a member and takes one out, with undo, and it is in the history.
 */
import { expect, navigateTo, openOrganisation, test, waitForMarkers } from './fixtures';

test('Samen Nieuw-West: its page, its members outlined on the map and grouped in the network', async ({
	page
}) => {
	await page.goto('/organisaties/woon');
	// The detail says which way membership goes.
	await expect(page.getByTestId('memberships')).toContainText(
		'!WOON is partner in Nationaal Programma Samen Nieuw-West'
	);
	await page
		.getByTestId('memberships')
		.getByRole('link', { name: 'Nationaal Programma Samen Nieuw-West' })
		.click();

	const programme = page.getByTestId('programme');
	await expect(programme.getByRole('heading', { level: 1 })).toHaveText(
		'Nationaal Programma Samen Nieuw-West'
	);
	await expect(programme).toContainText('Coördinatie Niet bekend');
	await expect(
		programme.getByRole('link', { name: 'Kracht van Nieuw-West' }).first()
	).toBeVisible();
	const own = programme.getByTestId('programme-members').getByRole('listitem');
	await expect(own).toHaveCount(11);
	await expect(own.filter({ hasText: '!WOON' })).toContainText('partner · sinds 23 maart 2023');
	// Sub-group members under their sub-group, without a date no source gives.
	const kracht = programme.getByTestId('programme-members-kracht-van-nieuw-west');
	await expect(kracht.getByRole('listitem')).toHaveText([/Eigenwijks\s*lid$/, /Ru Parré/, /SAAAM/]);
	// A visitor manages nothing.
	await expect(page.getByTestId('programme-manage')).toHaveCount(0);

	await programme.getByTestId('programme-map').click();
	await expect(page).toHaveURL(/programma=samen-nieuw-west/);
	await waitForMarkers(page);
	const map = page.getByTestId('map');
	await expect(map).toHaveAttribute('data-rendered-programme-outlines', '1');
	await expect(page.getByTestId('programme-legend')).toHaveText(
		'Leden van Nationaal Programma Samen Nieuw-West, samen omlijnd'
	);
	await expect
		.poll(async () => Number(await map.getAttribute('data-rendered-programme-members')))
		.toBeGreaterThanOrEqual(10);
	// Only its members are listed, and they are no lines on the map.
	await expect(page.getByLabel('Programma of coalitie')).toHaveValue('samen-nieuw-west');
	await expect(map).toHaveAttribute('data-rendered-collaborations', '0');

	await page.getByRole('button', { name: 'Netwerk naast de kaart' }).click();
	const canvas = page.getByTestId('network-canvas');
	await expect(canvas).toHaveAttribute(
		'data-groups',
		'Nationaal Programma Samen Nieuw-West:14|Kracht van Nieuw-West:3'
	);
	const nodes = Number(await canvas.getAttribute('data-nodes'));
	expect(nodes).toBe(16);
	const ties = Number(await canvas.getAttribute('data-ties'));

	// Collapsed: the programme is one node holding its members' ties.
	await page.getByTestId('network-programmes').selectOption('collapsed');
	await expect(canvas).toHaveAttribute('data-nodes', '2');
	await expect(canvas).toHaveAttribute('data-groups', '');

	// Shared membership as a tie: off by default, on when asked (14 members, up to 91 pairs).
	await page.getByTestId('network-programmes').selectOption('apart');
	await expect(canvas).toHaveAttribute('data-nodes', String(nodes));
	await expect(canvas).toHaveAttribute('data-ties', String(ties));
	await page.getByLabel('Samen lid telt als samenwerking').check();
	await expect
		.poll(async () => Number(await canvas.getAttribute('data-ties')))
		.toBeGreaterThan(ties + 60);
});

test('the keeper of a coalition adds a member and takes one out, with undo; its history says so', async ({
	page
}) => {
	// Fatima edits Wij Zijn Plein ’40-’45, a coalition.
	await page.goto('/inloggen');
	await page.getByRole('button', { name: /Fatima/ }).click();
	await expect(page).toHaveURL(/\/beheer$/);
	await navigateTo(page, 'Kaart');
	await openOrganisation(page, 'Wij Zijn Plein ’40-’45');
	await page.getByTestId('detail-programme-link').click();

	const manage = page.getByTestId('programme-manage');
	await manage.getByLabel('Organisatie').selectOption({ label: 'Taalcafé Geuzenveld' });
	await manage.getByLabel('Rol').fill('');
	await manage.getByRole('button', { name: 'Toevoegen' }).click();
	await expect(manage.getByText('Geef een rol van hoogstens 60 tekens')).toBeVisible();
	await manage.getByLabel('Rol').fill('partner');
	await manage.getByLabel('Lid sinds (mag leeg)').fill('2021');
	await manage.getByRole('button', { name: 'Toevoegen' }).click();
	await expect(page.getByTestId('programme-done')).toHaveText('Taalcafé Geuzenveld is toegevoegd.');
	const members = page.getByTestId('programme-members');
	await expect(members.getByRole('listitem').filter({ hasText: 'Taalcafé' })).toContainText(
		'partner · sinds 2021'
	);

	// Out, and back with the same role and date.
	const row = manage.getByRole('listitem').filter({ hasText: 'Buurtredactie' });
	await row.getByRole('button', { name: 'Uit het programma halen' }).click();
	await row.getByRole('button', { name: 'Ja, eruit halen' }).click();
	await expect(page.getByTestId('programme-done')).toContainText('is uit het programma gehaald');
	await expect(members.getByRole('listitem').filter({ hasText: 'Buurtredactie' })).toHaveCount(0);
	await page.getByTestId('programme-done').getByRole('button', { name: 'Ongedaan maken' }).click();
	await expect(page.getByTestId('programme-done')).toContainText('is weer lid');
	await expect(members.getByRole('listitem').filter({ hasText: 'Buurtredactie' })).toContainText(
		'buurtredactie · sinds 2020'
	);

	await navigateTo(page, 'Beheer');
	await page
		.getByTestId('manage-list')
		.getByRole('link', { name: 'Wij Zijn Plein ’40-’45', exact: true })
		.click();
	await page.getByRole('link', { name: 'Geschiedenis' }).click();
	await expect(page.getByText('Lid toegevoegd: Taalcafé Geuzenveld (partner)')).toBeVisible();

	// An editor records her own organisation as a group others belong to.
	await navigateTo(page, 'Beheer');
	await page
		.getByTestId('manage-list')
		.getByRole('link', { name: 'Buurtredactie Plein ’40-’45', exact: true })
		.click();
	const section = page.getByTestId('programme-section');
	await section.getByLabel('Soort groep').selectOption({ label: 'Platform' });
	await section.getByRole('button', { name: 'Vastleggen als programma of coalitie' }).click();
	await expect(section).toContainText('Dit is een platform.');
	await section.getByRole('link', { name: 'Leden beheren' }).click();
	await expect(page.getByTestId('programme')).toContainText('Er zijn nog geen leden vastgelegd.');
	await expect(page.getByTestId('programme-manage')).toBeVisible();
});
