import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			// The link's ?lang= first (see $lib/i18n/locale), then the language this
			// browser chose before, then Dutch.
			strategy: ['custom-link', 'localStorage', 'baseLocale']
		}),
		sveltekit()
	],
	// PGlite loads its wasm and data files relative to its own module; pre-bundling breaks that.
	optimizeDeps: { exclude: ['@electric-sql/pglite'] },
	worker: { format: 'es' },
	build: {
		target: 'es2022',
		chunkSizeWarningLimit: 1200,
		rolldownOptions: {
			output: {
				advancedChunks: {
					groups: [
						{
							name: 'shared',
							test: /src\/lib\/(atlas|kinds|places|i18n|paraglide)|node_modules\/(svelte|@sveltejs|esm-env|devalue|clsx)/,
							minShareCount: 2
						}
					]
				}
			}
		}
	},
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['src/**/*.spec.ts'],
					exclude: ['src/**/*.component.spec.ts'],
					environment: 'node'
				}
			},
			{
				// Forms and components, mounted with Svelte's own mount() in jsdom: what
				// they check and show, without a browser or a database (those are the
				// journeys' business).
				extends: true,
				resolve: { conditions: ['browser'] },
				test: {
					name: 'component',
					include: ['src/**/*.component.spec.ts'],
					environment: 'jsdom',
					setupFiles: ['tests/component-setup.ts']
				}
			},
			{
				extends: true,
				test: {
					name: 'db',
					include: ['tests/db/**/*.spec.ts'],
					environment: 'node',
					// Each file boots its own Postgres (PGlite, and a server database when
					// DATABASE_URL is set); two at a time fit two cores.
					maxWorkers: 2,
					sequence: { groupOrder: 1 },
					testTimeout: 60_000,
					hookTimeout: 120_000
				}
			}
		]
	}
});
