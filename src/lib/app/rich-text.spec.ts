// @vitest-environment jsdom
/**
 * The sanitiser on its own, in jsdom. Whether any payload runs in a real
 * browser, through every field and view, is the XSS journey in tests/e2e.
 */
import { describe, expect, it } from 'vitest';
import { richText } from './rich-text';

describe('richText', () => {
	it('keeps the formatting people write', () => {
		expect(richText('**vet** en *schuin*\n\n- een\n- twee')).toBe(
			'<p><strong>vet</strong> en <em>schuin</em></p>\n<ul>\n<li>een</li>\n<li>twee</li>\n</ul>\n'
		);
	});

	it('keeps web and mail links, opening in a new tab', () => {
		expect(richText('[site](https://example.org)')).toBe(
			'<p><a href="https://example.org" target="_blank" rel="noopener noreferrer nofollow ugc">site</a></p>\n'
		);
	});

	it.each([
		'<script>window.__xss = 1</script>',
		'<img src=x onerror="window.__xss = 1">',
		'[klik](javascript:window.__xss=1)',
		'<svg onload="window.__xss = 1"></svg>',
		'<iframe src="javascript:window.__xss=1"></iframe>',
		'<a href="javascript:alert(1)">a</a>',
		'<p style="background:url(javascript:alert(1))" onclick="alert(1)">x</p>',
		'<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>'
	])('removes what could run: %s', (payload) => {
		const html = richText(payload);
		expect(html).not.toMatch(
			/<script|onerror|onload|onclick|javascript:|<iframe|<svg|<img|style=/i
		);
	});
});
