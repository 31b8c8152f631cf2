import { describe, expect, it } from 'vitest';
import { migrationVersion } from './database-setup';

describe('migrationVersion', () => {
	it('reads version and name the way the Supabase CLI names migrations', () => {
		expect(migrationVersion('supabase/migrations/20261122120000_foundation.sql')).toEqual({
			version: '20261122120000',
			name: 'foundation'
		});
	});

	it('refuses a file whose name would sort or record wrongly', () => {
		expect(() => migrationVersion('supabase/migrations/2026_foundation.sql')).toThrow();
		expect(() => migrationVersion('supabase/migrations/20261122120000-foundation.sql')).toThrow();
	});
});
