/**
 * The headers a host should set (static/_headers, Cloudflare Pages' format):
 * read as a host reads them, every page refuses other sites' frames and the
 * embeds under /ingebed/ accept them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { embedSegment } from './embed';

/** Rules in file order: a path pattern and its header lines ("Name: value" or "! Name"). */
function rules(text: string): { pattern: string; lines: string[] }[] {
	const found: { pattern: string; lines: string[] }[] = [];
	for (const line of text.split('\n')) {
		if (!line.trim() || line.startsWith('#')) continue;
		if (!/^\s/.test(line)) found.push({ pattern: line.trim(), lines: [] });
		else found.at(-1)?.lines.push(line.trim());
	}
	return found;
}

/** The headers a path gets: every matching rule in order, "! Name" dropping what came before. */
function headersFor(path: string, text: string): Map<string, string> {
	const headers = new Map<string, string>();
	for (const { pattern, lines } of rules(text)) {
		const prefix = pattern.replace(/\*$/, '');
		if (!(pattern.endsWith('*') ? path.startsWith(prefix) : path === pattern)) continue;
		for (const line of lines) {
			if (line.startsWith('!')) headers.delete(line.slice(1).trim().toLowerCase());
			else {
				const at = line.indexOf(':');
				headers.set(line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim());
			}
		}
	}
	return headers;
}

const file = readFileSync(new URL('../../../static/_headers', import.meta.url), 'utf8');

describe('the host headers', () => {
	it('keep every page but the embeds out of other sites’ frames', () => {
		for (const path of ['/', '/netwerk', '/organisaties/lsa-bewoners', '/beheer', '/inbedden']) {
			const headers = headersFor(path, file);
			expect(headers.get('content-security-policy'), path).toContain("frame-ancestors 'self'");
			expect(headers.get('x-frame-options'), path).toBe('SAMEORIGIN');
			expect(headers.get('x-content-type-options'), path).toBe('nosniff');
		}
	});

	it('let any site frame the embeds, with the same hardening', () => {
		for (const path of [`/${embedSegment}/`, `/${embedSegment}/meedoen`]) {
			const headers = headersFor(path, file);
			expect(headers.get('content-security-policy'), path).toContain('frame-ancestors *');
			expect(headers.get('content-security-policy'), path).toContain("object-src 'none'");
			expect(headers.has('x-frame-options'), path).toBe(false);
			expect(headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
		}
	});
});
