/** The SQL of supabase/, read from disk, in the order setup applies it. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SqlScript, SqlSources } from '../../src/lib/data/embedded/database-setup';

const root = join(import.meta.dirname, '..', '..');

function script(path: string): SqlScript {
	return { path, sql: readFileSync(join(root, path), 'utf8') };
}

export function loadSqlSources(options: { seed?: boolean } = {}): SqlSources {
	const migrations = readdirSync(join(root, 'supabase/migrations'))
		.filter((file) => file.endsWith('.sql'))
		.sort()
		.map((file) => script(`supabase/migrations/${file}`));
	return {
		compat: script('supabase/compat/supabase_compat.sql'),
		migrations,
		seed: options.seed === false ? null : script('supabase/seed.sql')
	};
}

/** What a database made from these sources is: the same text, the same signature. */
export function sourcesSignature(sources: SqlSources, extra = ''): string {
	const hash = createHash('sha256');
	for (const script of [sources.compat, ...sources.migrations, sources.seed]) {
		hash.update(`${script?.path ?? '-'}\n${script?.sql ?? ''}\n`);
	}
	return hash.update(extra).digest('hex');
}
