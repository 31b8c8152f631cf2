import { describe, expect, it } from 'vitest';
import { fullViewHref, isEmbedPath, withEmbed, withoutEmbed } from './embed';

describe('embed paths', () => {
	it('knows an embedded page by its prefix, with or without a base path', () => {
		expect(isEmbedPath('/ingebed/', '')).toBe(true);
		expect(isEmbedPath('/ingebed', '')).toBe(true);
		expect(isEmbedPath('/ingebed/organisaties/lsa', '')).toBe(true);
		expect(isEmbedPath('/ingebeddedness', '')).toBe(false);
		expect(isEmbedPath('/atlas/ingebed/netwerk', '/atlas')).toBe(true);
		expect(isEmbedPath('/atlas/netwerk', '/atlas')).toBe(false);
	});

	it('maps a page in and out of the embed, and leaves the other kind alone', () => {
		expect(withEmbed('/', '')).toBe('/ingebed/');
		expect(withEmbed('/organisaties/lsa', '')).toBe('/ingebed/organisaties/lsa');
		expect(withEmbed('/atlas/meedoen', '/atlas')).toBe('/atlas/ingebed/meedoen');
		expect(withEmbed('/ingebed/meedoen', '')).toBe('/ingebed/meedoen');
		expect(withoutEmbed('/ingebed/', '')).toBe('/');
		expect(withoutEmbed('/ingebed', '')).toBe('/');
		expect(withoutEmbed('/atlas/ingebed/meedoen', '/atlas')).toBe('/atlas/meedoen');
		expect(withoutEmbed('/netwerk', '')).toBe('/netwerk');
	});

	it('gives the whole view of an embedded page, with its query', () => {
		expect(fullViewHref(new URL('http://a.test/ingebed/netwerk?gebied=F'), '')).toBe(
			'/netwerk?gebied=F'
		);
		expect(fullViewHref(new URL('http://a.test/netwerk'), '')).toBe('/netwerk');
	});
});
