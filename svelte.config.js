import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: {
		// Svelte 5 runes everywhere; no legacy component syntax.
		runes: true
	},
	kit: {
		// A single-page app: every route is rendered in the browser from index.html,
		// so any static host (and `vite preview`) can serve deep links.
		// Precompressed (.br, .gz) beside every file, for hosts that serve them: PGlite's
		// 8.9 MB of wasm is 2.4 MB as brotli. The end-to-end tests skip it (it adds half a
		// minute to a build and `vite preview` does not serve them).
		adapter: adapter({
			fallback: 'index.html',
			strict: true,
			precompress: process.env.BUURTATLAS_PRECOMPRESS !== 'off'
		}),
		typescript: {
			// Type-check the scripts, benchmarks and configs as strictly as the app.
			config: (tsconfig) => {
				tsconfig.include.push('../scripts/**/*.ts', '../bench/**/*.ts', '../playwright.config.ts');
				return tsconfig;
			}
		}
	}
};

export default config;
