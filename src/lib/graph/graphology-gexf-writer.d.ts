/**
 * graphology-gexf's writer on its own. Its browser entry also loads the
 * parser, which needs DOMParser as soon as it is imported; the writer alone
 * runs anywhere (the unit tests run in Node) and keeps the parser out of the
 * bundle. The types are those of the package's own `write`.
 */
declare module 'graphology-gexf/browser/writer.js' {
	import type { write } from 'graphology-gexf/browser';
	const writeGexf: typeof write;
	export default writeGexf;
}
