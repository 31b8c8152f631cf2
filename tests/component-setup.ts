/**
 * What SvelteKit's page would have set before a component runs: the public
 * environment ($env/dynamic/public reads it from globalThis in the browser).
 * Empty: components under test run against the embedded default and never
 * start it (what they need from the atlas, a test gives them).
 */
(globalThis as { __sveltekit_dev?: { env: Record<string, string> } }).__sveltekit_dev = { env: {} };

// What jsdom does not lay out, and so does not have: scrolling into view, media queries.
Element.prototype.scrollIntoView ??= function scrollIntoView() {};
window.matchMedia ??= (query: string) =>
	({
		matches: false,
		media: query,
		addEventListener() {},
		removeEventListener() {}
	}) as unknown as MediaQueryList;
