import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/**
 * The folders of src/lib, bottom first. A folder imports only those below it,
 * so no two folders import each other, through any number of steps: the data
 * port at the bottom, then the shared modules, then the features. What two
 * features share moves down (README, "Layers"). Routes sit above all of them.
 */
const layers = [
	'data',
	'i18n',
	'ui',
	'app',
	'places',
	'kinds',
	'network',
	'files',
	'atlas',
	'map',
	'analysis',
	'graph',
	'list',
	'search',
	'organisation',
	'join',
	'editing',
	'programmes',
	'export',
	'import',
	'areas'
];

/** One no-restricted-imports rule per folder: nothing from the folders above it. */
function layerRules() {
	// A new folder takes its place in the list, or no rule would hold it.
	const unplaced = readdirSync(new URL('./src/lib', import.meta.url), { withFileTypes: true })
		.filter((entry) => entry.isDirectory() && entry.name !== 'paraglide')
		.map((entry) => entry.name)
		.filter((name) => !layers.includes(name));
	if (unplaced.length > 0) {
		throw new Error(`src/lib/${unplaced.join(', ')}: add to the layers in eslint.config.js`);
	}
	return layers.map((folder, index) => {
		const above = layers.slice(index + 1);
		return {
			files: [`src/lib/${folder}/**/*.ts`, `src/lib/${folder}/**/*.svelte`],
			ignores: ['**/*.spec.ts'],
			rules: {
				'no-restricted-imports': [
					'error',
					{
						patterns: above.length
							? [
									{
										group: above.flatMap((higher) => [
											`$lib/${higher}`,
											`$lib/${higher}/*`,
											`../${higher}/*`,
											`../../${higher}/*`
										]),
										message: `${folder} is below these folders (layers in eslint.config.js): move what both need down a layer.`
									}
								]
							: []
					}
				]
			}
		};
	});
}

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'src/lib/paraglide/',
			'src/lib/data/embedded/generated/',
			'test-results/',
			'playwright-report/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: {
			globals: { ...globals.browser, ...globals.node }
		}
	},
	{
		files: ['**/*.ts', '**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		},
		rules: {
			// A promise nobody awaits hides its failure; say `void` where that is meant.
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': 'error',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }]
		}
	},
	...layerRules()
);
