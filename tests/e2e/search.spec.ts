import { expect, expectNoAxeViolations, test } from './fixtures';

test.describe('searching as a resident', () => {
	// One journey, since each page load starts the embedded database (about ten seconds here).
	test('suggests as you type, forgives typos, and opens one by keyboard or click', async ({
		page
	}) => {
		await page.goto('/');
		const search = page.getByRole('combobox', { name: 'Zoek een organisatie' });
		await search.fill('plein 40 45');
		const suggestions = page.getByRole('listbox', { name: 'Suggesties' });
		await expect(suggestions.getByRole('option').first()).toContainText('Wij Zijn Plein ’40-’45');
		await expectNoAxeViolations(page);

		await search.press('ArrowDown');
		const first = await suggestions.getByRole('option').first().getAttribute('id');
		await expect(search).toHaveAttribute('aria-activedescendant', first!);
		await search.press('Enter');
		const detail = page.getByTestId('organisation-detail');
		await expect(detail.getByRole('heading', { level: 1 })).toHaveText('Wij Zijn Plein ’40-’45');
		await expect(page).toHaveURL(/\/organisaties\/wij-zijn-plein-40-45$/);
		await expect(search).toHaveValue('');

		// It forgives accents and typos, and says when nothing matches.
		await search.fill('cooperatie');
		await expect(suggestions.getByRole('option').first()).toContainText(
			'Coöperatie Samen aan de Slag'
		);
		await search.fill('repiar cafe');
		await expect(suggestions.getByRole('option').first()).toContainText('Repair Café Osdorp');
		// A made-up entry says so among the suggestions too; a sourced one does not.
		await expect(
			suggestions.getByRole('option').first().getByTestId('illustrative-badge')
		).toHaveText('Voorbeeld');
		await search.fill('wij zijn plein');
		await expect(suggestions.getByRole('option').first()).toContainText('Wij Zijn Plein');
		await expect(
			suggestions.getByRole('option').first().getByTestId('illustrative-badge')
		).toHaveCount(0);
		await search.fill('xyzzy');
		await expect(suggestions).toContainText('Niets gevonden.');

		await search.press('Escape');
		await expect(suggestions).toBeHidden();
		await search.press('Escape');
		await expect(search).toHaveValue('');

		// A click opens a suggestion too.
		await search.fill('taalcafe');
		await page.getByRole('option', { name: /Taalcafé Geuzenveld/ }).click();
		await expect(
			page.getByTestId('organisation-detail').getByRole('heading', { level: 1 })
		).toHaveText('Taalcafé Geuzenveld');
	});
});
