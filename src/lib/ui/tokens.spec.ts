/**
 * Every custom property a component or stylesheet uses is defined: in the
 * tokens, or by the component that sets it (SplitView's --share). A token
 * used but never defined falls back silently to nothing (a message meant to
 * be red shows black), which no other test would see.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function files(folder: string): string[] {
	return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
		const path = join(folder, entry.name);
		if (entry.isDirectory()) return entry.name === 'paraglide' ? [] : files(path);
		return /\.(svelte|css)$/.test(entry.name) ? [path] : [];
	});
}

describe('design tokens', () => {
	const sources = files(root).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
	const defined = new Set(
		sources.flatMap(({ text }) =>
			[...text.matchAll(/(?:^|[\s;{]|style:)(--[a-z0-9-]+)\s*[:=]/g)].map((match) => match[1]!)
		)
	);

	it('defines every custom property that is used', () => {
		const missing = sources.flatMap(({ path, text }) =>
			[...text.matchAll(/var\((--[a-z0-9-]+)/g)]
				.map((match) => match[1]!)
				.filter((name) => !defined.has(name))
				.map((name) => `${path.slice(root.length + 1)}: ${name}`)
		);
		expect(missing).toEqual([]);
	});

	it('keeps colours in the tokens, not in components', () => {
		const coloured = sources
			.filter(({ path }) => path.endsWith('.svelte'))
			.flatMap(({ path, text }) => {
				const style = text.split('<style>')[1] ?? '';
				return [...style.matchAll(/#[0-9a-fA-F]{3,8}\b/g)].map(
					(match) => `${path.slice(root.length + 1)}: ${match[0]}`
				);
			});
		expect(coloured).toEqual([]);
	});

	it('lays out by logical sides (start and end), so a right-to-left language mirrors', () => {
		// Centred by 50% and a shift: the same either way round. (Hidden far off screen is
		// not: in Arabic, -10000px to the left widens the page by as much.)
		const symmetric = /^\s*left: 50%/;
		const physical = sources.flatMap(({ path, text }) => {
			const style = path.endsWith('.css') ? text : (text.split('<style>')[1] ?? '');
			return style
				.split('\n')
				.filter(
					(line) =>
						/^\s*((margin|padding|border)-(left|right)[a-z-]*|left|right)\s*:|text-align:\s*(left|right)/.test(
							line
						) && !symmetric.test(line)
				)
				.map((line) => `${path.slice(root.length + 1)}: ${line.trim()}`);
		});
		expect(physical).toEqual([]);
	});
});
