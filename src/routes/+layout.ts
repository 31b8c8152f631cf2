// A single-page app: everything renders in the browser, from the index.html fallback.
export const ssr = false;
export const prerender = false;
