/** Writes src/lib/data/hosted/database.types.ts from the migrations (npm run db:types). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDatabaseTypes } from '../tests/db/database-types';
import { openTestDatabase } from '../tests/db/harness';

const db = await openTestDatabase('pglite', { seed: false });
try {
	const target = join(import.meta.dirname, '..', 'src/lib/data/hosted/database.types.ts');
	writeFileSync(target, await generateDatabaseTypes(db.query));
	console.log(`wrote ${target}`);
} finally {
	await db.close();
}
