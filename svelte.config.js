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
		adapter: adapter({ fallback: 'index.html', strict: true }),
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
