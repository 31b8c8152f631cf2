/**
 * The organisation form's checks and how it shows them, mounted in jsdom:
 * what a person sees after a save with problems, and what reaches the page
 * when there are none. (Saving to the database, and its refusals, are the
 * editing journeys' business: tests/e2e/editing.spec.ts.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import type { OrganisationFields } from '$lib/data';
import OrganisationForm from './OrganisationForm.svelte';
import { emptyOrganisation } from './save-outcome';

let mounted: Record<string, unknown> | null = null;

afterEach(() => {
	if (mounted) void unmount(mounted);
	mounted = null;
	document.body.innerHTML = '';
});

function show(props: Partial<Parameters<typeof OrganisationForm>[1]> = {}) {
	const saved: OrganisationFields[] = [];
	mounted = mount(OrganisationForm, {
		target: document.body,
		props: {
			initial: emptyOrganisation(),
			submitLabel: 'Opslaan',
			onsubmit: (fields: OrganisationFields) => saved.push(fields),
			...props
		}
	});
	flushSync();
	return saved;
}

function submit() {
	document.querySelector('form')!.requestSubmit();
	flushSync();
}

function type(id: string, value: string) {
	const input = document.getElementById(id) as HTMLInputElement | HTMLTextAreaElement;
	input.value = value;
	input.dispatchEvent(new Event('input', { bubbles: true }));
	flushSync();
}

const problem = (field: string) => document.getElementById(`problem-${field}`)?.textContent ?? null;

describe('OrganisationForm', () => {
	it('does not save without a name: says so at the field and puts focus there', () => {
		const saved = show();
		submit();
		expect(saved).toEqual([]);
		expect(problem('name')).toBeTruthy();
		const name = document.getElementById('field-name')!;
		expect(name.getAttribute('aria-invalid')).toBe('true');
		expect(name.getAttribute('aria-describedby')).toContain('problem-name');
		expect(document.activeElement).toBe(name);
	});

	it('clears a problem as soon as the typing fixes it, and then saves', () => {
		const saved = show();
		submit();
		type('field-name', 'Buurtkeuken De Kolenkit');
		type('field-description', 'Samen koken en eten, elke dinsdag.');
		expect(problem('name')).toBeNull();
		submit();
		expect(saved).toHaveLength(1);
		expect(saved[0]!.name).toBe('Buurtkeuken De Kolenkit');
	});

	it('shows what the database refused on its field, and a notice above the form', () => {
		show({ refused: { email: 'Dit e-mailadres klopt niet.' }, notice: 'Niet opgeslagen.' });
		expect(problem('email')).toBe('Dit e-mailadres klopt niet.');
		expect(document.body.textContent).toContain('Niet opgeslagen.');
	});
});
