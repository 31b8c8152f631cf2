/**
 * The shared UI pieces, mounted in jsdom: what they announce, what they
 * bind, and where focus goes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createRawSnippet, flushSync, mount, unmount } from 'svelte';
import InlineConfirm from './InlineConfirm.svelte';
import CheckboxGroup from './CheckboxGroup.svelte';
import Notice from './Notice.svelte';
import BackLink from './BackLink.svelte';
import Combobox from './Combobox.svelte';
import { Suggestions } from './suggestions.svelte';

let mounted: Record<string, unknown>[] = [];

afterEach(() => {
	for (const component of mounted) void unmount(component);
	mounted = [];
	document.body.innerHTML = '';
});

/** Mounts a component into the page for this test. */
function keep(component: Record<string, unknown>) {
	mounted.push(component);
	flushSync();
}

const button = (text: string) =>
	[...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === text)!;

/** Lets the component's own awaits (a tick, the action) finish. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const text = (words: string) => createRawSnippet(() => ({ render: () => `<span>${words}</span>` }));

describe('InlineConfirm', () => {
	const props = (onconfirm: () => unknown) => ({
		label: 'Archiveren',
		question: 'Archiveren? Terugzetten kan altijd.',
		yes: 'Ja, archiveren',
		onconfirm
	});

	it('asks once more, and cancel folds back with focus on the first button', async () => {
		let confirmed = 0;
		keep(mount(InlineConfirm, { target: document.body, props: props(() => (confirmed += 1)) }));
		button('Archiveren').click();
		flushSync();
		expect(document.querySelector('[role="alert"]')?.textContent).toContain('Terugzetten');
		button('Annuleren').click();
		await settle();
		expect(confirmed).toBe(0);
		expect(document.activeElement).toBe(button('Archiveren'));
	});

	it('runs on yes, and stays open when the action failed', async () => {
		let answer = false;
		keep(mount(InlineConfirm, { target: document.body, props: props(() => answer) }));
		button('Archiveren').click();
		flushSync();
		button('Ja, archiveren').click();
		await settle();
		expect(button('Ja, archiveren')).toBeTruthy();
		answer = true;
		button('Ja, archiveren').click();
		await settle();
		expect(document.querySelector('[role="alert"]')).toBeNull();
		expect(button('Archiveren')).toBeTruthy();
	});
});

describe('Combobox', () => {
	it('keeps its suggestions open when the field is left and taken again at once', async () => {
		const suggestions = new Suggestions<string>(async (query) => [`${query} 1`, `${query} 2`], 0);
		keep(
			mount(Combobox<string>, {
				target: document.body,
				props: {
					id: 'zoek',
					label: 'Zoek',
					listLabel: 'Suggesties',
					placeholder: 'Naam',
					suggestions,
					key: (item: string) => item,
					option: createRawSnippet((item: () => string) => ({
						render: () => `<span>${item()}</span>`
					})),
					note: () => 'Niets gevonden.',
					onchoose: () => {}
				}
			})
		);
		const input = document.querySelector('input')!;
		const list = document.querySelector('[role="listbox"]')!;
		input.focus();
		input.blur();
		// Taken again within the moment a click on a suggestion is given to land.
		input.focus();
		input.value = 'Boekenkast';
		input.dispatchEvent(new Event('input', { bubbles: true }));
		await new Promise((resolve) => setTimeout(resolve, 200));
		flushSync();
		expect(list.hasAttribute('hidden')).toBe(false);
		expect(list.textContent).toContain('Boekenkast 1');
		// Left for good, it folds away.
		input.blur();
		await new Promise((resolve) => setTimeout(resolve, 200));
		flushSync();
		expect(list.hasAttribute('hidden')).toBe(true);
	});
});

describe('CheckboxGroup', () => {
	it('keeps the chosen values as the boxes are ticked', () => {
		let chosen: string[] = ['zorg'];
		const props = {
			legend: 'Thema’s',
			options: ['energie', 'zorg', 'taal'],
			get chosen() {
				return chosen;
			},
			set chosen(value: string[]) {
				chosen = value;
			},
			label: (option: string) => option.toUpperCase()
		};
		keep(mount(CheckboxGroup<string>, { target: document.body, props }));
		const boxes = [...document.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
		expect(boxes.map((box) => box.checked)).toEqual([false, true, false]);
		expect(document.querySelector('legend')?.textContent).toBe('Thema’s');
		boxes[0]!.click();
		boxes[1]!.click();
		flushSync();
		expect(chosen).toEqual(['energie']);
	});
});

describe('Notice', () => {
	it('announces an error at once and anything else politely', () => {
		const target = document.body;
		keep(mount(Notice, { target, props: { tone: 'error', children: text('Niet opgeslagen.') } }));
		keep(mount(Notice, { target, props: { tone: 'success', children: text('Opgeslagen.') } }));
		const [error, success] = [...document.querySelectorAll('p')];
		expect(error!.getAttribute('role')).toBe('alert');
		expect(success!.getAttribute('role')).toBe('status');
	});
});

describe('BackLink', () => {
	it('reads as its words alone, with an arrow that turns with the reading direction', () => {
		keep(mount(BackLink, { target: document.body, props: { href: '/?thema=zorg' } }));
		const link = document.querySelector('a')!;
		expect(link.getAttribute('href')).toBe('/?thema=zorg');
		const arrow = link.querySelector('span')!;
		expect(arrow.getAttribute('aria-hidden')).toBe('true');
		expect(arrow.classList.contains('mirror-in-rtl')).toBe(true);
		expect(link.textContent?.replace(arrow.textContent!, '').trim()).toBe('Terug naar de lijst');
	});

	it('names another way back when asked', () => {
		keep(mount(BackLink, { target: document.body, props: { href: '/beheer', label: 'Beheer' } }));
		expect(document.querySelector('a')?.textContent?.trim()).toBe('← Beheer');
	});
});
