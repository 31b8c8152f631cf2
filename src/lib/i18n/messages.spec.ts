import { describe, expect, it } from 'vitest';
import nl from '../../../messages/nl.json';
import en from '../../../messages/en.json';
import { collaborationKinds, organisationKinds, kindGroups } from '$lib/data/types';

describe('translations', () => {
	it('have the same messages in Dutch and English', () => {
		expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
	});

	it('have no empty message', () => {
		for (const [key, text] of [...Object.entries(nl), ...Object.entries(en)]) {
			expect(text, key).not.toBe('');
		}
	});

	it('label every kind, kind group and kind of collaboration', () => {
		for (const kind of organisationKinds) expect(nl).toHaveProperty(`kind_${kind}`);
		for (const group of kindGroups) expect(nl).toHaveProperty(`group_${group}`);
		for (const kind of collaborationKinds) expect(nl).toHaveProperty(`collaboration_${kind}`);
	});

	it('keep placeholders the same in both languages', () => {
		// A message with variants (plurals) is an object: its placeholders are those of every variant.
		const placeholders = (message: unknown) =>
			[
				...new Set([...JSON.stringify(message ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1]))
			].sort();
		for (const [key, message] of Object.entries(nl)) {
			expect(placeholders((en as Record<string, unknown>)[key]), key).toEqual(
				placeholders(message)
			);
		}
	});
});
