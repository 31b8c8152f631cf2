import { describe, expect, it, vi } from 'vitest';

vi.mock('$env/dynamic/public', () => ({ env: {} }));

const { loadBasemap, offlineStyle, defaultBasemapStyleUrl } = await import('./basemap');

describe('loadBasemap', () => {
	it('uses the online style when it loads', async () => {
		const style = { version: 8, sources: {}, layers: [] };
		const fetcher = vi.fn(async () => Response.json(style));
		const basemap = await loadBasemap(fetcher as unknown as typeof fetch);
		expect(fetcher).toHaveBeenCalledWith(defaultBasemapStyleUrl, expect.anything());
		expect(basemap).toEqual({ style, online: true });
	});

	it('falls back to the built-in style when the network fails', async () => {
		const fetcher = vi.fn(async () => {
			throw new TypeError('Failed to fetch');
		});
		expect(await loadBasemap(fetcher as unknown as typeof fetch)).toEqual({
			style: offlineStyle,
			online: false
		});
	});

	it('falls back when the server answers with an error or something that is no style', async () => {
		const notFound = async () => new Response('nope', { status: 404 });
		expect((await loadBasemap(notFound as unknown as typeof fetch)).online).toBe(false);
		const html = async () => Response.json({ hello: 'world' });
		expect((await loadBasemap(html as unknown as typeof fetch)).online).toBe(false);
	});
});
