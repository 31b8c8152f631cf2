/**
 * Text that allows formatting (an organisation's description): Markdown, made
 * into HTML by marked and then sanitised by DOMPurify, which keeps only a few
 * harmless elements and http(s) and mailto links. Everything else the atlas
 * shows is plain text, which Svelte, MapLibre and the canvas never read as HTML.
 */
import createDOMPurify, { type DOMPurify } from 'dompurify';
import { Marked } from 'marked';

const markdown = new Marked({ gfm: true, breaks: true, async: false });

const allowed = {
	ALLOWED_TAGS: ['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'a', 'blockquote'],
	ALLOWED_ATTR: ['href'],
	ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i
};

const purifiers = new WeakMap<object, DOMPurify>();

function purifierFor(window: Window): DOMPurify {
	let purifier = purifiers.get(window);
	if (!purifier) {
		purifier = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
		// Links leave the atlas in a new tab and vouch for nothing.
		purifier.addHook('afterSanitizeAttributes', (node) => {
			if (node.tagName === 'A') {
				node.setAttribute('target', '_blank');
				node.setAttribute('rel', 'noopener noreferrer nofollow ugc');
			}
		});
		purifiers.set(window, purifier);
	}
	return purifier;
}

/** Safe HTML for Markdown written by anyone. */
export function richText(source: string, window: Window = globalThis.window): string {
	const html = markdown.parse(source) as string;
	return purifierFor(window).sanitize(html, { ...allowed, ADD_ATTR: ['target', 'rel'] });
}
