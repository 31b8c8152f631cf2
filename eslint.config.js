import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

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
	{
		// Layers import downwards only: the data port and the shared modules never reach up
		// into a feature (README, "Layers"). What two features share moves down a layer.
		files: [
			'src/lib/{data,app,atlas,kinds,places,i18n}/**/*.ts',
			'src/lib/{data,app,atlas,kinds,places,i18n}/**/*.svelte'
		],
		ignores: ['**/*.spec.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: [
								'list',
								'map',
								'graph',
								'analysis',
								'join',
								'search',
								'organisation',
								'editing',
								'import',
								'areas',
								'export'
							].map((feature) => `$lib/${feature}/*`),
							message:
								'A shared module does not import a feature; move what both need down a layer.'
						}
					]
				}
			]
		}
	}
);
