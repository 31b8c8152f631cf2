/**
 * The collaboration editor's own checks, mounted in jsdom: proposing needs a
 * partner, said in words before anything is sent; ending asks once more.
 * (Proposing, confirming and ending in the database are the editing
 * journeys' business: tests/e2e/editing.spec.ts.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import { m } from '$lib/paraglide/messages';
import type { OrganisationForEdit } from '$lib/data';
import CollaborationEditor from './CollaborationEditor.svelte';
import { emptyOrganisation } from './save-outcome';

let mounted: Record<string, unknown> | null = null;

afterEach(() => {
	if (mounted) void unmount(mounted);
	mounted = null;
	document.body.innerHTML = '';
});

const organisation: OrganisationForEdit = {
	...emptyOrganisation(),
	name: 'Buurtkeuken De Kolenkit',
	id: 'org-1',
	slug: 'buurtkeuken-de-kolenkit',
	version: 3,
	status: 'published',
	updatedAt: '2026-11-01T10:00:00Z',
	confirmedAt: '2026-11-01T10:00:00Z',
	freshness: 'fresh',
	canPublish: false,
	collaborations: [
		{
			id: 'collab-1',
			kind: 'partnership',
			status: 'active',
			description: '',
			startedOn: '2021-03-01',
			endedOn: null,
			startedPrecision: 'month',
			endedPrecision: null,
			direction: 'outgoing',
			proposedByUs: true,
			canConfirm: false,
			partner: { id: 'org-2', slug: 'dynamo', name: 'Dynamo', kind: 'welfare' }
		}
	]
};

function show() {
	let changes = 0;
	mounted = mount(CollaborationEditor, {
		target: document.body,
		props: { organisation, onchange: () => (changes += 1) }
	});
	flushSync();
	return () => changes;
}

const button = (text: string) =>
	[...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === text);

describe('CollaborationEditor', () => {
	it('asks for a partner before proposing, and sends nothing', () => {
		const changes = show();
		document.querySelector('form')!.requestSubmit();
		flushSync();
		expect(document.querySelector('[role="alert"]')?.textContent).toBe(m.collab_choose_partner());
		expect(changes()).toBe(0);
	});

	it('asks once more before ending a collaboration', () => {
		show();
		button(m.collab_end())!.click();
		flushSync();
		expect(document.body.textContent).toContain(m.collab_end_confirm());
		expect(button(m.collab_end_yes())).toBeTruthy();
	});
});
