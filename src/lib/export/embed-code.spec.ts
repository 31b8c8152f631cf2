import { describe, expect, it } from 'vitest';
import { embedSnippet, embedUrl } from './embed-code';

describe('embedUrl', () => {
	it('puts the view under /ingebed/, with its filters and view in the query', () => {
		const none = { programme: null, area: null, theme: null, language: 'nl' as const };
		expect(embedUrl('https://atlas.example/', { view: 'kaart', ...none }).href).toBe(
			'https://atlas.example/ingebed/'
		);
		expect(
			embedUrl('https://atlas.example/', {
				view: 'netwerk',
				programme: 'samen-nieuw-west',
				area: 'F',
				theme: 'wonen',
				language: 'nl'
			}).href
		).toBe(
			'https://atlas.example/ingebed/?thema=wonen&gebied=F&programma=samen-nieuw-west&weergave=netwerk'
		);
		expect(embedUrl('https://example.org/atlas/', { view: 'meedoen', ...none }).href).toBe(
			'https://example.org/atlas/ingebed/meedoen'
		);
		expect(embedUrl('https://atlas.example/', { view: 'lijst', ...none }).search).toBe(
			'?weergave=lijst'
		);
	});

	it('names the language the host chose, except Dutch, the default', () => {
		const none = { programme: null, area: null, theme: null };
		expect(
			embedUrl('https://atlas.example/', { view: 'meedoen', ...none, language: 'ar' }).href
		).toBe('https://atlas.example/ingebed/meedoen?lang=ar');
		expect(
			embedUrl('https://atlas.example/', { view: 'lijst', ...none, language: 'tr' }).search
		).toBe('?weergave=lijst&lang=tr');
		expect(
			embedUrl('https://atlas.example/', { view: 'kaart', ...none, language: 'nl' }).search
		).toBe('');
	});
});

describe('embedSnippet', () => {
	it('is a sandboxed frame with a title, and answers height messages from the atlas only', () => {
		const url = new URL('https://atlas.example/ingebed/?programma=a');
		const html = embedSnippet(url, 'Buurtatlas: "kaart" <van> A & B', '100%', 600);
		expect(html).toContain('src="https://atlas.example/ingebed/?programma=a"');
		expect(html).toContain('title="Buurtatlas: &quot;kaart&quot; &lt;van> A &amp; B"');
		expect(html).toContain('height="600"');
		expect(html).toContain('sandbox="allow-scripts allow-same-origin');
		expect(html).toContain(`event.origin !== "https://atlas.example"`);
		expect(html).toContain("'buurtatlas:height'");
	});
});
