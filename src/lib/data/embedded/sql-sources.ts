import type { SqlScript, SqlSources } from './database-setup';

/**
 * The SQL of supabase/, bundled into the database worker at build time so the
 * embedded database runs exactly the files a hosted project is migrated with.
 */
const compat = import.meta.glob<string>('/supabase/compat/supabase_compat.sql', {
	query: '?raw',
	import: 'default',
	eager: true
});
const migrations = import.meta.glob<string>('/supabase/migrations/*.sql', {
	query: '?raw',
	import: 'default',
	eager: true
});
const seed = import.meta.glob<string>('/supabase/seed.sql', {
	query: '?raw',
	import: 'default',
	eager: true
});

function scripts(files: Record<string, string>): SqlScript[] {
	return Object.entries(files)
		.map(([path, sql]) => ({ path: path.replace(/^\//, ''), sql }))
		.sort((a, b) => a.path.localeCompare(b.path));
}

const [compatScript] = scripts(compat);
if (!compatScript) throw new Error('supabase/compat/supabase_compat.sql is missing from the build');

export const sqlSources: SqlSources = {
	compat: compatScript,
	migrations: scripts(migrations),
	seed: scripts(seed)[0] ?? null
};
