import { describe, expect, it } from 'vitest';
import { indexedDbName } from './database-snapshot';

describe('indexedDbName', () => {
	it('names the IndexedDB database PGlite keeps an idb:// data directory in', () => {
		expect(indexedDbName('idb://buurtatlas')).toBe('/pglite/buurtatlas');
	});

	it('has no IndexedDB database for memory', () => {
		expect(indexedDbName('memory://')).toBeNull();
	});
});
